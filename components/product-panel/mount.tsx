// Puts one product panel on a storefront product page and keeps it right across client-side
// navigation: a new article remounts, leaving a product page removes it, and everything the panel
// starts (observers, React root) ends with it or with the content script's context.
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ask } from '../../utils/content/messaging';
import type { Marketplace } from '../../utils/model';
import type { PositionsApi } from '../positions/PositionsSection';
import type { TwinApi } from '../twins/TwinSection';
import { ProductPanelApp } from './ProductPanelApp';

export interface ProductPanelOptions {
  marketplace: Marketplace;
  /** The article on this URL, or null when it is not a product page. */
  productId: (href: string) => string | null;
  /** Anchor selectors, most specific first (utils/marketplaces/<mp>/selectors.ts). */
  findAnchor: () => Element | null;
  /** How long to keep looking for the anchor of a late-rendering SPA before staying afloat. */
  anchorWaitMs?: number;
}

interface Mounted {
  id: string;
  ui: ShadowRootContentScriptUi<Root>;
  stopWatching: () => void;
}

const positionsApi = (marketplace: Marketplace, productId: string): PositionsApi => ({
  get: () => ask('getPositions', { marketplace, productId }),
  setQueries: (queries) => ask('setPositionQueries', { marketplace, productId, queries }),
  start: () => ask('startPositionScan', { marketplace, productId }),
  cancel: () => ask('cancelPositionScan', { marketplace, productId }),
});

const twinApi = (marketplace: Marketplace, id: string): TwinApi => ({
  get: () => ask('getTwin', { marketplace, id }),
  set: (twin) => ask('setTwin', { marketplace, id, twin }),
});

export function watchProductPanel(ctx: ContentScriptContext, options: ProductPanelOptions): void {
  let mounted: Mounted | null = null;
  let generation = 0;

  const unmount = () => {
    mounted?.stopWatching();
    mounted?.ui.remove();
    mounted = null;
  };

  const sync = async () => {
    const id = options.productId(location.href);
    if (mounted && mounted.id === id) return;
    const mine = ++generation;
    unmount();
    if (!id) return;

    const anchor = options.findAnchor();
    let floating = !anchor;
    let root: Root | null = null;
    const render = () =>
      root?.render(
        <ProductPanelApp
          key={id}
          marketplace={options.marketplace}
          floating={floating}
          load={(mode) => ask('getProductOverview', { marketplace: options.marketplace, id, mode })}
          positions={options.marketplace === 'wb' ? positionsApi(options.marketplace, id) : undefined}
          twin={twinApi(options.marketplace, id)}
          competitorOf={{
            get: () => ask('getCompetitorLinks', { marketplace: options.marketplace, id }),
            set: (mine, linked) => ask('setCompetitorLink', { mine, competitor: { marketplace: options.marketplace, id }, linked }),
          }}
          watch={{
            get: () => ask('getWatch', { marketplace: options.marketplace, id }),
            set: (role) => ask('setWatch', { marketplace: options.marketplace, id, role }),
          }}
        />,
      );
    const ui = await createShadowRootUi(ctx, {
      name: 'lupa-product-panel',
      position: 'inline',
      anchor: anchor ?? document.body,
      append: anchor ? 'after' : 'last',
      onMount(container, _shadow, host) {
        host.setAttribute('data-lupa', 'product-panel');
        host.setAttribute('data-product', id);
        host.toggleAttribute('data-floating', floating);
        root = createRoot(container);
        render();
        return root;
      },
      onRemove(r) {
        r?.unmount();
      },
    });
    if (mine !== generation) return; // navigated again while the UI was being built
    ui.mount();

    // The SPA renders its own markup late: float now, move beside the price block when it appears.
    let observer: MutationObserver | null = null;
    let giveUp: number | undefined;
    const stopWatching = () => {
      observer?.disconnect();
      observer = null;
      if (giveUp !== undefined) clearTimeout(giveUp);
    };
    if (floating) {
      observer = new MutationObserver(() => {
        const found = options.findAnchor();
        if (!found) return;
        stopWatching();
        found.after(ui.shadowHost);
        floating = false;
        ui.shadowHost.removeAttribute('data-floating');
        render();
      });
      observer.observe(document.body, { childList: true, subtree: true });
      giveUp = ctx.setTimeout(stopWatching, options.anchorWaitMs ?? 15_000);
    }
    mounted = { id, ui, stopWatching };
  };

  const safeSync = () => {
    sync().catch((error: unknown) => console.warn('[lupa] product panel:', error instanceof Error ? error.message : error));
  };
  safeSync();
  ctx.addEventListener(window, 'wxt:locationchange', safeSync);
  // The Navigation API reports SPA navigations at once (WXT's own watcher polls); absent in some browsers.
  const nav = (window as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav as unknown as Window, 'navigatesuccess' as 'load', safeSync);
  ctx.addEventListener(window, 'popstate', safeSync);
  ctx.onInvalidated(unmount);
}
