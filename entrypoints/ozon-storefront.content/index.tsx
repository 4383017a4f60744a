// Ozon storefront: serves the background's same-origin page-JSON fetches and mounts the product
// panel (the same component and figure names as on Wildberries).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchListingBadges } from '../../components/listing-badges/watch';
import { watchProductPanel } from '../../components/product-panel/watch';
import { queryFirst } from '../../utils/content/dom';
import { servePageEmbedded, servePageFetch } from '../../utils/content/page-fetch';
import { OZON_PAGE_ROUTE_PREFIXES } from '../../utils/marketplaces/ozon/endpoints';
import { detectOzonPage, ozonListing, skuFromLink } from '../../utils/marketplaces/ozon/page';
import { ozonProductSelectors, ozonTiles } from '../../utils/marketplaces/ozon/selectors';

export default defineContentScript({
  matches: ['https://www.ozon.ru/*', 'https://ozon.ru/*'],
  main(ctx) {
    performance.mark('lupa:start');
    ctx.onInvalidated(servePageFetch(OZON_PAGE_ROUTE_PREFIXES));
    ctx.onInvalidated(servePageEmbedded());
    watchProductPanel(ctx, {
      marketplace: 'ozon',
      productId: (href) => {
        const page = detectOzonPage(href);
        return page.type === 'product' ? String(page.sku) : null;
      },
      findAnchor: () => queryFirst(document, ozonProductSelectors.priceBlock),
    });
    watchListingBadges(ctx, {
      marketplace: 'ozon',
      listing: ozonListing,
      tiles: () => ozonTiles(document, skuFromLink),
      article: (tile) => skuFromLink(tile.querySelector('a[href*="/product/"]')?.getAttribute('href') ?? tile.getAttribute('href') ?? ''),
      badgeSlot: (tile) => tile,
    });
  },
});
