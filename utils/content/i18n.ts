// UI text where it runs inside the extension (content scripts, chunks): the browser's catalogue
// (public/_locales) alone, which is always there. utils/i18n.ts adds the Russian dictionary as a
// fallback for where the API is absent (unit and component tests); the dictionary is ~57 KB that
// no marketplace page should carry, so the chunks' build (wxt.config.ts) reads utils/i18n.ts as this.
import type ru from '../../public/_locales/ru/messages.json';
import { formatNumber } from '../money';
import { browser } from './browser';

export type MessageKey = keyof typeof ru;
/** A catalogue lookup: the message with its placeholders filled, or '' when there is none. */
export type Lookup = (key: MessageKey, subs: string[]) => string;

/**
 * Substitutions the background asks its catalogue with (utils/catalogue.ts): each message comes
 * back as a template with these private-use marks where `$1`…`$9` go (the browser's limit is 9).
 */
export const SUB_MARKS = ['\uE000', '\uE001', '\uE002', '\uE003', '\uE004', '\uE005', '\uE006', '\uE007', '\uE008'];
const MARK = /[\uE000-\uE008]/g;

/**
 * Where a marketplace page's copy of the catalogue is kept: on the global of Lupa's isolated world,
 * so the core and the chunks the background injects into that world read one copy.
 */
export const CATALOGUE_GLOBAL = '__lupaCatalogue';
const catalogue = () => (globalThis as Record<string, unknown>)[CATALOGUE_GLOBAL] as ReadonlyMap<string, string> | undefined;

const missed = new Set<string>();

export const browserMessage: Lookup = (key, subs) => {
  const held = catalogue();
  const template = held?.get(key);
  if (template !== undefined) return template.replace(MARK, (mark) => subs[mark.charCodeAt(0) - 0xe000] ?? '');
  if (held && !missed.has(key)) {
    // The build's list (scripts/content-keys.mjs) missed a key this code uses: the text still reads
    // right, from the browser's catalogue, but the page pays for loading it. The e2e tests fail on this.
    missed.add(key);
    console.error(`[lupa] text not in the page's catalogue: ${key}`);
  }
  try {
    return browser.i18n?.getMessage(key, subs) ?? '';
  } catch {
    return ''; // not in an extension context
  }
};

/** Whether the catalogue has this key (names built at run time, like a table's label). */
export const hasMessage = (key: string): key is MessageKey => catalogue()?.has(key) || browserMessage(key as MessageKey, []) !== '';

/** How the marketplaces are named in text. */
/** A product's stars as the storefronts show them: "★4,7"; "★ —" while it has none. */
export function formatRating(rating: number | null): string {
  return rating === null ? '★ —' : `★${formatNumber(rating)}`;
}

export const MARKET_NAME = { wb: 'Wildberries', ozon: 'Ozon' } as const;

/** The text helpers over one lookup. */
export function textFrom(lookup: Lookup) {
  const t = (key: MessageKey, ...subs: Array<string | number>): string => lookup(key, subs.map(String));
  /** The language of the strings in use, so dates and ages read in the same language as the text. */
  const uiLanguage = (): 'ru' | 'en' => (t('locale') === 'en' ? 'en' : 'ru');
  /** "5 мин назад" / "5 minutes ago". */
  const formats = new Map<string, Intl.RelativeTimeFormat>();
  const formatAge = (ms: number): string => {
    const language = uiLanguage();
    let rtf = formats.get(language);
    if (!rtf) {
      // A formatter is costly to make (its locale data); one per language serves every age shown.
      rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
      formats.set(language, rtf);
    }
    const minutes = Math.round(ms / 60_000);
    if (Math.abs(minutes) < 60) return rtf.format(-minutes, 'minute');
    const hours = Math.round(minutes / 60);
    if (Math.abs(hours) < 48) return rtf.format(-hours, 'hour');
    return rtf.format(-Math.round(hours / 24), 'day');
  };
  /** The sentence for a state ("fresh", "blocked", "lupa-unavailable"…), naming the marketplace. */
  const stateMessage = (state: string, marketplace: keyof typeof MARKET_NAME): string =>
    t(`state_${state.replace(/-/g, '_')}` as MessageKey, MARKET_NAME[marketplace]);
  return { t, uiLanguage, formatAge, stateMessage };
}

export const { t, uiLanguage, formatAge, stateMessage } = textFrom(browserMessage);
