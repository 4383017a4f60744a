// Every Wildberries URL Lupa builds, in one place, with the route each one takes.
// Shapes and hosts: ../shared/reference/wildberries.md (seen in public code of 2025–2026).

/** Moscow's delivery region; the user can pick another in the options page. */
export const DEFAULT_DEST = -1257786;

/** Search answers this many products a page. */
export const SEARCH_PAGE_SIZE = 100;

/** The detail API answers at most this many articles per call. */
export const MAX_DETAIL_BATCH = 100;

export const STOREFRONT_ORIGIN = 'https://www.wildberries.ru';

/** The product's page on the storefront, for the user to open. */
export const wbProductUrl = (nmId: string | number) => `${STOREFRONT_ORIGIN}/catalog/${nmId}/detail.aspx`;

/**
 * 'page': fetched by the content script from the storefront's own origin with the user's cookies
 * (the site's anti-bot tokens ride along); 'background': fetched by the service worker.
 * Each endpoint names its primary route; the client falls back to the other form when it fails.
 */
export type Route = 'page' | 'background';

const detailQuery = (ids: readonly number[], dest: number) =>
  `appType=1&curr=rub&dest=${dest}&spp=30&ab_testing=false&lang=ru&nm=${ids.join(';')}`;

export const wbEndpoints = {
  /** Same-origin form the site itself uses since public hosts began demanding anti-bot tokens. */
  detailPage: (ids: readonly number[], dest: number) =>
    `${STOREFRONT_ORIGIN}/__internal/u-card/cards/v4/detail?hide_vflags=4294967296&${detailQuery(ids, dest)}`,
  detailPublic: (ids: readonly number[], dest: number) => `https://card.wb.ru/cards/v4/detail?${detailQuery(ids, dest)}`,
  /** WB's live map of basket hosts by vol range (upstreams.ts). */
  upstreams: 'https://cdn.wbbasket.ru/api/v3/upstreams',
  cardInfo: (basket: number, nmId: number) => `${basketBase(basket, nmId)}/info/ru/card.json`,
  priceHistory: (basket: number, nmId: number) => `${basketBase(basket, nmId)}/info/price-history.json`,
  /** A card's reviews live on one of two shards; the first answering empty is not final. */
  feedbacks: (shard: 1 | 2, root: number) => `https://feedbacks${shard}.wb.ru/feedbacks/v1/${root}`,
  search: (query: string, page: number, dest: number, sort = 'popular') =>
    `https://search.wb.ru/exactmatch/ru/common/v5/search?ab_testing=false&appType=1&curr=rub&dest=${dest}&lang=ru&page=${page}&query=${encodeURIComponent(query)}&resultset=catalog&sort=${encodeURIComponent(sort)}&spp=30&suppressSpellcheck=false`,
} as const;

export const wbRoutes = {
  detail: { primary: 'page', fallback: 'background' },
  basket: { primary: 'background', fallback: null },
  feedbacks: { primary: 'background', fallback: null },
  search: { primary: 'background', fallback: null },
} as const satisfies Record<string, { primary: Route; fallback: Route | null }>;

export const volOf = (nmId: number) => Math.floor(nmId / 100_000);
export const partOf = (nmId: number) => Math.floor(nmId / 1_000);

function basketBase(basket: number, nmId: number): string {
  const host = `basket-${String(basket).padStart(2, '0')}.wbbasket.ru`;
  return `https://${host}/vol${volOf(nmId)}/part${partOf(nmId)}/${nmId}`;
}

/** Paths the content script may fetch on the storefront's origin for the background. */
export const PAGE_ROUTE_PREFIXES = ['/__internal/u-card/cards/', '/__internal/search/'] as const;
