// The Wildberries client: builds URLs, picks the route, validates with zod, normalises.
// Everything that leaves it is Lupa's own type or a FetchProblem.
import { z } from 'zod';
import {
  type ListingEntry,
  ListingEntrySchema,
  type PricePoint,
  PricePointSchema,
  type ProductCard,
  ProductCardSchema,
  type ReviewSummary,
  ReviewSummarySchema,
} from '../../model';
import { FetchProblem, type Net, type RawResponse, type Transport } from '../../net';
import { basketGuess, probeOrder } from './basket';
import { MAX_DETAIL_BATCH, SEARCH_PAGE_SIZE, volOf, wbEndpoints, wbRoutes } from './endpoints';
import { cardFromWb, isEmptyFeedbacks, listingEntryFromWb, pricePointsFromWb, reviewSummaryFromWb } from './normalise';
import {
  WbCardInfoSchema,
  WbDetailResponseSchema,
  WbFeedbacksResponseSchema,
  WbPriceHistorySchema,
  WbSearchResponseSchema,
} from './schemas';

export interface WbClientDeps {
  net: Net;
  background: Transport;
  dest: () => Promise<number>;
  /** Remembers which basket host serves a vol past the known table. */
  basketCache?: { get(vol: number): Promise<number | undefined>; set(vol: number, basket: number): Promise<void> };
  now?: () => number;
}

export interface RequestContext {
  /** The storefront tab's transport, when a storefront tab asked; absent for background refreshes. */
  page?: Transport;
  /** The structured data (JSON-LD texts) the tab's page embeds, when a storefront tab asked. */
  embedded?: () => Promise<string[]>;
}

/** Parse a body with a schema; a mismatch is "the format changed", with the first bad field named. */
export function parseBody<S extends z.ZodType>(schema: S, response: RawResponse, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new FetchProblem('format-changed', `${what}: not JSON`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FetchProblem('format-changed', `${what}: ${issue?.path.join('.') || '(root)'} — ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/**
 * What leaves the client must fit Lupa's own model: a value WB sent that passes its schema but not
 * ours (a negative price, a negative count) is a changed format too — never stored, never shown.
 */
export function conform<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FetchProblem('format-changed', `${what}: ${issue?.path.join('.') || '(root)'} — ${issue?.message ?? 'out of range'}`);
  }
  return result.data;
}

const PricePointsSchema = z.array(PricePointSchema);
const ListingEntriesSchema = z.array(ListingEntrySchema);

export function createWbClient(deps: WbClientDeps) {
  const now = deps.now ?? (() => Date.now());
  const memoBaskets = new Map<number, number>();

  async function detailChunk(ids: readonly number[], ctx: RequestContext): Promise<ProductCard[]> {
    const dest = await deps.dest();
    const attempts: Array<() => Promise<RawResponse>> = [];
    const viaPage = () => deps.net.get(wbEndpoints.detailPage(ids, dest), ctx.page as Transport);
    const viaBackground = () => deps.net.get(wbEndpoints.detailPublic(ids, dest), deps.background);
    if (wbRoutes.detail.primary === 'page' && ctx.page) attempts.push(viaPage, viaBackground);
    else attempts.push(viaBackground);
    let first: unknown;
    for (const attempt of attempts) {
      try {
        const response = await attempt();
        if (response.status === 404) throw new FetchProblem('not-found', 'detail: 404');
        const products = parseBody(WbDetailResponseSchema, response, 'card detail');
        const at = now();
        return products.map((p) => conform(ProductCardSchema, cardFromWb(p, at), 'card detail'));
      } catch (error) {
        first ??= error;
      }
    }
    throw first;
  }

  /** Cards for many articles, split at the API's batch limit; missing articles map to null. */
  async function fetchCards(ids: readonly number[], ctx: RequestContext = {}): Promise<Map<number, ProductCard | null>> {
    const unique = [...new Set(ids)];
    const chunks: number[][] = [];
    for (let i = 0; i < unique.length; i += MAX_DETAIL_BATCH) chunks.push(unique.slice(i, i + MAX_DETAIL_BATCH));
    const cards = (await Promise.all(chunks.map((chunk) => detailChunk(chunk, ctx)))).flat();
    const byId = new Map<number, ProductCard | null>(unique.map((id) => [id, null]));
    for (const card of cards) if (byId.has(Number(card.id))) byId.set(Number(card.id), card);
    return byId;
  }

  async function basketFor(nmId: number): Promise<number> {
    const vol = volOf(nmId);
    const guess = basketGuess(vol);
    if (guess.certain) return guess.basket;
    const known = memoBaskets.get(vol) ?? (await deps.basketCache?.get(vol));
    if (known) return known;
    for (const basket of probeOrder(guess.basket)) {
      const response = await deps.net.get(wbEndpoints.cardInfo(basket, nmId), deps.background);
      if (response.status === 404) continue;
      parseBody(WbCardInfoSchema, response, 'card.json');
      memoBaskets.set(vol, basket);
      await deps.basketCache?.set(vol, basket);
      return basket;
    }
    throw new FetchProblem('not-found', `no basket host serves vol ${vol}`);
  }

  /** The marketplace's own weekly price history; a new product has none (404). */
  async function fetchPriceHistory(nmId: number): Promise<PricePoint[]> {
    const basket = await basketFor(nmId);
    const response = await deps.net.get(wbEndpoints.priceHistory(basket, nmId), deps.background);
    if (response.status === 404) return [];
    return conform(
      PricePointsSchema,
      pricePointsFromWb(String(nmId), parseBody(WbPriceHistorySchema, response, 'price history')),
      'price history',
    );
  }

  async function fetchReviewSummary(rootId: number): Promise<ReviewSummary> {
    let last = null;
    for (const shard of [1, 2] as const) {
      const response = await deps.net.get(wbEndpoints.feedbacks(shard, rootId), deps.background);
      if (response.status === 404) continue;
      const parsed = parseBody(WbFeedbacksResponseSchema, response, 'feedbacks');
      last = parsed;
      if (!isEmptyFeedbacks(parsed)) break;
    }
    if (!last) throw new FetchProblem('not-found', `no reviews for card ${rootId}`);
    return conform(ReviewSummarySchema, reviewSummaryFromWb(String(rootId), last, now()), 'feedbacks');
  }

  /** One page of search results (100 products) for the user's region, positions numbered from 1. */
  async function fetchSearchPage(query: string, page: number, sort = 'popular'): Promise<ListingEntry[]> {
    const response = await deps.net.get(wbEndpoints.search(query, page, await deps.dest(), sort), deps.background);
    if (response.status === 404) return [];
    // A page holds SEARCH_PAGE_SIZE products: places past it belong to the next page, and an
    // oversized answer (thousands of entries) must not cost the worker thousands of writes.
    const entries = parseBody(WbSearchResponseSchema, response, 'search').slice(0, SEARCH_PAGE_SIZE);
    const at = now();
    return conform(
      ListingEntriesSchema,
      entries.map((entry, i) => listingEntryFromWb(entry, (page - 1) * SEARCH_PAGE_SIZE + i + 1, at)),
      'search',
    );
  }

  return { fetchCards, fetchPriceHistory, fetchReviewSummary, fetchSearchPage, dest: deps.dest };
}

export type WbClient = ReturnType<typeof createWbClient>;
