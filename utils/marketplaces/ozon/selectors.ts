// Where on an Ozon page Lupa's UI goes. Ozon's class names are generated; `data-widget` names are
// its stable hooks (reference §1.4). Anchors only — data comes from the page JSON.
export const ozonProductSelectors = {
  priceBlock: [
    '[data-widget="webPrice"]', // the price widget
    '[data-widget="webOutOfStock"]', // sold out: no price widget
    '[data-widget="webProductHeading"]', // the title, when the price moved elsewhere
  ],
} as const;

export const ozonListingSelectors = {
  /** A tile's product link inside the listing widget; the tile is the link's widget child. */
  tileLink: ['[data-widget="searchResultsV2"] a[href*="/product/"]', '[data-widget="tileGridDesktop"] a[href*="/product/"]'],
} as const;

/**
 * Listing tiles in page order. Ozon's tile markup has no stable class: a tile is the widest
 * ancestor of a product link that holds links to that product only.
 */
export function ozonTiles(root: Document | Element, article: (href: string) => string | null): Element[] {
  const tiles: Element[] = [];
  const seen = new Set<Element>();
  for (const selector of ozonListingSelectors.tileLink) {
    for (const link of root.querySelectorAll(selector)) {
      const sku = article(link.getAttribute('href') ?? '');
      if (!sku) continue;
      let tile: Element = link;
      while (tile.parentElement && !tile.parentElement.hasAttribute('data-widget')) {
        const others = [...tile.parentElement.querySelectorAll('a[href*="/product/"]')].some(
          (a) => article(a.getAttribute('href') ?? '') !== sku,
        );
        if (others) break;
        tile = tile.parentElement;
      }
      if (!seen.has(tile)) {
        seen.add(tile);
        tiles.push(tile);
      }
    }
    if (tiles.length > 0) break;
  }
  return tiles;
}
