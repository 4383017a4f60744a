// UI text: the browser's i18n (public/_locales, Russian first) with the Russian dictionary as the
// fallback where the API is absent (component tests) or a key is missing. Content scripts and the
// chunks they load use content/i18n.ts: the same text without the dictionary.
import ru from '../public/_locales/ru/messages.json';
import { browserMessage, type MessageKey, textFrom } from './content/i18n';

export { formatRating, MARKET_NAME, type MessageKey } from './content/i18n';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

function fallback(key: MessageKey, subs: readonly string[]): string {
  const entry = ru[key] as Entry;
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
  });
}

export const { t, uiLanguage, formatAge, stateMessage } = textFrom((key, subs) => browserMessage(key, subs) || fallback(key, subs));

/** Every key of the catalogue (the background hands a marketplace page its templates: utils/catalogue.ts). */
export const MESSAGE_KEYS = Object.keys(ru) as MessageKey[];

/** Whether the catalogue has this key (names built at run time, like a table's label). */
export const hasMessage = (key: string): key is MessageKey => Object.hasOwn(ru, key);
