// @vitest-environment jsdom
// PRIVACY.md is true to the code: where each thing is kept, which hosts are called, for how long.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderMarkdown } from '../../entrypoints/privacy/markdown';
import { DB_NAME } from '../../utils/db';
import { QUOTA_KEEP_DAYS } from '../../utils/quota';
import { LEGACY_TOKEN_KEY, SECRETS_DB_NAME } from '../../utils/secrets';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { MARKETPLACE_HOSTS } from '../../wxt.config';

const privacy = readFileSync(join(import.meta.dirname, '../../PRIVACY.md'), 'utf8');
/** The row of the storage table whose first cell starts with `what`. */
const row = (what: string) => privacy.split('\n').find((l) => l.startsWith(`| ${what}`)) ?? '';

test('the token row names its own database, not storage.local, and says it is not in a backup', () => {
  const token = row('Токен');
  expect(token).toContain(`\`${SECRETS_DB_NAME}\``);
  expect(token).not.toContain('storage.local');
  expect(token).toContain('не входит в резервную копию');
  expect(privacy).not.toContain(LEGACY_TOKEN_KEY);
});

test('the stores, the hosts and the periods are the code’s', () => {
  expect(privacy).toContain(`база \`${DB_NAME}\``);
  expect(row('Настройки и шаблоны')).toContain('`storage.local`');
  for (const pattern of MARKETPLACE_HOSTS) {
    const host = pattern.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, '');
    expect(privacy, host).toContain(host);
  }
  expect(privacy).toContain(`по умолчанию ${DEFAULT_SETTINGS.retentionDays} дней`);
  expect(QUOTA_KEEP_DAYS).toBe(7);
  expect(privacy).toContain('старше недели');
});

test('the privacy page shows the file as headings, paragraphs and tables, as text', () => {
  const main = document.createElement('main');
  renderMarkdown(privacy, main);
  expect(main.querySelector('h1')?.textContent).toBe('Lupa — конфиденциальность / Privacy');
  expect([...main.querySelectorAll('h2')].map((h) => h.textContent)).toContain('Что хранится и где');
  const tables = main.querySelectorAll('table');
  expect(tables.length).toBe(2);
  const tokenRow = [...(tables[0]?.querySelectorAll('tr') ?? [])].find((tr) => tr.textContent?.startsWith('Токен'));
  expect(tokenRow?.querySelectorAll('td')).toHaveLength(3);
  expect(tokenRow?.querySelector('code')?.textContent).toBe(SECRETS_DB_NAME);
  expect(main.querySelector('strong')?.textContent).toBe('Коротко.');
  // No markup left over as text, and nothing but elements made by the renderer.
  expect(main.textContent).not.toMatch(/\*\*|\| ---|`/);
  expect([...new Set([...main.querySelectorAll('*')].map((el) => el.tagName))].sort()).toEqual(
    ['CODE', 'H1', 'H2', 'HR', 'P', 'STRONG', 'TABLE', 'TD', 'TH', 'TR'].sort(),
  );
});
