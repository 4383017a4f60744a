// A marketplace page's UI text, from the background. The browser's own catalogue (i18n.getMessage)
// loads every message of every locale on its first call, by a synchronous call to the browser
// process on the page's main thread: 5–10 ms the page waits for, on every marketplace page.
// The background has the catalogue loaded already; one message brings this world the templates
// (i18n.ts fills them), and getMessage stays the fallback when it cannot.

import { CATALOGUE_GLOBAL } from './i18n';
import { ask } from './messaging';

const LOADING = '__lupaCatalogueLoading';

/** Resolves once this world has the catalogue, or once asking failed (the text then comes from getMessage). */
export function loadCatalogue(): Promise<void> {
  const scope = globalThis as Record<string, unknown>;
  const pending = scope[LOADING] as Promise<void> | undefined;
  if (pending) return pending;
  const loading = ask('getCatalogue', {}).then(
    ({ messages }) => {
      // Checked by the background's reply schema; kept only as strings all the same.
      const map = new Map<string, string>();
      for (const [key, template] of Object.entries(messages ?? {})) if (typeof template === 'string') map.set(key, template);
      scope[CATALOGUE_GLOBAL] = map;
    },
    (error: unknown) => {
      console.warn('[lupa] catalogue:', error instanceof Error ? error.message : error);
    },
  );
  scope[LOADING] = loading;
  return loading;
}
