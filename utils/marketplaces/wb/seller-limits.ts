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

type Bucket = readonly [limit: number, periodMs: number, burst: number];
const bucket = ([limit, periodMs, burst]: Bucket): BucketLimit => ({ limit, periodMs, burst });

/** A group's row: its host and category, and each budget's bucket as [limit, periodMs, burst]. */
const group = (host: string, category: TokenCategory | null, personal: Bucket, basic: Bucket): EndpointGroup => ({
  host,
  category,
  personal: bucket(personal),
  basic: bucket(basic),
  errorCost: 10,
});

export const SELLER_GROUPS = {
  /** Reviews and questions: 3 rps, burst 6, shared by the whole category. */
  feedbacks: group('feedbacks-api.wildberries.ru', 'Questions & Feedbacks', [3, SECOND, 6], [5, HOUR, 1]),
  /** Prices & discounts: 10 per 6 s, burst 5. */
  prices: group('discounts-prices-api.wildberries.ru', 'Prices & Discounts', [10, 6 * SECOND, 5], [4, HOUR, 1]),
  /** Orders: 1 a minute, burst 10. */
  orders: group('statistics-api.wildberries.ru', 'Statistics', [1, MINUTE, 10], [1, 3 * HOUR, 1]),
  /** Sales: 1 a minute, burst 1. */
  sales: group('statistics-api.wildberries.ru', 'Statistics', [1, MINUTE, 1], [1, 2 * HOUR, 1]),
  /** The sales funnel: 3 a minute (no Basic figure given: taken as the orders' Basic one). */
  funnel: group('seller-analytics-api.wildberries.ru', 'Analytics', [3, MINUTE, 3], [1, 3 * HOUR, 1]),
  /** WB's commission by subject: 1 a minute, burst 2; any token category. */
  commission: group('common-api.wildberries.ru', null, [1, MINUTE, 2], [5, HOUR, 1]),
  /** WB's box tariffs by warehouse: 60 a minute; any token category (no Basic figure given: the same). */
  tariffs: group('common-api.wildberries.ru', null, [60, MINUTE, 5], [60, MINUTE, 5]),
  /** The seller's cards (content): 100 a minute, burst 5 (no Basic figure given: taken as the orders' Basic one). */
  content: group('content-api.wildberries.ru', 'Content', [100, MINUTE, 5], [1, 3 * HOUR, 1]),
  /**
   * The stocks report by WB warehouse (`POST /api/analytics/v1/stocks-report/wb-warehouses`, which
   * replaced statistics' supplier/stocks in 2026): 3 a minute, one every 20 s, burst 1 (WB's docs;
   * no Basic figure given: taken as the funnel's).
   */
  stocks: group('seller-analytics-api.wildberries.ru', 'Analytics', [3, MINUTE, 1], [1, 3 * HOUR, 1]),
  /** Acceptance coefficients (`common-api…/api/tariffs/v1/acceptance/coefficients`): 6 a minute, burst 6; Basic 1 an hour. */
  acceptance: group('common-api.wildberries.ru', 'Supplies', [6, MINUTE, 6], [1, HOUR, 1]),
} satisfies Record<string, EndpointGroup>;

export type SellerGroup = keyof typeof SELLER_GROUPS;
export const SELLER_GROUP_NAMES = Object.keys(SELLER_GROUPS) as SellerGroup[];
