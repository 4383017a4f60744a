// The page summary's background side: the tiles' figures from the kernel (shared with the badges:
// the same cached search pages and card batches), and for each card Lupa has stock history on, its
// own sales estimate — an estimate from stock snapshots (utils/sales.ts), nothing more.

import { type LupaDb, readSeries } from '../db';
import type { ListingTilesSource } from '../listing-tiles';
import { adapterOf } from '../marketplaces';
import type { RequestContext } from '../marketplaces/wb/client';
import { estimateSales } from '../sales';
import { DAY_MS } from '../stats';
import type { SummaryTilesReply, SummaryTilesRequest } from './protocol';

/** The stock history a summary's estimate rests on, as the product panel's. */
export const SALES_DAYS = 60;

/** Orders a day per card from Lupa's stock snapshots, for the cards that have enough of them. */
export async function salesOf(db: LupaDb, marketplace: 'wb' | 'ozon', ids: readonly string[], at: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await db.transaction('r', db.stockMonths, async () => {
    for (const id of ids) {
      const rows = await readSeries(db, 'stockSnapshots', marketplace, id, at - SALES_DAYS * DAY_MS);
      if (rows.length < 2) continue;
      const estimate = estimateSales(rows);
      if (estimate) out.set(id, estimate.perDay);
    }
  });
  return out;
}

export function createSummaryService(deps: { db: LupaDb; tiles: ListingTilesSource; now?: () => number }) {
  const now = deps.now ?? (() => Date.now());
  return async function summaryTiles(request: SummaryTilesRequest, ctx: RequestContext = {}): Promise<SummaryTilesReply> {
    // The badges ask for the same tiles first: when that just failed, the summary says so without asking again.
    const { problem, tiles } = await deps.tiles({ ...request, shareProblem: true }, ctx);
    // Where the storefront shows no stock (Ozon), Lupa has no stock history to estimate from.
    const sales = adapterOf(request.marketplace).stockShown
      ? await salesOf(
          deps.db,
          request.marketplace,
          tiles.map((t) => t.id),
          now(),
        )
      : new Map<string, number>();
    return {
      state: problem?.kind ?? 'fresh',
      detail: problem?.detail ?? null,
      tiles: tiles.map((t) => ({
        id: t.id,
        name: t.name,
        brand: t.brand,
        seller: t.seller ?? null,
        displayed: t.displayed,
        position: t.position,
        ad: t.ad,
        priceNow: t.priceNow,
        rating: t.rating,
        reviewCount: t.reviewCount,
        ordersPerDay: sales.get(t.id) ?? null,
      })),
    };
  };
}
