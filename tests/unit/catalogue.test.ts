// A marketplace page's text comes from the background's catalogue (utils/catalogue.ts) as templates
// that the content world fills (utils/content/i18n.ts): the same sentence as the browser's own
// getMessage for every key, without the page loading the catalogue itself.
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ru from '../../public/_locales/ru/messages.json';
import { catalogue } from '../../utils/catalogue';
import { CATALOGUE_GLOBAL, hasMessage, type MessageKey, t } from '../../utils/content/i18n';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
/** Chromium's getMessage: `$NAME$` from the placeholders, their `$n` from the substitutions, `$$` a dollar. */
function chromeGetMessage(key: string, subs?: string | string[]): string {
  const entry = (ru as Record<string, Entry>)[key];
  if (!entry) return '';
  const list = typeof subs === 'string' ? [subs] : (subs ?? []);
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) =>
      (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (_m, n: string) => list[Number(n) - 1] ?? ''),
    )
    .replace(/\$\$/g, '$');
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CATALOGUE_GLOBAL];
  vi.restoreAllMocks();
});

test("every message filled from the background's templates reads as the browser's getMessage gives it", async () => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(chromeGetMessage as typeof fakeBrowser.i18n.getMessage);
  const { messages } = await catalogue();
  expect(Object.keys(messages).sort()).toEqual(Object.keys(ru).sort());
  (globalThis as Record<string, unknown>)[CATALOGUE_GLOBAL] = new Map(Object.entries(messages));
  const subs = ['12', 'Wildberries', '1 234 ₽', '7'];
  let withSubs = 0;
  for (const key of Object.keys(ru) as MessageKey[]) {
    expect(t(key, ...subs), key).toBe(chromeGetMessage(key, subs));
    if ((ru[key] as Entry).placeholders) withSubs++;
  }
  expect(withSubs).toBeGreaterThan(50);
  expect(t('lowestInDays', 90)).toBe('Самая низкая цена за 90 дн.');
  expect(hasMessage('refresh')).toBe(true);
  expect(hasMessage('no_such_key')).toBe(false);
});

test("the build's list of a page's keys: keys its code names, and keys built from a prefix it names", async () => {
  const { keysIn } = await import('../../scripts/content-keys.mjs');
  // Minified code as the build leaves it (a template literal's `${` spelled apart here, for the linter).
  const code = [
    'x(`priceHistory`);y("refresh");const s=`state_$',
    '{e.replace(/-/g,`_`)}`;const k="scan_"+n;z(`lowestInDaysX`);w(`popupToday ok`)',
  ].join('');
  expect(keysIn(code, ['priceHistory', 'refresh', 'state_fresh', 'state_blocked', 'scan_done', 'lowestInDays', 'popupToday'])).toEqual([
    'priceHistory',
    'refresh',
    'scan_done',
    'state_blocked',
    'state_fresh',
  ]);
});
