// The UI text a marketplace page's content script asks for (utils/content/catalogue.ts): the messages
// its code uses (the build lists them: scripts/content-keys.mjs), in the user's language, each as a
// template with SUB_MARKS where its substitutions go. Made once per worker's life: the worker has the
// catalogue loaded already, and a page would otherwise load all of it by a synchronous call.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { CONTENT_KEYS_FILE } from './chunks/table';
import { SUB_MARKS } from './content/i18n';
import { MESSAGE_KEYS, type MessageKey } from './i18n';

/** The build's list (scripts/content-keys.mjs); every key where it cannot be read. */
async function contentKeys(): Promise<readonly MessageKey[]> {
  try {
    const response = await fetch(browser.runtime.getURL(`/${CONTENT_KEYS_FILE}` as '/popup.html'));
    const listed = new Set(
      z
        .array(z.string().max(200))
        .max(5_000)
        .parse(await response.json()),
    );
    return MESSAGE_KEYS.filter((key) => listed.has(key));
  } catch {
    return MESSAGE_KEYS;
  }
}

let made: Promise<Record<string, string>> | null = null;

export async function catalogue(): Promise<{ messages: Record<string, string> }> {
  made ??= contentKeys().then((keys) => Object.fromEntries(keys.map((key) => [key, browser.i18n.getMessage(key, SUB_MARKS)])));
  return { messages: await made };
}
