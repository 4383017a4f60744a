// The product overview a panel shows: cache first, then the marketplace; every fetch is stored
// (latest card, price points, stock snapshots, review summaries) and the reply is assembled from
// the store, so what the user sees is what Lupa keeps.
import { OBSERVE_EVERY, storeCards } from './card-store';
import { addPoints, kvFamily, type LupaDb, readCard, readSeries, schemas, validRow, validRows } from './db';
import { KERNEL_KV } from './kv-keys';
import type { OzonClient } from './marketplaces/ozon/client';
import type { RequestContext, WbClient } from './marketplaces/wb/client';
import { MAX_DETAIL_BATCH } from './marketplaces/wb/endpoints';
import type { ProductOverview, ProductOverviewRequest } from './messages';
import type { Marketplace, PricePoint, ProblemKind, ProductCard, ReviewSummary } from './model';
import { problemOf, singleFlight } from './net';
import { estimateSales } from './sales';
import { DAY_MS, mergeSeries, priceStats } from './stats';

/** When the marketplace's published price history was last fetched, per product. */
const historyFetchedAt = kvFamily<number, [Marketplace, string]>(KERNEL_KV.historyFetchedAt);

export const TTL = {
  /** A card younger than this is shown as fresh without asking the marketplace. */
  card: 10 * 60 * 1000,
  /** A 'refresh' ask within this of the last fetch is answered from the store (five tabs, one request). */
  refreshDebounce: 30 * 1000,
  /** WB's published history is weekly. */
  priceHistory: 12 * 60 * 60 * 1000,
  reviews: 30 * 60 * 1000,
} as const;

/** Stock history the sales estimate looks at. */
const SALES_DAYS = 60;

/** How much history a panel's chart gets. */
const CHART_DAYS = 365;

/** What one marketplace gives a product overview. */
export interface OverviewSource {
  /** The card now, or null when the marketplace does not know the article. */
  fetchCard(id: string, ctx: RequestContext): Promise<ProductCard | null>;
  /** Cards for up to `batch` articles in one go (background refreshes); null where the marketplace does not know one. */
  fetchCards(ids: readonly string[], ctx?: RequestContext): Promise<Map<string, ProductCard | null>>;
  /**
   * Where a background refresh (no tab asking) reads this marketplace. Absent: the background's own
   * fetch. Ozon: an open storefront tab's origin, or null when none is open — Ozon's page JSON
   * answers its own site (reference §1.5), so the refresh leaves such cards for a later run.
   */
  backgroundRoute?(): Promise<RequestContext | null>;
  /** How many articles one fetchCards call takes: WB's detail route 100, Ozon one page each. */
  batch: number;
  /** One failure stands for the rest of a run (Ozon blocks or limits as a whole). */
  failureStopsAll: boolean;
  /** The marketplace's own published price history, where it has one (WB). */
  fetchHistory?(id: string): Promise<PricePoint[]>;
  /** Review summary of a card, where the marketplace gives one (Ozon's through the tab in `ctx`). */
  fetchReviews?(card: ProductCard, ctx?: RequestContext): Promise<ReviewSummary>;
  /** Minimum time between two observations of an unchanged price; 0: every fetch is a point. */
  observeEvery: number;
  /** The user asked again by hand (after passing an anti-bot check, say). */
  onUserRetry?(): Promise<void>;
}

export function wbOverviewSource(wb: WbClient): OverviewSource {
  return {
    fetchCard: async (id, ctx) => (await wb.fetchCards([Number(id)], ctx)).get(Number(id)) ?? null,
    fetchCards: async (ids) => {
      const got = await wb.fetchCards(ids.map(Number));
      return new Map(ids.map((id) => [id, got.get(Number(id)) ?? null]));
    },
    batch: MAX_DETAIL_BATCH,
    failureStopsAll: false,
    fetchHistory: (id) => wb.fetchPriceHistory(Number(id)),
    // The questions count rides with the reviews; its failure costs the count only.
    fetchReviews: async (card) => {
      const [summary, questions] = await Promise.all([
        wb.fetchReviewSummary(Number(card.rootId)),
        wb.fetchQuestionCount(Number(card.rootId)).catch(() => null),
      ]);
      return { ...summary, questions };
    },
    observeEvery: OBSERVE_EVERY,
    onUserRetry: () => wb.clearBlock(),
  };
}

/**
 * Ozon publishes no price history: Lupa's own observations are the history, one per fetch.
 * `openTab`: an open Ozon tab's route for background refreshes (null when none is open); without
 * it the background fetches itself.
 */
export function ozonOverviewSource(ozon: OzonClient, openTab?: () => Promise<RequestContext | null>): OverviewSource {
  return {
    fetchCard: (id, ctx) => ozon.fetchCard(Number(id), ctx),
    fetchCards: async (ids, ctx = {}) => {
      const cards = new Map<string, ProductCard | null>();
      for (const id of ids) cards.set(id, await ozon.fetchCard(Number(id), ctx));
      return cards;
    },
    ...(openTab ? { backgroundRoute: openTab } : {}),
    batch: 1,
    failureStopsAll: true,
    fetchReviews: (card, ctx) => ozon.fetchReviewSummary(card, ctx),
    observeEvery: 0,
    onUserRetry: () => ozon.clearBlock(),
  };
}

export interface OverviewDeps {
  db: LupaDb;
  sources: Partial<Record<Marketplace, OverviewSource>>;
  windowDays: () => Promise<number>;
  now?: () => number;
}

const withoutMarketplace = ({ marketplace: _m, ...rest }: ReviewSummary) => rest;

export function createProductOverviewService(deps: OverviewDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const flight = singleFlight<string, ProductOverview>();

  async function latestCard(marketplace: Marketplace, id: string): Promise<ProductCard | undefined> {
    return readCard(db, { marketplace, id });
  }

  async function refreshHistory(marketplace: Marketplace, source: OverviewSource, id: string): Promise<ProblemKind | null> {
    if (!source.fetchHistory) return null;
    const fetched = historyFetchedAt(marketplace, id);
    const last = await fetched.get(db);
    if (last !== undefined && now() - last < TTL.priceHistory) return null;
    try {
      const points = await source.fetchHistory(id);
      await db.transaction('rw', [db.priceMonths, db.kv], async () => {
        await addPoints(db, 'pricePoints', points);
        await fetched.set(db, now());
      });
      return null;
    } catch (error) {
      return problemOf(error).kind;
    }
  }

  async function latestReviews(marketplace: Marketplace, rootId: string): Promise<ReviewSummary | undefined> {
    const row = await db.reviewSummaries
      .where('[marketplace+rootId+at]')
      .between([marketplace, rootId, 0], [marketplace, rootId, Number.MAX_SAFE_INTEGER])
      .last();
    return validRow(schemas.reviewSummaries, row, 'reviewSummaries');
  }

  async function refreshReviews(source: OverviewSource, card: ProductCard, ctx: RequestContext): Promise<ProblemKind | null> {
    // A card without reviews needs no request: the detail already says there are none.
    if (!source.fetchReviews || !card.rootId || card.reviewCount === 0) return null;
    const latest = await latestReviews(card.marketplace, card.rootId);
    if (latest && now() - latest.at < TTL.reviews) return null;
    try {
      await db.reviewSummaries.put(await source.fetchReviews(card, ctx));
      return null;
    } catch (error) {
      return problemOf(error).kind;
    }
  }

  async function assemble(
    card: ProductCard | undefined,
    state: ProductOverview['state'],
    detail: string | null,
    problems: { history: ProblemKind | null; reviews: ProblemKind | null } = { history: null, reviews: null },
  ): Promise<ProductOverview> {
    if (!card) {
      return {
        state,
        detail,
        product: null,
        priceHistory: { points: [], stats: null, problem: null },
        reviews: { summary: null, problem: null },
        sales: null,
        calibration: null,
        changes: [],
      };
    }
    const at = now();
    const points = mergeSeries(await readSeries(db, 'pricePoints', card.marketplace, card.id, at - CHART_DAYS * DAY_MS));
    const summary = card.rootId && card.reviewCount > 0 ? await latestReviews(card.marketplace, card.rootId) : undefined;
    const stock = card.stockKnown ? await readSeries(db, 'stockSnapshots', card.marketplace, card.id, at - SALES_DAYS * DAY_MS) : [];
    const { rootId: _root, ...product } = card;
    return {
      state,
      detail,
      product,
      priceHistory: {
        points: points.map((p: PricePoint) => ({ at: p.at, price: p.price, source: p.source })),
        stats: priceStats(points, card.priceNow, at, await deps.windowDays()),
        problem: problems.history,
      },
      reviews: { summary: summary ? withoutMarketplace(summary) : null, problem: problems.reviews },
      sales: estimateSales(stock),
      // The product panel adds it where the seller's own orders give one (own-numbers).
      calibration: null,
      changes: validRows(
        schemas.changes,
        await db.changes.where('[marketplace+productId]').equals([card.marketplace, card.id]).toArray(),
        'changes',
      )
        .sort((a, b) => b.at - a.at)
        .slice(0, 20)
        .map(({ marketplace: _m, productId: _p, ...c }) => c),
    };
  }

  async function refresh(marketplace: Marketplace, source: OverviewSource, id: string, ctx: RequestContext): Promise<ProductOverview> {
    const history = refreshHistory(marketplace, source, id); // needs only the article: runs beside the card request
    let card: ProductCard | null;
    try {
      card = await source.fetchCard(id, ctx);
    } catch (error) {
      await history;
      const { kind, detail } = problemOf(error);
      return assemble(await latestCard(marketplace, id), kind, detail);
    }
    if (!card) {
      await history;
      return assemble(undefined, 'not-found', `article ${id} is not on ${marketplace}`);
    }
    await storeCards(db, [card], source.observeEvery);
    const [historyProblem, reviewsProblem] = await Promise.all([history, refreshReviews(source, card, ctx)]);
    return assemble(card, 'fresh', null, { history: historyProblem, reviews: reviewsProblem });
  }

  return {
    async get(request: ProductOverviewRequest, ctx: RequestContext = {}): Promise<ProductOverview> {
      const { marketplace, id } = request;
      const source = deps.sources[marketplace];
      if (!source) return assemble(undefined, 'not-found', `${marketplace} is not supported`);
      const key = `${marketplace}:${id}`;
      // A refresh under way has stored the card but not yet the rest: join it, never answer half.
      const underWay = flight.pending(key);
      if (underWay) return underWay;
      const cached = await latestCard(marketplace, id);
      const age = cached ? now() - cached.fetchedAt : Number.POSITIVE_INFINITY;
      if (cached && request.mode === 'cached') return assemble(cached, age < TTL.card ? 'fresh' : 'stale', null);
      if (request.mode === 'user') await source.onUserRetry?.();
      else if (cached && age < TTL.refreshDebounce) return assemble(cached, 'fresh', null);
      return flight(key, () => refresh(marketplace, source, id, ctx));
    },
  };
}

export type ProductOverviewService = ReturnType<typeof createProductOverviewService>;
