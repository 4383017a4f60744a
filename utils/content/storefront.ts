// A storefront's light core: serve the background's same-origin fetches (only the adapter's
// allow-listed JSON routes), then start each storefront feature the content script lists. Nothing
// here knows a marketplace: the adapter does (utils/marketplaces/<wb|ozon>/adapter.ts).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import { loadCatalogue } from './catalogue';
import { servePageEmbedded, servePageFetch } from './page-fetch';

export type StorefrontFeature = (ctx: ContentScriptContext, adapter: MarketplaceAdapter) => void;

export function runStorefront(ctx: ContentScriptContext, adapter: MarketplaceAdapter, features: readonly StorefrontFeature[]): void {
  // The start of Lupa's work on this page (document idle); `npm run bench` measures from here.
  performance.mark('lupa:start');
  ctx.onInvalidated(servePageFetch(adapter.storefront.pageRoutePrefixes));
  if (adapter.storefront.servesEmbedded) ctx.onInvalidated(servePageEmbedded());
  // The features start once the page's text has come from the background (catalogue.ts): a message
  // away, so Chromium's document-idle run of this script, between the page's DOMContentLoaded and
  // its load event, adds no work before that load.
  void loadCatalogue().then(() => {
    if (!ctx.isValid) return;
    for (const start of features) {
      try {
        start(ctx, adapter);
      } catch (error) {
        // One feature failing must not take the others, or the page, down.
        console.warn('[lupa] storefront feature:', error instanceof Error ? error.message : error);
      }
    }
  });
}
