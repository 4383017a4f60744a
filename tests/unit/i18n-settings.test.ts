import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import ru from '../../public/_locales/ru/messages.json';
import { formatRating, t } from '../../utils/i18n';
import { DEFAULT_DEST } from '../../utils/marketplaces/wb/endpoints';
import { getSettings, saveSettings } from '../../utils/settings';

beforeEach(() => fakeBrowser.reset());

test('Russian and English catalogues have the same keys and placeholders', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  for (const key of Object.keys(ru) as Array<keyof typeof ru>) {
    const placeholders = (m: unknown) => Object.keys((m as { placeholders?: object }).placeholders ?? {}).sort();
    expect(placeholders(en[key]), key).toEqual(placeholders(ru[key]));
  }
});

test('without the browser catalogue, text falls back to Russian with placeholders filled', () => {
  expect(t('lowestInDays', 90)).toBe('Самая низкая цена за 90 дн.');
  expect(t('refresh')).toBe('Обновить');
});

test("settings: the user's own region by default (none chosen), saved values read back, corrupt storage falls back to defaults", async () => {
  expect((await getSettings()).wbDest).toBeNull();
  await saveSettings({ wbDest: 12358514 });
  expect((await getSettings()).wbDest).toBe(12358514);
  await saveSettings({ wbDest: null });
  expect((await getSettings()).wbDest).toBeNull();
  await fakeBrowser.storage.local.set({ settings: { wbDest: 'Москва', priceWindowDays: -4 } });
  expect(await getSettings()).toEqual({
    wbDest: null,
    priceWindowDays: 90,
    positionDepth: 10,
    refreshMinutes: 180,
    priceMovePct: 5,
    ratingDrop: 0.1,
    retentionDays: 180,
  });
});

test.each([
  [4.7, '★4,7'],
  [5, '★5'],
  [3.45, '★3,45'],
  [0, '★0'],
  [null, '★ —'],
])('a rating of %s reads %j', (rating, text) => {
  expect(formatRating(rating)).toBe(text);
});

test.each([
  ['Moscow, which every save of the old form stored, chosen or not', DEFAULT_DEST, null],
  ['a region the user typed', 12358514, 12358514],
])('settings of version 1 with %s: the region becomes %s', async (_what, stored, now) => {
  await fakeBrowser.storage.local.set({ settings: { wbDest: stored, priceWindowDays: 30 }, settings$: { v: 1 } });
  vi.resetModules();
  const fresh = await import('../../utils/settings');
  expect(await fresh.getSettings()).toMatchObject({ wbDest: now, priceWindowDays: 30 });
  expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });
});
