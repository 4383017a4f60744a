// Ozon URLs. Every storefront page has a JSON twin (the "composer" page JSON) that the site's own
// client loads; it answers the site's own origin with the user's cookies, so the content script
// fetches it (route 'page'); the background's fetch of the same URL is the fallback and usually meets
// the anti-bot wall. ../shared/reference/ozon.md §1.2, §1.5.
export const OZON_ORIGIN = 'https://www.ozon.ru';

export const ozonEndpoints = {
  pageJson: (relativeUrl: string) => `${OZON_ORIGIN}/api/entrypoint-api.bx/page/json/v2?url=${encodeURIComponent(relativeUrl)}`,
  product: (sku: string | number) => `/product/${sku}/`,
  /** A card's reviews page (reference §1.3): Ozon's own order, or `score_asc` (lowest first); 30 a page. */
  reviews: (sku: string | number, sort?: 'score_asc') => `/product/${sku}/reviews/${sort ? `?sort=${sort}` : ''}`,
  search: (text: string, page: number) => `/search/?from_global=true&text=${encodeURIComponent(text)}${page > 1 ? `&page=${page}` : ''}`,
} as const;

/** The product's page on the storefront, for the user to open. */
export const ozonProductUrl = (sku: string | number) => `${OZON_ORIGIN}${ozonEndpoints.product(sku)}`;

/** Paths the content script may fetch on www.ozon.ru for the background. */
export const OZON_PAGE_ROUTE_PREFIXES = ['/api/entrypoint-api.bx/page/json/'] as const;

/** A position scan's pace on Ozon's search: a page a second, as scrapers that last do (reference §1.5). */
export const OZON_SCAN_INTERVAL_MS = 1000;

/** After a block (captcha, 403 with an incident id) Lupa sends nothing to Ozon for this long. */
export const OZON_BLOCK_BACKOFF_MS = 10 * 60 * 1000;
