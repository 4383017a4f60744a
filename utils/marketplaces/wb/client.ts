// The Wildberries client: builds URLs, picks the route, validates with zod, normalises.
// Everything that leaves it is Lupa's own type or a FetchProblem.
import { z } from 'zod';
import {
  type CardText,
  CardTextSchema,
  type ListingEntry,
  ListingEntrySchema,
  type PricePoint,
  PricePointSchema,
  type ProductCard,
  ProductCardSchema,
  type Review,
  ReviewSchema,
  type ReviewSummary,
  ReviewSummarySchema,
} from '../../model';
import { FetchProblem, type Net, type RawResponse, type RequestHeaders, singleFlight, type Transport } from '../../net';
import { isWbChallenge, WB_BLOCK_BACKOFF_MS } from './antibot';
import { basketGuess, probeOrder } from './basket';
import {
  MAX_DETAIL_BATCH,
  SEARCH_PAGE_SIZE,
  SEARCH_VERSIONS,
  type SearchVersion,
  searchQueryId,
  volOf,
  wbEndpoints,
  wbRoutes,
} from './endpoints';
import { feedbackShard, WbFeedbackHostSchema, WbQuestionCountSchema } from './feedbacks';
import {
  cardFromWb,
  cardTextFromWb,
  isEmptyFeedbacks,
  listingEntryFromWb,
  pricePointsFromWb,
  reviewSummaryFromWb,
  reviewsFromWb,
} from './normalise';
import {
  WbCardInfoSchema,
  WbCardTextSchema,
  WbDetailResponseSchema,
  type WbFeedbacksResponse,
  WbFeedbacksResponseSchema,
  WbPriceHistorySchema,
  WbSearchResponseSchema,
} from './schemas';
import { type BasketRange, basketFromMap, UPSTREAMS_RETRY_MS, UPSTREAMS_TTL, type UpstreamsCache, WbUpstreamsSchema } from './upstreams';

export interface WbClientDeps {
  net: Net;
  background: Transport;
  /** The delivery region for a request (geo.ts: the user's choice, the site's, WB's geo service, Moscow). */
  dest: (ctx?: RequestContext) => Promise<number>;
  /** Remembers which basket host serves a vol past the known table. */
  basketCache?: { get(vol: number): Promise<number | undefined>; set(vol: number, basket: number): Promise<void> };
  /** Keeps the search version that answered while the browser runs (storage.session). */
  searchVersion?: { get(): Promise<number | undefined>; set(version: number): Promise<void> };
  /** Keeps WB's live basket map (upstreams.ts) across worker restarts. */
  upstreams?: { get(): Promise<UpstreamsCache | undefined>; set(map: UpstreamsCache): Promise<void> };
  /** When a WB host's anti-bot wall ends, per host (persisted, so a restarted worker still waits). */
  blockedUntil?: { get(host: string): Promise<number>; set(host: string, until: number): Promise<void> };
  now?: () => number;
}

/** The hosts behind WB's anti-bot wall whose blocks are kept (their back-off is lifted by clearBlock). */
export const WALLED_HOSTS = ['www.wildberries.ru', 'card.wb.ru', 'search.wb.ru'] as const;

export interface RequestContext {
  /** The storefront tab's transport, when a storefront tab asked; absent for background refreshes. */
  page?: Transport;
  /** The structured data (JSON-LD texts) the tab's page embeds, when a storefront tab asked. */
  embedded?: () => Promise<string[]>;
  /** The region the WB site keeps in the tab (its `geo-data-v1…` localStorage text), when a WB tab asked. */
  siteRegion?: () => Promise<string | null>;
  /** The asking tab. */
  tabId?: number;
  /** A region asked for by name (a position scan in another region); else the user's own. */
  dest?: number;
}

/** Parse a body with a schema; a mismatch is "the format changed", with the first bad field named. */
export function parseBody<S extends z.ZodType>(schema: S, response: RawResponse, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    // WB's challenge page in place of JSON (status 200) is its wall, not a new format.
    if (isWbChallenge(response.body)) throw new FetchProblem('blocked', `${what}: anti-bot challenge page`, response.status);
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

  /**
   * A GET to a host behind WB's wall: a host that put up its wall (403, a challenge page) is left
   * alone for a while, kept across worker restarts; a challenge page is 'blocked', never data.
   */
  async function walled(url: string, transport: Transport, headers?: RequestHeaders): Promise<RawResponse> {
    const host = new URL(url).host;
    const until = (await deps.blockedUntil?.get(host)) ?? 0;
    if (now() < until) throw new FetchProblem('blocked', `${host}: left alone after a block until ${new Date(until).toISOString()}`);
    try {
      const response = await deps.net.get(url, transport, headers);
      if (response.status === 200 && isWbChallenge(response.body))
        throw new FetchProblem('blocked', `${host}: anti-bot challenge page`, 200);
      return response;
    } catch (error) {
      if (error instanceof FetchProblem && error.kind === 'blocked') await deps.blockedUntil?.set(host, now() + WB_BLOCK_BACKOFF_MS);
      throw error;
    }
  }

  /**
   * The background's fetch carries none of the user's cookies: a 498 there is no token a reload
   * would renew, it is the wall.
   */
  async function publicGet(url: string, headers?: RequestHeaders): Promise<RawResponse> {
    try {
      return await walled(url, deps.background, headers);
    } catch (error) {
      if (error instanceof FetchProblem && error.kind === 'token-expired') throw new FetchProblem('blocked', error.message, error.status);
      throw error;
    }
  }

  /**
   * The routes in order until one answers; when none does, the first route's problem — except that
   * an expired token on the site's route wins (the page must be reloaded, whatever the others said).
   */
  async function firstAnswer<T>(attempts: Array<() => Promise<T>>): Promise<T> {
    const problems: unknown[] = [];
    for (const attempt of attempts) {
      try {
        return await attempt();
      } catch (error) {
        problems.push(error);
      }
    }
    throw problems.find((e) => e instanceof FetchProblem && e.kind === 'token-expired') ?? problems[0];
  }

  async function detailChunk(ids: readonly number[], ctx: RequestContext): Promise<ProductCard[]> {
    const dest = await deps.dest(ctx);
    const read = (response: RawResponse) => {
      if (response.status === 404) throw new FetchProblem('not-found', 'detail: 404');
      const products = parseBody(WbDetailResponseSchema, response, 'card detail');
      const at = now();
      return products.map((p) => conform(ProductCardSchema, cardFromWb(p, at), 'card detail'));
    };
    const viaPage = async () => read(await walled(wbEndpoints.detailPage(ids, dest), ctx.page as Transport));
    const viaBackground = async () => read(await publicGet(wbEndpoints.detailPublic(ids, dest)));
    return firstAnswer(wbRoutes.detail.primary === 'page' && ctx.page ? [viaPage, viaBackground] : [viaBackground]);
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

  let basketMapNow: UpstreamsCache | undefined;
  let basketMapFailedAt = Number.NEGATIVE_INFINITY;
  const basketMapFlight = singleFlight<string, readonly BasketRange[] | null>();

  /**
   * WB's live basket map: from memory, the store, or cdn.wbbasket.ru when older than its TTL. A
   * failed fetch is not repeated for a while, and a stale map still beats the built-in table.
   */
  async function basketMap(): Promise<readonly BasketRange[] | null> {
    const fresh = () => basketMapNow !== undefined && now() - basketMapNow.fetchedAt < UPSTREAMS_TTL;
    if (fresh()) return basketMapNow?.ranges ?? null;
    const stored = await deps.upstreams?.get().catch(() => undefined);
    if (stored && (!basketMapNow || stored.fetchedAt > basketMapNow.fetchedAt)) basketMapNow = stored;
    if (fresh() || now() - basketMapFailedAt < UPSTREAMS_RETRY_MS) return basketMapNow?.ranges ?? null;
    return basketMapFlight('map', async () => {
      try {
        const response = await deps.net.get(wbEndpoints.upstreams, deps.background);
        if (response.status === 404) throw new FetchProblem('not-found', 'basket map: 404');
        const map = { fetchedAt: now(), ranges: parseBody(WbUpstreamsSchema, response, 'basket map') };
        basketMapNow = map;
        await deps.upstreams?.set(map).catch(() => {});
        return map.ranges;
      } catch {
        basketMapFailedAt = now();
        return basketMapNow?.ranges ?? null;
      }
    });
  }

  async function basketFor(nmId: number): Promise<number> {
    const vol = volOf(nmId);
    const mapped = basketFromMap((await basketMap()) ?? [], vol);
    if (mapped !== null) return mapped;
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

  /** A card's own words from its card.json (title, description, characteristics); 404: not-found. */
  async function fetchCardText(nmId: number): Promise<CardText> {
    const basket = await basketFor(nmId);
    const response = await deps.net.get(wbEndpoints.cardInfo(basket, nmId), deps.background);
    if (response.status === 404) throw new FetchProblem('not-found', `card.json of ${nmId}: 404`);
    return conform(CardTextSchema, cardTextFromWb(String(nmId), parseBody(WbCardTextSchema, response, 'card.json')), 'card.json');
  }

  /** Review hosts the resolver gave, per card (a few hundred kept while the worker lives). */
  const reviewHosts = new Map<number, string>();

  /** The origin WB's resolver names for a card's reviews; null when it does not answer usefully. */
  async function reviewHost(rootId: number): Promise<string | null> {
    const known = reviewHosts.get(rootId);
    if (known) return known;
    try {
      const response = await deps.net.get(wbEndpoints.feedbackHost(rootId), deps.background);
      if (response.status === 404) return null;
      const origin = parseBody(WbFeedbackHostSchema, response, 'feedback host');
      if (reviewHosts.size >= 500) reviewHosts.delete(reviewHosts.keys().next().value as number);
      reviewHosts.set(rootId, origin);
      return origin;
    } catch {
      return null;
    }
  }

  /**
   * A card's review summary: the resolved host first, then the shard WB's rule names and the other
   * (v2, and the old v1 where a shard no longer knows v2). An empty answer is not final; a route
   * that fails hands over to the next; when none answers, the first problem is the verdict.
   */
  async function fetchFeedbacks(rootId: number): Promise<WbFeedbacksResponse> {
    const routes: Array<() => Promise<RawResponse>> = [];
    const host = await reviewHost(rootId);
    if (host) routes.push(() => deps.net.get(wbEndpoints.feedbacksAt(host, rootId), deps.background));
    const first = feedbackShard(rootId);
    for (const shard of [first, first === 1 ? 2 : 1] as const)
      routes.push(async () => {
        const v2 = await deps.net.get(wbEndpoints.feedbacks(shard, rootId), deps.background);
        return v2.status === 404 ? deps.net.get(wbEndpoints.feedbacks(shard, rootId, 1), deps.background) : v2;
      });
    let last = null;
    let problem: unknown;
    for (const route of routes) {
      try {
        const response = await route();
        if (response.status === 404) continue;
        const parsed = parseBody(WbFeedbacksResponseSchema, response, 'feedbacks');
        last = parsed;
        if (!isEmptyFeedbacks(parsed)) break;
      } catch (error) {
        problem ??= error;
      }
    }
    if (!last) throw problem ?? new FetchProblem('not-found', `no reviews for card ${rootId}`);
    return last;
  }

  async function fetchReviewSummary(rootId: number): Promise<ReviewSummary> {
    return conform(ReviewSummarySchema, reviewSummaryFromWb(String(rootId), await fetchFeedbacks(rootId), now()), 'feedbacks');
  }

  /** A card's recent reviews as WB lists them (all variants of the card), newest first. */
  async function fetchReviews(rootId: number): Promise<Review[]> {
    return conform(z.array(ReviewSchema), reviewsFromWb(await fetchFeedbacks(rootId)), 'feedbacks');
  }

  /** How many questions buyers asked on a card. */
  async function fetchQuestionCount(rootId: number): Promise<number> {
    const response = await deps.net.get(wbEndpoints.questionCount(rootId), deps.background);
    if (response.status === 404) throw new FetchProblem('not-found', `questions: 404 for card ${rootId}`, 404);
    return parseBody(WbQuestionCountSchema, response, 'questions');
  }

  /** The search version that answered last, remembered while the browser runs (SEARCH_VERSIONS). */
  let searchVersionNow: SearchVersion | undefined;
  /** Stands for the site's `_wbauid` in the search's query id: one per worker. */
  const searchClientId = Array.from({ length: 18 }, (_, i) => Math.floor(Math.random() * 9) + (i === 0 ? 1 : 0)).join('');

  async function searchVersions(): Promise<SearchVersion[]> {
    if (searchVersionNow === undefined) {
      const kept = await deps.searchVersion?.get().catch(() => undefined);
      searchVersionNow = SEARCH_VERSIONS.find((v) => v === kept);
    }
    const first = searchVersionNow;
    return first === undefined ? [...SEARCH_VERSIONS] : [first, ...SEARCH_VERSIONS.filter((v) => v !== first)];
  }

  async function rememberSearchVersion(version: SearchVersion): Promise<void> {
    if (searchVersionNow === version) return;
    searchVersionNow = version;
    await deps.searchVersion?.set(version).catch(() => {});
  }

  /**
   * One page of search results (100 products) for the user's region (or `ctx.dest`), positions numbered from 1:
   * from the site's own proxy in the tab when a storefront tab asks, else (or when that fails) from
   * the public host by the newest version that answers — a version that is gone (404, 400, an
   * answer that does not parse) hands over to the next; a wall, a 429 or the network ends the walk.
   */
  async function fetchSearchPage(query: string, page: number, sort = 'popular', ctx: RequestContext = {}): Promise<ListingEntry[]> {
    const dest = ctx.dest ?? (await deps.dest(ctx));
    const versions = await searchVersions();
    const headers = { 'x-queryid': searchQueryId(searchClientId, now()) };
    const read = (response: RawResponse): ListingEntry[] => {
      if (response.status === 404) throw new FetchProblem('not-found', 'search: 404', 404);
      // Pages past the last answer 200 with an empty body (reference §1.3).
      if (response.body.trim() === '') return [];
      // A page holds SEARCH_PAGE_SIZE products: places past it belong to the next page, and an
      // oversized answer (thousands of entries) must not cost the worker thousands of writes.
      const entries = parseBody(WbSearchResponseSchema, response, 'search').slice(0, SEARCH_PAGE_SIZE);
      const at = now();
      return conform(
        ListingEntriesSchema,
        entries.map((entry, i) => listingEntryFromWb(entry, (page - 1) * SEARCH_PAGE_SIZE + i + 1, at)),
        'search',
      );
    };
    const gone = (error: unknown) =>
      error instanceof FetchProblem && (error.kind === 'format-changed' || error.status === 404 || error.status === 400);
    const viaPage = async () =>
      read(await walled(wbEndpoints.searchPage(versions[0] as SearchVersion, query, page, dest, sort), ctx.page as Transport, headers));
    const viaPublic = async () => {
      let first: unknown;
      for (const version of versions) {
        try {
          const entries = read(await publicGet(wbEndpoints.search(version, query, page, dest, sort), headers));
          await rememberSearchVersion(version);
          return entries;
        } catch (error) {
          if (!gone(error)) throw error;
          first ??= error;
        }
      }
      throw first instanceof FetchProblem && first.kind !== 'format-changed'
        ? new FetchProblem('format-changed', `search: no version answers (${versions.join(', ')})`)
        : first;
    };
    return firstAnswer(wbRoutes.search.primary === 'page' && ctx.page ? [viaPage, viaPublic] : [viaPublic]);
  }

  /** The user asked again by hand (after reloading the page or passing a check): lift every wait. */
  async function clearBlock(): Promise<void> {
    for (const host of WALLED_HOSTS) await deps.blockedUntil?.set(host, 0);
  }

  return {
    fetchCards,
    fetchCardText,
    fetchPriceHistory,
    fetchReviewSummary,
    fetchReviews,
    fetchQuestionCount,
    fetchSearchPage,
    clearBlock,
    dest: deps.dest,
  };
}

export type WbClient = ReturnType<typeof createWbClient>;
