// Wildberries behind the marketplace adapter (see ../adapter.ts).
import { type MarketplaceAdapter, pastedArticle } from '../adapter';
import { isWbCabinet, wbCabinet } from './cabinet';
import { PAGE_ROUTE_PREFIXES, wbProductUrl } from './endpoints';
import { detectWbPage, isWbStorefront, wbListing } from './page';
import { badgeSlot, pageWalletPrice, productAnchor, queryTiles, tileArticle } from './selectors';

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
    productAnchor,
    walletPrice: pageWalletPrice,
    listing: wbListing,
    tiles: queryTiles,
    tileArticle,
    badgeSlot,
    pageRoutePrefixes: PAGE_ROUTE_PREFIXES,
    servesEmbedded: false,
  },
  cabinet: wbCabinet,
  positions: true,
  searchRegions: true,
  cardText: true,
  adsMarked: true,
  adBids: true,
  stockShown: true,
  sellerApi: true,
};
