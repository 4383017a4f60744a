// What the storefront's core (watch.ts, in the content script) hands the panel chunk (chunk.ts,
// injected when the page is idle): types only, so neither carries the other's code.
import type { ProductOverview } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';

/** The core's first ask for the product ('cached'): the panel reuses it instead of asking again. */
export interface FirstOverview {
  promise: Promise<ProductOverview>;
  /** Set once the promise settles. */
  settled?: { overview: ProductOverview } | { error: unknown };
}

/** What the page itself shows, read off its markup by the core: no endpoint gives these. */
export interface PageFigures {
  /** The wallet price the page shows, in kopecks; null when it shows none. */
  walletPrice: number | null;
}

export interface PanelMount {
  /** The element inside the panel's shadow root that the panel renders into (the core's first figures are replaced). */
  container: HTMLElement;
  marketplace: Marketplace;
  id: string;
  floating: boolean;
  first: FirstOverview;
  page: PageFigures;
}

export interface MountedPanel {
  /** The price block appeared: the panel moves beside it and stops floating. */
  setFloating(floating: boolean): void;
  /** The page's own figures changed. */
  setPage(page: PageFigures): void;
  unmount(): void;
}

/** The panel chunk's exports (utils/chunks/table.ts: `panel`). */
export interface PanelChunk {
  mountPanel(mount: PanelMount): MountedPanel;
}
