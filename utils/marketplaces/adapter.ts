// One marketplace as the rest of Lupa sees it: everything site-specific — page detection, anchors,
// listing tiles, the tab's own JSON routes, the cabinet's page table — sits behind this interface,
// in utils/marketplaces/<wb|ozon>/adapter.ts. Nothing outside those folders asks "is this Ozon?":
// it asks the adapter. Content scripts import it, so it carries no zod and no clients.
import { BARE_ARTICLE_RE } from '../article';
import type { Marketplace } from '../model';
import type { CabinetSpec } from './cabinet';

/**
 * A listing as listing badges ask for it. `carousel`: the tiles on a product page (similar items and
 * the like), keyed by the product; they have no place of their own and may be absent altogether.
 */
export type ListingRef =
  | { type: 'search'; query: string; sort: string }
  | { type: 'catalog' | 'brand' | 'seller' | 'carousel'; key: string };

export interface StorefrontAdapter {
  /** The article of the product page at this URL; null when it is not a product page. */
  productId: (href: string) => string | null;
  /** The element the product panel sits beside; null lets the panel float and say so. */
  productAnchor: (root: ParentNode) => Element | null;
  /** The wallet price the product page itself shows (kopecks), where the marketplace has one; null when none is shown. */
  walletPrice?: (root: ParentNode) => number | null;
  /** The listing (search, category, brand, seller) at this URL; null elsewhere. */
  listing: (href: string) => ListingRef | null;
  /** Every product tile on the page, in page order. */
  tiles: (root: ParentNode) => Element[];
  tileArticle: (tile: Element) => string | null;
  /** Where a tile's badge goes: into `parent`, before `before` (null: at its end). */
  badgeSlot: (tile: Element) => { parent: Element; before: Node | null };
  /** Paths of the site's own JSON routes the tab may fetch for the background (same origin only). */
  pageRoutePrefixes: readonly string[];
  /** Whether the background may ask the tab for the page's embedded JSON-LD (a fallback source). */
  servesEmbedded: boolean;
}

export interface MarketplaceAdapter {
  marketplace: Marketplace;
  /** The name a seller knows it by, and the short form for tight spots. */
  name: string;
  short: string;
  isStorefront: (url: string) => boolean;
  isCabinet: (url: string) => boolean;
  /** The storefront URL of a product. */
  productUrl: (id: string) => string;
  /** An article from what a user pasted: this marketplace's product URL, or the bare number. */
  articleFrom: (input: string) => string | null;
  storefront: StorefrontAdapter;
  cabinet: CabinetSpec;
  /** Capabilities that exist on one marketplace only (WB's search gives positions and bids). */
  positions: boolean;
  /** Whether search results differ by a region Lupa can pick (WB's `dest`): positions by region. */
  searchRegions: boolean;
  /** Whether Lupa reads a card's own text (WB's card.json): SEO gaps. */
  cardText: boolean;
  /**
   * Whether the listing JSON says which tiles are advertised (WB's `log`). Where it does not, a page's
   * ad share is unknown, never "0 %".
   */
  adsMarked: boolean;
  /** Whether search shows what advertised tiles pay (WB's `log.cpm`): the bid ladder of a search page. */
  adBids: boolean;
  /** Whether the storefront shows stock (WB's card, by warehouse): sales estimated from its history. */
  stockShown: boolean;
  /**
   * Whether Lupa reads the seller's own numbers through this marketplace's seller API with their own
   * token (WB's): own sales, SPP, commission, logistics, supplies and cover, the complaint digest.
   */
  sellerApi: boolean;
}

/** What a user pasted, as an article: the bare number, or the article of the product page it links to. */
export function pastedArticle(input: string, productId: (href: string) => string | null): string | null {
  const text = input.trim();
  if (BARE_ARTICLE_RE.test(text)) return text;
  return productId(/^https?:\/\//.test(text) ? text : `https://${text}`);
}
