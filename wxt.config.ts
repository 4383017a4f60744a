import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import ru from './public/_locales/ru/messages.json';
import { writeContentKeys } from './scripts/content-keys.mjs';
import { noSinks } from './scripts/vite-no-sinks.mjs';
import { CHUNK_NAMES, CHUNKS, type ChunkName, CONTENT_KEYS_FILE } from './utils/chunks/table';

// The hosts Lupa talks to. Kept here once: the manifest's permissions come from this list and
// tests/e2e/hosts.test.ts checks that the built code names nothing else and the README lists them.
export const MARKETPLACE_HOSTS = [
  'https://*.wildberries.ru/*', // storefront pages, the site's own __internal routes, the seller cabinet, the seller API
  'https://*.wb.ru/*', // card, search and feedbacks APIs
  'https://*.wbbasket.ru/*', // basket CDN: card.json, price-history.json
  'https://www.ozon.ru/*', // storefront pages and their page JSON
  'https://ozon.ru/*', // the bare host (it redirects to www; the content script runs on both)
  'https://seller.ozon.ru/*', // the seller cabinet: reply assistant, prices page (content script only)
] as const;

/**
 * One chunk of utils/chunks/table.ts, built on its own as an IIFE that leaves its exports on the
 * chunk's global. A content script is one IIFE that cannot share chunks, so without this every
 * storefront script carried React and chart.js onto every marketplace page.
 */
/**
 * A chunk's text is the catalogue's alone (utils/content/i18n.ts): the components it shares with the
 * extension's pages import utils/i18n.ts, whose Russian dictionary (the fallback of component
 * tests) would otherwise ride along — ~57 KB of source and its objects on every product page.
 */
function contentI18n(root: string) {
  const pages = resolve(root, 'utils/i18n.ts');
  const content = resolve(root, 'utils/content/i18n.ts');
  return {
    name: 'lupa-content-i18n',
    enforce: 'pre' as const,
    async resolveId(
      this: { resolve: (source: string, importer?: string, options?: { skipSelf: boolean }) => Promise<{ id: string } | null> },
      source: string,
      importer?: string,
    ) {
      if (!importer || !source.includes('i18n')) return null;
      const found = await this.resolve(source, importer, { skipSelf: true });
      return found?.id === pages && importer !== content ? content : null;
    },
  };
}

async function buildChunk(root: string, name: ChunkName): Promise<string> {
  const { build } = await import('vite');
  const { entry, global } = CHUNKS[name];
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // The same guarantees as the content scripts: no code generation, no HTML sinks.
    plugins: [noSinks(), contentI18n(root)],
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      write: false,
      target: 'es2022',
      ...(process.env.LUPA_NOMINIFY ? { minify: false } : {}),
      // Not library mode: that leaves ES output unminified.
      rollupOptions: {
        input: entry,
        preserveEntrySignatures: 'strict',
        output: { format: 'iife', name: global },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ type: string; code?: string }> };
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`${name} chunk: no output`);
  return chunk.code;
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // Content scripts run on every marketplace page: WXT's own content-script runtime gets the
    // browser's API object (utils/content/browser.ts) instead of the webextension-polyfill the
    // rest of the extension uses, as Lupa's content-side code does.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const plain = resolve(import.meta.dirname, 'utils/content/browser.ts');
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias)
        ? [{ find: /^wxt\/browser$/, replacement: plain }, ...alias]
        : { ...alias, 'wxt/browser': plain };
    },
    // The catalogue keys a marketplace page's code uses, for the background to hand it (utils/catalogue.ts).
    'build:done': (wxt) =>
      writeContentKeys(
        wxt.config.outDir,
        CONTENT_KEYS_FILE,
        CHUNK_NAMES.map((name) => CHUNKS[name].file),
        Object.keys(ru),
      ),
    'build:publicAssets': async (wxt, files) => {
      for (const name of CHUNK_NAMES) {
        // A build with a feature left out (scripts/without-feature.mjs) has no entry for its chunk.
        if (!existsSync(resolve(wxt.config.root, CHUNKS[name].entry))) continue;
        files.push({ relativeDest: CHUNKS[name].file, contents: await buildChunk(wxt.config.root, name) });
      }
    },
  },
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // No code generation and no HTML sinks in the bundled libraries (scripts/vite-no-sinks.mjs).
  // The same for workers a page starts (the options page's backup worker), which Vite bundles apart.
  vite: () => ({
    ...(process.env.LUPA_NOMINIFY ? { build: { minify: false } } : {}),
    plugins: [noSinks()],
    worker: { format: 'es', plugins: () => [noSinks()] },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // downloads: exports (CSV) are saved by the background; a content script's anchor loses the file name.
    // notifications: watchlist tasks (price moves, stock-outs) found by background refreshes.
    // scripting: the background injects the chunks (panel, charts, summary; the reply assistant's in a cabinet) into a tab's content script world,
    // and reads there the delivery region the WB site keeps in localStorage (utils/marketplaces/wb/geo.ts).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'downloads', 'notifications', 'scripting'],
    host_permissions: [...MARKETPLACE_HOSTS],
    icons: { 16: 'icons/16.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lupa@lupa-extension.ru',
              // data_collection_permissions exists from Firefox 140 (desktop) and 142 (Android).
              strict_min_version: '142.0',
              // Everything Lupa reads stays in the user's browser; nothing is sent to us.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
