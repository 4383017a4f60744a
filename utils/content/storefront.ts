// A storefront's light core: serve the background's same-origin fetches (only the adapter's
// allow-listed JSON routes), then start each storefront feature the content script lists. Nothing
// here knows a marketplace: the adapter does (utils/marketplaces/<wb|ozon>/adapter.ts).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import { loadCatalogue } from './catalogue';
import { servePageEmbedded, servePageFetch } from './page-fetch';
import { later } from './timer';

/**
 * How long the features wait for a page still loading (its images, say) before they start anyway:
 * short enough that the first figures still come within 100 ms of document idle.
 */
export const LOAD_GRACE_MS = 50;

/**
 * The page's load event has passed (a task after it, so nothing of Lupa's runs inside the page's
 * load handlers), or the grace is over.
 */
function afterLoad(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState === 'complete') return resolve();
    ctx.addEventListener(window, 'load', () => later(ctx, 0, resolve), { once: true });
    later(ctx, LOAD_GRACE_MS, resolve);
  });
}

export type StorefrontFeature = (ctx: ContentScriptContext, adapter: MarketplaceAdapter) => void;

export function runStorefront(ctx: ContentScriptContext, adapter: MarketplaceAdapter, features: readonly StorefrontFeature[]): void {
  // The start of Lupa's work on this page (document idle); `npm run bench` measures from here.
  performance.mark('lupa:start');
  ctx.onInvalidated(servePageFetch(adapter.storefront.pageRoutePrefixes));
  if (adapter.storefront.servesEmbedded) ctx.onInvalidated(servePageEmbedded());
  // Chromium runs this script at document idle, often between the page's DOMContentLoaded and its
  // load event. The page's text is asked for once the page has had its load (its answer, handled
  // before the load, held the load back by 1–10 ms), then the features start (catalogue.ts): Lupa's
  // work does not hold the page's load back.
  void afterLoad(ctx)
    .then(loadCatalogue)
    .then(() => {
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
