// The options page's token: saved in the one token field, then read back from the token itself —
// its type, categories and expiry as the fixture's token generator encoded them — with what each
// category gives in Lupa, the warnings, and the popup's task before it expires. The page never shows the token.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_CATEGORIES, makeSellerToken } from '../fixtures/wb/seller-token.mjs';

const asked: string[] = [];
let catalogueReply: unknown = { import: null, items: 0 };
vi.mock('../../utils/messaging', async () => {
  const { sellerTokenInfo } = await import('../../utils/own-numbers/token');
  return {
    ask: async (name: string) => {
      asked.push(name);
      if (name === 'getSellerToken') return sellerTokenInfo();
      if (name === 'checkWbToken') return { ok: false, reason: 'bad-token' };
      if (name === 'getOwnCatalogue' || name === 'importOwnCatalogue') return catalogueReply;
      throw new Error(`unexpected ${name}`);
    },
  };
});
const { unansweredOptions } = await import('../../components/unanswered/options');
const { ownNumbersOptions } = await import('../../components/own-numbers/token');
const { ownNumbersPopup } = await import('../../components/own-numbers/popup');
const { clearSecrets, setWbToken } = await import('../../utils/secrets');
const { t } = await import('../../utils/i18n');

import type { LupaDb } from '../../utils/db';

const DAY = 86_400_000;
const props = { db: {} as LupaDb, say: () => {}, fail: () => {}, exports: [] };

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  await clearSecrets();
  asked.length = 0;
  catalogueReply = { import: null, items: 0 };
});

const Options = () => (
  <>
    {unansweredOptions.Section && <unansweredOptions.Section {...props} />}
    {ownNumbersOptions.Section && <ownNumbersOptions.Section {...props} />}
  </>
);
const fig = (name: string) => document.querySelector(`[data-lupa="${name}"]`);

async function save(token: string) {
  fireEvent.change(screen.getByPlaceholderText(t('optTokenPlaceholder')), { target: { value: token } });
  fireEvent.click(document.querySelector('[data-lupa="token-check"]') as HTMLElement);
}

test('without a token the section says Lupa knows none of the own numbers', async () => {
  render(<Options />);
  await screen.findByText(t('ownTokenNone'));
  expect(fig('token-type')).toBeNull();
});

test('"Сохранить и проверить" shows what the token encodes: a Basic token with two categories', async () => {
  const categories = ['Statistics', 'Prices & Discounts'];
  const expiresAt = Date.now() + 120 * DAY;
  const token = makeSellerToken({ type: 'basic', categories, expiresAt });
  const { container } = render(<Options />);
  await screen.findByText(t('ownTokenNone'));
  await save(token);
  await waitFor(() => expect(fig('token-type')?.getAttribute('data-value')).toBe('basic'));
  // The fixture's own reading of the token: its categories in the reference's order, exp in whole seconds.
  expect(fig('token-categories')?.getAttribute('data-value')).toBe(ALL_CATEGORIES.filter((c) => categories.includes(c)).join(','));
  expect(fig('token-categories')?.textContent).toBe('Цены и скидки, Статистика');
  expect(fig('token-expires')?.getAttribute('data-value')).toBe(String(Math.floor(expiresAt / 1000) * 1000));
  const warnings = [...document.querySelectorAll('[data-lupa="token-warning"]')].map((w) => w.getAttribute('data-value'));
  expect(warnings).toEqual(['basic']);
  const uses = Object.fromEntries(
    [...document.querySelectorAll('[data-lupa="token-category"]')].map((u) => [
      u.getAttribute('data-category'),
      u.getAttribute('data-value'),
    ]),
  );
  expect(uses).toEqual({
    'Questions & Feedbacks': 'missing',
    'Prices & Discounts': 'granted',
    Statistics: 'granted',
    Analytics: 'missing',
  });
  expect(container.innerHTML).not.toContain(token);
  // A token that can read prices loads the own items at once.
  await waitFor(() => expect(asked).toContain('importOwnCatalogue'));
});

test("a token without «Цены и скидки» starts no import; the import's problem is said in the seller's words", async () => {
  const T = Date.now();
  catalogueReply = {
    import: {
      state: 'failed',
      startedAt: T,
      offset: 0,
      finishedAt: T,
      problem: { kind: 'missing-category', category: 'Prices & Discounts' },
    },
    items: 12,
  };
  render(<Options />);
  await screen.findByText(t('ownTokenNone'));
  await save(makeSellerToken({ categories: ['Questions & Feedbacks'] }));
  await waitFor(() => expect(fig('token-categories')?.getAttribute('data-value')).toBe('Questions & Feedbacks'));
  const state = fig('own-catalogue-state');
  expect(state?.getAttribute('data-value')).toBe('failed');
  expect(state?.getAttribute('data-problem')).toBe('missing-category');
  expect(state?.textContent).toContain('Токен без категории «Цены и скидки»');
  // What an earlier import brought is still there.
  expect(fig('own-catalogue')?.getAttribute('data-value')).toBe('12');
  expect(asked).not.toContain('importOwnCatalogue');
});

test('a Personal token expiring in 10 days warns, and the popup raises the task', async () => {
  const expiresAt = Date.now() + 10 * DAY - 60_000;
  await setWbToken(makeSellerToken({ expiresAt }));
  render(<Options />);
  await waitFor(() => expect(fig('token-type')?.getAttribute('data-value')).toBe('personal'));
  expect(fig('token-categories')?.getAttribute('data-value')).toBe(ALL_CATEGORIES.join(','));
  const warning = fig('token-warning');
  expect(warning?.getAttribute('data-value')).toBe('expiring');
  expect(warning?.textContent).toContain('через 10 дн.');
  cleanup();

  const Tasks = ownNumbersPopup.Tasks as NonNullable<typeof ownNumbersPopup.Tasks>;
  render(
    <ul>
      <Tasks generation={0} reload={() => {}} failed={() => {}} />
    </ul>,
  );
  const task = await waitFor(() => {
    const el = document.querySelector('[data-lupa="task"][data-kind="token-expiring"]');
    expect(el).not.toBeNull();
    return el as Element;
  });
  expect(task.getAttribute('data-value')).toBe(String(Math.floor(expiresAt / 1000) * 1000));
});

test('no task while the token has more than 14 days left; an expired one says so', async () => {
  const Tasks = ownNumbersPopup.Tasks as NonNullable<typeof ownNumbersPopup.Tasks>;
  await setWbToken(makeSellerToken({ expiresAt: Date.now() + 15 * DAY }));
  const first = render(
    <ul>
      <Tasks generation={0} reload={() => {}} failed={() => {}} />
    </ul>,
  );
  await waitFor(() => expect(asked).toContain('getSellerToken'));
  await waitFor(() => expect(first.container.querySelector('li[hidden]')).toBeNull());
  expect(first.container.querySelector('[data-lupa="task"]')).toBeNull();
  cleanup();

  await setWbToken(makeSellerToken({ expiresAt: Date.now() - DAY }));
  render(<Options />);
  await waitFor(() => expect(fig('token-warning')?.getAttribute('data-value')).toBe('expired'));
});

test('a saved text that is no JWT says so instead of guessing', async () => {
  await setWbToken('eyJhbGciOiJFUzI1NiJ9.not-a-real-token-at-all.signature');
  render(<Options />);
  await waitFor(() => expect(fig('token-warning')?.getAttribute('data-value')).toBe('unreadable'));
  expect(fig('token-type')).toBeNull();
});
