// Wildberries behind the marketplace adapter (see ../adapter.ts).
import { queryFirst } from '../../content/dom';
import { type MarketplaceAdapter, pastedArticle } from '../adapter';
import { isWbCabinet, wbCabinet } from './cabinet';
import { PAGE_ROUTE_PREFIXES, wbProductUrl } from './endpoints';
import { detectWbPage, isWbStorefront, wbListing } from './page';
import { productSelectors, queryTiles, tileArticle } from './selectors';

const productId = (href: string) => {
  const page = detectWbPage(href);
  return page.type === 'product' ? String(page.nmId) : null;
};

export const wbAdapter: MarketplaceAdapter = {
  marketplace: 'wb',
  name: 'Wildberries',
  short: 'WB',
  isStorefront: (url) => isWbStorefront(url),
  isCabinet: isWbCabinet,
  productUrl: wbProductUrl,
  articleFrom: (input) => pastedArticle(input, productId),
  storefront: {
    productId,
    productAnchor: (root) => queryFirst(root, productSelectors.priceBlock),
    listing: wbListing,
    tiles: queryTiles,
    tileArticle,
    // Seen in fixture-shaped markup only; real tiles take the badge on the tile itself.
    badgeSlot: (tile) => tile.querySelector('.product-card__wrapper') ?? tile,
    pageRoutePrefixes: PAGE_ROUTE_PREFIXES,
    servesEmbedded: false,
  },
  cabinet: wbCabinet,
  positions: true,
};
