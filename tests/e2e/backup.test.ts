import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, panelIn, startLab } from './harness';

/**
 * In an extension page: every store's row count and a SHA-256 of its sorted rows (raw IndexedDB).
 * The history packed by month (utils/series.ts) counts its points, as the backup file does.
 */
const digest = () =>
  new Promise<Record<string, string>>((resolve, reject) => {
    const open = indexedDB.open('lupa');
    open.onerror = () => reject(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      const out: Record<string, string> = {};
      for (const name of [...db.objectStoreNames].sort()) {
        const rows = await new Promise<unknown[]>((res) => {
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => res(req.result);
        });
        const text = rows
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n');
        const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
        const count = ['priceMonths', 'stockMonths'].includes(name)
          ? rows.reduce((n: number, r) => n + (r as { points: unknown[] }).points.length, 0)
          : rows.length;
        out[name] = `${count}:${[...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
      }
      db.close();
      resolve(out);
    };
  });

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

/** In the options page: records every state a progress bar shows ([figure, phase, value]). */
const watchProgress = () => {
  const seen: string[][] = [];
  (window as unknown as { lupaProgress: string[][] }).lupaProgress = seen;
  new MutationObserver(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-lupa$="-progress"]'))
      seen.push([el.dataset.lupa ?? '', el.dataset.phase ?? '', el.dataset.value ?? '']);
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
};
/** The extension's storage, as an extension page sees it. */
type Chrome = { storage: { local: { set(items: object): Promise<void>; get(keys: null): Promise<object> } } };

const progressSeen = () => (window as unknown as { lupaProgress: string[][] }).lupaProgress;

test('backup → delete everything → restore, confirmed, gives back an identical database; a bad file changes nothing', async () => {
  // Real data: two WB products (cards, history, reviews), one tracked, one Ozon product, a twin link.
  const a = await lab.open('/catalog/146972802/detail.aspx');
  const pa = await panelIn(a, 146972802);
  await pa.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
  await pa.locator('[data-lupa="twin-input"]').fill('754321987');
  await pa.locator('[data-lupa="twin"] button[type="submit"]').click();
  await pa.locator('[data-lupa="twin-unlink"]').waitFor();
  const b = await lab.open('/catalog/255012877/detail.aspx');
  await panelIn(b, 255012877);

  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await options.locator('[data-lupa="backup"]').waitFor();
  // A setting and a token: "delete all data" deletes them too; a backup never holds the token.
  await options.locator('input[name="priceMovePct"]').fill('7.5');
  await options.locator('[data-lupa="settings-form"] button[type="submit"]').click();
  await options.locator('[data-lupa="options-message"]').waitFor();
  const token = 'e2e-token-0123456789abcdefghijklmnop';
  await options.evaluate(
    (value) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ 'secret.wbFeedbacksToken': value }),
    token,
  );
  const before = await options.evaluate(digest);
  expect(Number(before.cards?.split(':')[0])).toBeGreaterThanOrEqual(3);
  expect(Number(before.priceMonths?.split(':')[0])).toBeGreaterThan(30);
  expect(Number(before.twins?.split(':')[0])).toBe(2);
  const rows = Object.values(before).reduce((n, v) => n + Number(v.split(':')[0]), 0);

  await options.evaluate(watchProgress);
  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-lupa="backup"]').click()]);
  const file = (await download.path()) as string;
  expect(download.suggestedFilename()).toMatch(/^lupa-backup-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text.split('\n')[0] as string)).toMatchObject({ $: 'lupa-backup', version: 2 });
  expect(text).not.toContain(token);
  expect(text).not.toContain('$types');
  const backupBars = (await options.evaluate(progressSeen)).filter(([name]) => name === 'backup-progress');
  expect(backupBars.length).toBeGreaterThan(0);

  options.once('dialog', (d) => void d.accept());
  await options.locator('[data-lupa="clear-all"]').click();
  await expect.poll(() => options.locator('[data-lupa="options-message"]').textContent()).toBe('Все данные удалены.');
  const cleared = await options.evaluate(digest);
  expect(Object.values(cleared).every((v) => v.startsWith('0:'))).toBe(true);
  expect(await options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null))).toEqual({});
  expect(await options.locator('input[name="priceMovePct"]').inputValue()).toBe('5');

  // Restore: the file is checked, its contents shown, and nothing is written until confirmed.
  await options.evaluate(watchProgress);
  await options.locator('[data-lupa="restore"]').setInputFiles(file);
  const summary = options.locator('[data-lupa="restore-summary"]');
  await summary.waitFor();
  expect(Number(await summary.getAttribute('data-value'))).toBe(rows);
  expect(await summary.locator('[data-lupa="restore-table"][data-table="pricePoints"]').getAttribute('data-value')).toBe(
    before.priceMonths?.split(':')[0],
  );
  expect(Object.values(await options.evaluate(digest)).every((v) => v.startsWith('0:'))).toBe(true);
  await options.locator('[data-lupa="restore-confirm"]').click();
  await expect.poll(() => options.locator('[data-lupa="options-message"]').textContent()).toContain('восстановлены');
  expect(await options.evaluate(digest)).toEqual(before);
  const restoreBars = await options.evaluate(progressSeen);
  expect(restoreBars.some(([name, phase]) => name === 'restore-progress' && phase === 'check')).toBe(true);
  expect(restoreBars.some(([name, phase]) => name === 'restore-progress' && phase === 'write')).toBe(true);

  // Bad files: each refused with the reason in Russian, the data as it was.
  const lines = text.trimEnd().split('\n');
  const head = (tables: Record<string, number>) =>
    JSON.stringify({ $: 'lupa-backup', version: 1, schema: 7, createdAt: Date.now(), tables });
  const markup = '<img src=x onerror="document.title=1">';
  const bad = [
    { name: 'cut.jsonl', body: lines.slice(0, Math.floor(lines.length / 2)).join('\n'), says: 'обрывается' },
    {
      name: 'unknown.jsonl',
      body: [
        lines[0],
        JSON.stringify({ $: 'table', name: markup, rows: 1, fields: ['a'] }),
        '[1]',
        JSON.stringify({ $: 'end', rows: 1 }),
      ].join('\n'),
      says: `неизвестная таблица «${markup}»`,
    },
    {
      name: 'backoff.jsonl',
      body: [
        head({ kv: 1 }),
        JSON.stringify({ $: 'table', name: 'kv', rows: 1, fields: ['key', 'value'] }),
        JSON.stringify(['blocked-until:ozon', Date.UTC(270000, 0, 1)]),
        JSON.stringify({ $: 'end', rows: 1 }),
      ].join('\n'),
      says: 'blocked-until:ozon',
    },
  ];
  for (const { name, body, says } of bad) {
    await options.locator('[data-lupa="restore"]').setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(body) });
    await expect.poll(() => options.locator('[data-lupa="options-problem"]').textContent()).toContain(says);
    expect(await options.locator('[data-lupa="options-problem"]').textContent()).toContain('Ваши данные не изменены');
    expect(await options.locator('[data-lupa="restore-summary"]').count()).toBe(0);
    expect(await options.evaluate(digest)).toEqual(before);
  }
  expect(await options.locator('[data-lupa="options-problem"] img').count()).toBe(0);
  expect(await options.title()).not.toBe('1');
  expect(lab.errors).toEqual([]);
});

test('settings are validated and saved', async () => {
  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await options.locator('input[name="priceMovePct"]').fill('7.5');
  await options.locator('[data-lupa="settings-form"] button[type="submit"]').click();
  await options.locator('[data-lupa="options-message"]').waitFor();
  await options.reload();
  expect(await options.locator('input[name="priceMovePct"]').inputValue()).toBe('7.5');
  await options.locator('input[name="refreshMinutes"]').fill('2');
  await options.locator('[data-lupa="settings-form"] button[type="submit"]').click();
  expect(await options.locator('[data-lupa="options-problem"]').textContent()).toContain('refreshMinutes');
});

test('reply templates: a blaming phrase is flagged as it is typed; edits are saved; defaults come back', async () => {
  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  const defect = options.locator('[data-lupa="template"][data-id="defect"]');
  await defect.waitFor();
  expect(await defect.locator('[data-lupa="tone-warning"]').count()).toBe(0);
  await defect.locator('[data-lupa="template-text"]').fill('Вы сами виноваты, надо было проверять при получении.');
  expect(
    await defect
      .locator('[data-lupa="tone-warning"]')
      .evaluateAll((w) => w.map((x) => [x.getAttribute('data-value'), x.getAttribute('data-phrase')])),
  ).toEqual([
    ['blame', 'Вы сами виноваты'],
    ['blame', 'надо было'],
    ['no-way-out', ''],
  ]);
  await defect
    .locator('[data-lupa="template-text"]')
    .fill('Здравствуйте, {buyer}! Жаль, что так вышло. Оформите возврат в личном кабинете — вернём деньги.');
  expect(await defect.locator('[data-lupa="tone-warning"]').count()).toBe(0);
  await options.locator('[data-lupa="templates-save"]').click();
  await options.locator('[data-lupa="options-message"]').waitFor();
  await options.reload();
  await expect
    .poll(() => options.locator('[data-lupa="template"][data-id="defect"] [data-lupa="template-text"]').inputValue())
    .toContain('вернём деньги');
  await options.getByText('Вернуть шаблоны по умолчанию').click();
  await expect
    .poll(() => options.locator('[data-lupa="template"][data-id="defect"] [data-lupa="template-text"]').inputValue())
    .toContain('Приносим извинения');
});
