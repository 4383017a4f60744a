import { defineConfig } from 'wxt';
import { CHARTS_CHUNK, CHARTS_GLOBAL } from './components/charts/chunk';
import { noSinks } from './scripts/vite-no-sinks.mjs';

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
 * chart.js, built on its own as an ES module (components/charts/draw.ts). A content script is one
 * IIFE that cannot share chunks, so without this every storefront script carried chart.js.
 */
async function buildChartsChunk(root: string): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      // Not library mode: that leaves ES output unminified.
      rollupOptions: {
        input: 'components/charts/draw.ts',
        preserveEntrySignatures: 'strict',
        output: { format: 'iife', name: CHARTS_GLOBAL },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ type: string; code?: string }> };
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('charts chunk: no output');
  return chunk.code;
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: CHARTS_CHUNK, contents: await buildChartsChunk(wxt.config.root) });
    },
  },
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // No code generation and no HTML sinks in the bundled libraries (scripts/vite-no-sinks.mjs).
  vite: () => ({ plugins: [noSinks()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // downloads: exports (CSV) are saved by the background; a content script's anchor loses the file name.
    // notifications: watchlist tasks (price moves, stock-outs) found by background refreshes.
    // scripting: the background injects the charts chunk into a storefront tab's content script world.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'downloads', 'notifications', 'scripting'],
    host_permissions: [...MARKETPLACE_HOSTS],
    // The charts chunk, imported by the storefront content scripts by URL (components/charts/load.ts).
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
