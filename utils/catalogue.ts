// The UI text a marketplace page's content script asks for (utils/content/catalogue.ts): every
// message of the browser's catalogue in the user's language, as a template with SUB_MARKS where
// its substitutions go. Made once per worker's life: the worker has the catalogue loaded already.
import { browser } from 'wxt/browser';
import { SUB_MARKS } from './content/i18n';
import { MESSAGE_KEYS } from './i18n';

let made: Record<string, string> | null = null;

export function catalogue(): { messages: Record<string, string> } {
  made ??= Object.fromEntries(MESSAGE_KEYS.map((key) => [key, browser.i18n.getMessage(key, SUB_MARKS)]));
  return { messages: made };
}
