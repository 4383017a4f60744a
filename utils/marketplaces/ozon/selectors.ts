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
