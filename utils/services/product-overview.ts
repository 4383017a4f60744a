// The product overview a panel shows: cache first, then the marketplace; every fetch is stored
// (latest card, price points, stock snapshots, review summaries) and the reply is assembled from
// the store, so what the user sees is what Lupa keeps.
import { kvGet, kvSet, type LupaDb, schemas, TimestampSchema, validRow, validRows } from '../db';
import type { RequestContext, WbClient } from '../marketplaces/wb/client';
import type { ProductOverview, ProductOverviewRequest } from '../messages';
import type { PricePoint, ProblemKind, ProductCard, ReviewSummary } from '../model';
import { FetchProblem, singleFlight } from '../net';
import { DAY_MS, mergeSeries, priceStats } from '../stats';
import { storeCards } from './card-store';

export const TTL = {
  /** A card younger than this is shown as fresh without asking the marketplace. */
  card: 10 * 60 * 1000,
  /** A 'refresh' ask within this of the last fetch is answered from the store (five tabs, one request). */
  refreshDebounce: 30 * 1000,
  /** WB's published history is weekly. */
  priceHistory: 12 * 60 * 60 * 1000,
  reviews: 30 * 60 * 1000,
} as const;

/** How much history a panel's chart gets. */
const CHART_DAYS = 365;

export interface OverviewDeps {
  db: LupaDb;
  wb: WbClient;
  windowDays: () => Promise<number>;
  now?: () => number;
}

const withoutMarketplace = ({ marketplace: _m, ...rest }: ReviewSummary) => rest;

const problemOf = (error: unknown): { kind: ProblemKind; detail: string } =>
  error instanceof FetchProblem
    ? { kind: error.kind, detail: error.message }
    : { kind: 'server', detail: error instanceof Error ? error.message : String(error) };

export function createProductOverviewService(deps: OverviewDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const flight = singleFlight<string, ProductOverview>();

  async function latestCard(id: string): Promise<ProductCard | undefined> {
    return validRow(schemas.cards, await db.cards.get(['wb', id]), 'cards');
  }

  async function refreshHistory(nmId: number): Promise<ProblemKind | null> {
    const key = `fetched:price-history:wb:${nmId}`;
    const last = await kvGet(db, key, TimestampSchema);
    if (last !== undefined && now() - last < TTL.priceHistory) return null;
    try {
      const points = await deps.wb.fetchPriceHistory(nmId);
      await db.transaction('rw', [db.pricePoints, db.kv], async () => {
        await db.pricePoints.bulkPut(points);
        await kvSet(db, key, now());
      });
      return null;
    } catch (error) {
      return problemOf(error).kind;
    }
  }

  async function latestReviews(rootId: string): Promise<ReviewSummary | undefined> {
    const row = await db.reviewSummaries
      .where('[marketplace+rootId+at]')
      .between(['wb', rootId, 0], ['wb', rootId, Number.MAX_SAFE_INTEGER])
      .last();
    return validRow(schemas.reviewSummaries, row, 'reviewSummaries');
  }

  async function refreshReviews(card: ProductCard): Promise<ProblemKind | null> {
    // A card without reviews needs no request: the detail already says there are none.
    if (!card.rootId || card.reviewCount === 0) return null;
    const latest = await latestReviews(card.rootId);
    if (latest && now() - latest.at < TTL.reviews) return null;
    try {
      await db.reviewSummaries.put(await deps.wb.fetchReviewSummary(Number(card.rootId)));
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
      };
    }
    const at = now();
    const points = mergeSeries(
      validRows(
        schemas.pricePoints,
        await db.pricePoints
          .where('[marketplace+productId+at]')
          .between(['wb', card.id, at - CHART_DAYS * DAY_MS], ['wb', card.id, Number.MAX_SAFE_INTEGER])
          .toArray(),
        'pricePoints',
      ),
    );
    const summary = card.rootId && card.reviewCount > 0 ? await latestReviews(card.rootId) : undefined;
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
    };
  }

  async function refresh(id: string, ctx: RequestContext): Promise<ProductOverview> {
    const nmId = Number(id);
    const history = refreshHistory(nmId); // needs only the article: runs beside the detail request
    let card: ProductCard | null;
    try {
      card = (await deps.wb.fetchCards([nmId], ctx)).get(nmId) ?? null;
    } catch (error) {
      await history;
      const { kind, detail } = problemOf(error);
      return assemble(await latestCard(id), kind, detail);
    }
    if (!card) {
      await history;
      return assemble(undefined, 'not-found', `article ${id} is not in the detail response`);
    }
    await storeCards(db, [card]);
    const [historyProblem, reviewsProblem] = await Promise.all([history, refreshReviews(card)]);
    return assemble(card, 'fresh', null, { history: historyProblem, reviews: reviewsProblem });
  }

  return {
    async get(request: ProductOverviewRequest, ctx: RequestContext = {}): Promise<ProductOverview> {
      if (request.marketplace !== 'wb') return assemble(undefined, 'not-found', 'only Wildberries so far');
      // A refresh under way has stored the card but not yet the rest: join it, never answer half.
      const underWay = flight.pending(`wb:${request.id}`);
      if (underWay) return underWay;
      const cached = await latestCard(request.id);
      const age = cached ? now() - cached.fetchedAt : Number.POSITIVE_INFINITY;
      if (cached && request.mode === 'cached') return assemble(cached, age < TTL.card ? 'fresh' : 'stale', null);
      if (cached && age < TTL.refreshDebounce) return assemble(cached, 'fresh', null);
      return flight(`wb:${request.id}`, () => refresh(request.id, ctx));
    },
  };
}

export type ProductOverviewService = ReturnType<typeof createProductOverviewService>;
