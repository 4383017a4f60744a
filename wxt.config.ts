import { defineConfig } from 'wxt';
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

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
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
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'downloads', 'notifications'],
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
