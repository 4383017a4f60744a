// Ozon behind the marketplace adapter (see ../adapter.ts).
import { queryFirst } from '../../content/dom';
import { type MarketplaceAdapter, pastedArticle } from '../adapter';
import { isOzonCabinet, ozonCabinet } from './cabinet';
import { OZON_PAGE_ROUTE_PREFIXES, ozonProductUrl } from './endpoints';
import { detectOzonPage, isOzonStorefront, ozonListing, skuFromLink } from './page';
import { ozonProductSelectors, ozonTiles } from './selectors';

const productId = (href: string) => {
  const page = detectOzonPage(href);
  return page.type === 'product' ? String(page.sku) : null;
};

export const ozonAdapter: MarketplaceAdapter = {
  marketplace: 'ozon',
  name: 'Ozon',
  short: 'Ozon',
  isStorefront: (url) => isOzonStorefront(url),
  isCabinet: isOzonCabinet,
  productUrl: ozonProductUrl,
  articleFrom: (input) => pastedArticle(input, productId),
  storefront: {
    productId,
    productAnchor: (root) => queryFirst(root, ozonProductSelectors.priceBlock),
    listing: ozonListing,
    tiles: (root) => ozonTiles(root as Document | Element, skuFromLink),
    tileArticle: (tile) => skuFromLink(tile.querySelector('a[href*="/product/"]')?.getAttribute('href') ?? tile.getAttribute('href') ?? ''),
    badgeSlot: (tile) => ({ parent: tile, before: tile.firstChild }),
    pageRoutePrefixes: OZON_PAGE_ROUTE_PREFIXES,
    servesEmbedded: true,
  },
  cabinet: ozonCabinet,
  // Position scans walk the search's listing page JSON page by page (no regions, no ad slots known).
  positions: true,
  searchRegions: false,
  cardText: false,
  // How Ozon's listing JSON flags promoted tiles is not known (reference §1.4 [U]): not guessed.
  adsMarked: false,
  adBids: false,
  // Lupa keeps no Ozon stock history, and Ozon's Seller API refuses browsers (reference §2.1).
  stockShown: false,
  sellerApi: false,
};
