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

export type StorefrontFeature = ((ctx: ContentScriptContext, adapter: MarketplaceAdapter) => void) & {
  /**
   * What the feature asks for that needs no text (the product's overview): asked as soon as the
   * page's text is, in a message of its own, so its answer is on its way while the text comes.
   * The feature itself starts once the text is here.
   */
  early?: (ctx: ContentScriptContext, adapter: MarketplaceAdapter) => void;
};

/** Runs one feature's step; one feature failing must not take the others, or the page, down. */
function each(features: readonly StorefrontFeature[], step: (feature: StorefrontFeature) => void): void {
  for (const feature of features) {
    try {
      step(feature);
    } catch (error) {
      console.warn('[lupa] storefront feature:', error instanceof Error ? error.message : error);
    }
  }
}

export function runStorefront(ctx: ContentScriptContext, adapter: MarketplaceAdapter, features: readonly StorefrontFeature[]): void {
  // The start of Lupa's work on this page (document idle); `npm run bench` measures from here.
  performance.mark('lupa:start');
  ctx.onInvalidated(servePageFetch(adapter.storefront.pageRoutePrefixes));
  if (adapter.storefront.servesEmbedded) ctx.onInvalidated(servePageEmbedded());
  // Chromium runs this script at document idle, often between the page's DOMContentLoaded and its
  // load event. The page's text is asked for once the page has had its load (its answer, handled
  // before the load, held the load back by 1–10 ms), then the features start (catalogue.ts): Lupa's
  // work does not hold the page's load back. The features' early asks go out right after the text's
  // (a microtask later: the text's ask has left alone, messaging.ts), not after its answer.
  void afterLoad(ctx)
    .then(() => {
      const text = loadCatalogue();
      queueMicrotask(() => {
        if (ctx.isValid) each(features, (feature) => feature.early?.(ctx, adapter));
      });
      return text;
    })
    .then(() => {
      if (ctx.isValid) each(features, (start) => start(ctx, adapter));
    });
}
