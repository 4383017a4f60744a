// Wildberries storefront: one content script for the whole SPA (it moves between page types
// without reloads). It serves the background's same-origin fetches and mounts the features.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchListingBadges } from '../../components/listing-badges/watch';
import { watchProductPanel } from '../../components/product-panel/watch';
import { queryFirst } from '../../utils/content/dom';
import { servePageFetch } from '../../utils/content/page-fetch';
import { PAGE_ROUTE_PREFIXES } from '../../utils/marketplaces/wb/endpoints';
import { detectWbPage, wbListing } from '../../utils/marketplaces/wb/page';
import { productSelectors, queryTiles, tileArticle } from '../../utils/marketplaces/wb/selectors';

export default defineContentScript({
  matches: ['https://www.wildberries.ru/*', 'https://wildberries.ru/*', 'https://m.wildberries.ru/*'],
  main(ctx) {
    // The start of Lupa's work on this page (document idle); `npm run bench` measures from here.
    performance.mark('lupa:start');
    ctx.onInvalidated(servePageFetch(PAGE_ROUTE_PREFIXES));
    watchProductPanel(ctx, {
      marketplace: 'wb',
      productId: (href) => {
        const page = detectWbPage(href);
        return page.type === 'product' ? String(page.nmId) : null;
      },
      findAnchor: () => queryFirst(document, productSelectors.priceBlock),
    });
    watchListingBadges(ctx, {
      marketplace: 'wb',
      listing: wbListing,
      tiles: () => queryTiles(document),
      article: tileArticle,
      badgeSlot: (tile) => tile.querySelector('.product-card__wrapper') ?? tile,
    });
  },
});
