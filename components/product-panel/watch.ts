// Puts one product panel on a storefront product page and keeps it right across client-side
// navigation: a new article remounts, leaving a product page removes it, and everything the panel
// starts (observers, the chunk's panel) ends with it or with the content script's context.
//
// This is the storefront's light core (plain DOM): it asks for the product at once, puts the
// panel's shadow host where the panel goes and draws the first figures (first-figures.ts). The
// panel itself — its figures and the features' sections, plain DOM — is a chunk the background injects
// into this content script's world once the page is idle (chunk.ts); it takes over the same shadow
// root and reuses the answer already here.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadChunk } from '../../utils/chunks/load';
import { onlyLupaAdded, shadowHost } from '../../utils/content/dom';
import { moveKeepingFocus } from '../../utils/content/keep-focus';
import { ask } from '../../utils/content/messaging';
import { followNavigation } from '../../utils/content/navigation';
import type { StorefrontFeature } from '../../utils/content/storefront';
import { later } from '../../utils/content/timer';
import type { MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import type { ProductOverview } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';
import lupaCss from '../lupa.css?inline';
import type { FirstOverview, MountedPanel, PageFigures, PanelChunk } from './contract';
import { renderFirstFigures } from './first-figures';
import panelCss from './panel.css?inline';
import type { PanelStatus } from './view';

export interface ProductPanelOptions {
  marketplace: Marketplace;
  /** The article on this URL, or null when it is not a product page. */
  productId: (href: string) => string | null;
  /** Anchor selectors, most specific first (utils/marketplaces/<mp>/selectors.ts). */
  findAnchor: () => Element | null;
  /** The wallet price the page itself shows (kopecks), where the marketplace has one. */
  walletPrice?: () => number | null;
  /** How long to keep looking for the anchor of a late-rendering SPA before staying afloat. */
  anchorWaitMs?: number;
}

/** The host gets no style from the page (`all: initial`); the panel is styled from inside. */
const PANEL_CSS = `:host{all:initial !important;}\n${lupaCss}\n${panelCss}`;
/** The panel waits for its first answer this long at most before it loads (a hung request). */
const FIRST_WAIT_MS = 2_000;
/** …and for the page's load event this long at most (a page whose own resource hangs). */
const LOAD_WAIT_MS = 5_000;
const IDLE_TIMEOUT_MS = 1_000;
/** How often, at most, the page's mutations make the panel look for its anchor and the page's figures again. */
const PLACE_EVERY_MS = 50;

interface Mounted {
  id: string;
  remove: () => void;
}

const warn = (what: string, error: unknown) => console.warn(`[lupa] ${what}:`, error instanceof Error ? error.message : error);

/** After the page's own load event (or a while), when its main thread is idle. */
function pageIdle(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    let waiting = true;
    const idle = () => {
      if (!waiting) return;
      waiting = false;
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      else later(ctx, 0, resolve);
    };
    if (document.readyState === 'complete') idle();
    else {
      ctx.addEventListener(window, 'load', idle, { once: true });
      later(ctx, LOAD_WAIT_MS, idle);
    }
  });
}

function askFirst(marketplace: Marketplace, id: string): FirstOverview {
  const first: FirstOverview = { promise: ask('getProductOverview', { marketplace, id, mode: 'cached' }) };
  first.promise.then(
    (overview) => {
      first.settled = { overview };
    },
    (error: unknown) => {
      first.settled = { error };
    },
  );
  return first;
}

/** The overview asked for before the page's text was here (productPanelCore.early), taken by the panel it is for. */
let asked: { marketplace: Marketplace; id: string; first: FirstOverview } | null = null;
function takeAsked(marketplace: Marketplace, id: string): FirstOverview | null {
  const found = asked?.marketplace === marketplace && asked.id === id ? asked.first : null;
  asked = null;
  return found;
}

function mountPanel(ctx: ContentScriptContext, options: ProductPanelOptions, id: string): Mounted {
  const { marketplace } = options;
  // The answer is what the page waits for: asked before building anything (or already, early).
  const first = takeAsked(marketplace, id) ?? askFirst(marketplace, id);
  const anchor = options.findAnchor();
  let floating = !anchor;
  const readPage = (): PageFigures => ({ walletPrice: options.walletPrice?.() ?? null });
  let page = readPage();
  const { host, root } = shadowHost('lupa-product-panel', PANEL_CSS);
  host.setAttribute('data-lupa', 'product-panel');
  host.setAttribute('data-product', id);
  const showPlacement = () => {
    host.toggleAttribute('data-floating', floating);
    host.setAttribute('data-placement', floating ? 'floating' : 'inline');
  };
  showPlacement();
  const container = document.createElement('div');
  root.append(container);

  let gone = false;
  let panel: MountedPanel | null = null;
  let status: PanelStatus = 'loading';
  let overview: ProductOverview | null = null;
  const drawFirst = () => {
    if (!gone && !panel) renderFirstFigures(container, { marketplace, floating, status, overview, page });
  };
  drawFirst();
  if (anchor) anchor.after(host);
  else document.body.append(host);

  first.promise.then(
    (answer) => {
      overview = answer;
      drawFirst();
    },
    (error: unknown) => {
      // Lupa's own background did not answer: that is final, the panel would start from it too.
      warn('product overview failed', error);
      status = 'lupa-unavailable';
      drawFirst();
    },
  );

  // The panel, once the first figures are out (or late) and the page is idle.
  const settledOrLate = new Promise<void>((resolve) => {
    first.promise.then(
      () => resolve(),
      () => resolve(),
    );
    later(ctx, FIRST_WAIT_MS, resolve);
  });
  settledOrLate
    .then(() => pageIdle(ctx))
    .then(() => (gone ? null : loadChunk<PanelChunk>('panel')))
    .then((chunk) => {
      if (!chunk || gone) return;
      panel = chunk.mountPanel({ container, marketplace, id, floating, first, page });
    })
    .catch((error: unknown) => {
      if (gone) return;
      // The panel cannot come (the extension was updated or reloaded): the first figures say what is known.
      warn('product panel', error);
      first.promise.then(
        (answer) => {
          status = answer.state;
          drawFirst();
        },
        () => undefined,
      );
    });

  // The SPA renders its own markup late: float now, move beside the price block when it appears.
  // It also re-renders: after a client-side navigation the panel may have gone in beside the last
  // page's price block, which the page then removes with the panel in it — put it back.
  const anchorWaitMs = options.anchorWaitMs ?? 15_000;
  let lookUntil = floating ? Date.now() + anchorWaitMs : 0;
  const setFloating = (next: boolean) => {
    if (next === floating) return;
    floating = next;
    showPlacement();
    if (panel) panel.setFloating(floating);
    else drawFirst();
  };
  // The page's own figures change with it (a size chosen, a late render): show what it shows now.
  const rereadPage = () => {
    const next = readPage();
    if (next.walletPrice === page.walletPrice) return;
    page = next;
    if (panel) panel.setPage(page);
    else drawFirst();
  };
  const place = () => {
    if (gone) return;
    rereadPage();
    if (!host.isConnected) {
      const found = options.findAnchor();
      moveKeepingFocus(host, () => (found ? found.after(host) : document.body.append(host)));
      if (!found) lookUntil = Date.now() + anchorWaitMs;
      setFloating(!found);
      return;
    }
    if (!floating || Date.now() > lookUntil) return;
    const found = options.findAnchor();
    if (!found) return;
    moveKeepingFocus(host, () => found.after(host));
    setFloating(false);
  };
  // The page mutates in bursts while it renders: look at once, then at most once per PLACE_EVERY_MS.
  let placedAt = Number.NEGATIVE_INFINITY;
  let pending: (() => void) | null = null;
  const placeNow = () => {
    pending = null;
    placedAt = performance.now();
    place();
  };
  const observer = new MutationObserver((records) => {
    if (pending || onlyLupaAdded(records)) return;
    const wait = placedAt + PLACE_EVERY_MS - performance.now();
    if (wait <= 0) placeNow();
    else pending = later(ctx, wait, placeNow);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const stopWatching = () => {
    observer.disconnect();
    pending?.();
  };

  return {
    id,
    remove() {
      gone = true;
      stopWatching();
      try {
        panel?.unmount();
      } finally {
        panel = null;
        host.remove();
      }
    },
  };
}

export function watchProductPanel(ctx: ContentScriptContext, options: ProductPanelOptions): void {
  let mounted: Mounted | null = null;

  const unmount = () => {
    mounted?.remove();
    mounted = null;
  };

  const sync = () => {
    try {
      const id = options.productId(location.href);
      if (mounted && mounted.id === id) return;
      unmount();
      if (id) mounted = mountPanel(ctx, options, id);
    } catch (error) {
      warn('product panel', error);
    }
  };
  followNavigation(ctx, sync);
  ctx.onInvalidated(unmount);
}

/**
 * The product panel as a storefront feature: the adapter says which page is a product and where the
 * panel goes. Its first answer is asked for early, beside the page's text.
 */
export const productPanelCore: StorefrontFeature = Object.assign(
  (ctx: ContentScriptContext, adapter: MarketplaceAdapter) =>
    watchProductPanel(ctx, {
      marketplace: adapter.marketplace,
      productId: adapter.storefront.productId,
      findAnchor: () => adapter.storefront.productAnchor(document),
      walletPrice: adapter.storefront.walletPrice && (() => adapter.storefront.walletPrice?.(document) ?? null),
    }),
  {
    early: (_ctx: ContentScriptContext, adapter: MarketplaceAdapter) => {
      const id = adapter.storefront.productId(location.href);
      asked = id ? { marketplace: adapter.marketplace, id, first: askFirst(adapter.marketplace, id) } : null;
    },
  },
);
