// UI text: the browser's i18n (public/_locales, Russian first) with the Russian dictionary as the
// fallback where the API is absent (component tests) or a key is missing.
import { browser } from 'wxt/browser';
import ru from '../public/_locales/ru/messages.json';

export type MessageKey = keyof typeof ru;
type Entry = { message: string; placeholders?: Record<string, { content: string }> };

function fallback(key: MessageKey, subs: readonly string[]): string {
  const entry = ru[key] as Entry;
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
  });
}

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  try {
    const message = browser.i18n?.getMessage(key, strings);
    if (message) return message;
  } catch {
    // not in an extension context
  }
  return fallback(key, strings);
}

/** The language of the strings in use, so dates and ages read in the same language as the text. */
export function uiLanguage(): 'ru' | 'en' {
  return t('locale') === 'en' ? 'en' : 'ru';
}

/** A product's stars as the storefronts show them: "★4,7"; "★ —" while it has none. */
export function formatRating(rating: number | null): string {
  return rating === null ? '★ —' : `★${rating.toLocaleString('ru-RU')}`;
}

/** "5 мин назад" / "5 minutes ago". */
export function formatAge(ms: number): string {
  const rtf = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto', style: 'short' });
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}

/** How the marketplaces are named in text. */
export const MARKET_NAME = { wb: 'Wildberries', ozon: 'Ozon' } as const;

/** The sentence for a state ("fresh", "blocked", "lupa-unavailable"…), naming the marketplace. */
export function stateMessage(state: string, marketplace: keyof typeof MARKET_NAME): string {
  return t(`state_${state.replace(/-/g, '_')}` as MessageKey, MARKET_NAME[marketplace]);
}
