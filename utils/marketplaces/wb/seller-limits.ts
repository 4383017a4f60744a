// WB seller API endpoint groups: the host, the token category each needs, and its rate limit per
// token budget (../shared/reference/wildberries.md §3.2, from WB's OpenAPI `x-wb-rate-limits`,
// 2026-08-19). A limit is a token bucket: `limit` requests per `periodMs`, refilled evenly, at most
// `burst` at once. "Personal" also covers Service tokens; Basic tokens got far lower limits in April 2026.
import type { TokenCategory } from './seller-token';

export interface BucketLimit {
  /** Requests per period. */
  limit: number;
  periodMs: number;
  /** Requests that may go at once from a full bucket. */
  burst: number;
}

export interface EndpointGroup {
  host: string;
  /** The token category it needs; null: a token of any category will do (WB's tariffs). */
  category: TokenCategory | null;
  personal: BucketLimit;
  basic: BucketLimit;
  /** WB bills each 4xx (other than 429) of these methods as this many requests ("Лимиты запросов WB API", 03.04.2026). */
  errorCost: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const SELLER_GROUPS = {
  /** Reviews and questions: 3 rps, burst 6, shared by the whole category. */
  feedbacks: {
    host: 'feedbacks-api.wildberries.ru',
    category: 'Questions & Feedbacks',
    personal: { limit: 3, periodMs: SECOND, burst: 6 },
    basic: { limit: 5, periodMs: HOUR, burst: 1 },
    errorCost: 10,
  },
  /** Prices & discounts: 10 per 6 s, burst 5. */
  prices: {
    host: 'discounts-prices-api.wildberries.ru',
    category: 'Prices & Discounts',
    personal: { limit: 10, periodMs: 6 * SECOND, burst: 5 },
    basic: { limit: 4, periodMs: HOUR, burst: 1 },
    errorCost: 10,
  },
  /** Orders: 1 a minute, burst 10. */
  orders: {
    host: 'statistics-api.wildberries.ru',
    category: 'Statistics',
    personal: { limit: 1, periodMs: MINUTE, burst: 10 },
    basic: { limit: 1, periodMs: 3 * HOUR, burst: 1 },
    errorCost: 10,
  },
  /** Sales: 1 a minute, burst 1. */
  sales: {
    host: 'statistics-api.wildberries.ru',
    category: 'Statistics',
    personal: { limit: 1, periodMs: MINUTE, burst: 1 },
    basic: { limit: 1, periodMs: 2 * HOUR, burst: 1 },
    errorCost: 10,
  },
  /** The sales funnel: 3 a minute (no Basic figure given: taken as the orders' Basic one). */
  funnel: {
    host: 'seller-analytics-api.wildberries.ru',
    category: 'Analytics',
    personal: { limit: 3, periodMs: MINUTE, burst: 3 },
    basic: { limit: 1, periodMs: 3 * HOUR, burst: 1 },
    errorCost: 10,
  },
  /** WB's commission by subject: 1 a minute, burst 2; any token category. */
  commission: {
    host: 'common-api.wildberries.ru',
    category: null,
    personal: { limit: 1, periodMs: MINUTE, burst: 2 },
    basic: { limit: 5, periodMs: HOUR, burst: 1 },
    errorCost: 10,
  },
  /** WB's box tariffs by warehouse: 60 a minute; any token category (no Basic figure given: the same). */
  tariffs: {
    host: 'common-api.wildberries.ru',
    category: null,
    personal: { limit: 60, periodMs: MINUTE, burst: 5 },
    basic: { limit: 60, periodMs: MINUTE, burst: 5 },
    errorCost: 10,
  },
  /** The seller's cards (content): 100 a minute, burst 5 (no Basic figure given: taken as the orders' Basic one). */
  content: {
    host: 'content-api.wildberries.ru',
    category: 'Content',
    personal: { limit: 100, periodMs: MINUTE, burst: 5 },
    basic: { limit: 1, periodMs: 3 * HOUR, burst: 1 },
    errorCost: 10,
  },
  /**
   * The stocks report by WB warehouse (`POST /api/analytics/v1/stocks-report/wb-warehouses`, which
   * replaced statistics' supplier/stocks in 2026): 3 a minute, one every 20 s, burst 1 (WB's docs;
   * no Basic figure given: taken as the funnel's).
   */
  stocks: {
    host: 'seller-analytics-api.wildberries.ru',
    category: 'Analytics',
    personal: { limit: 3, periodMs: MINUTE, burst: 1 },
    basic: { limit: 1, periodMs: 3 * HOUR, burst: 1 },
    errorCost: 10,
  },
  /** Acceptance coefficients (`common-api…/api/tariffs/v1/acceptance/coefficients`): 6 a minute, burst 6; Basic 1 an hour. */
  acceptance: {
    host: 'common-api.wildberries.ru',
    category: 'Supplies',
    personal: { limit: 6, periodMs: MINUTE, burst: 6 },
    basic: { limit: 1, periodMs: HOUR, burst: 1 },
    errorCost: 10,
  },
} as const satisfies Record<string, EndpointGroup>;

export type SellerGroup = keyof typeof SELLER_GROUPS;
export const SELLER_GROUP_NAMES = Object.keys(SELLER_GROUPS) as SellerGroup[];
