// Badges for the tiles of a listing: where each product stands, whether it pays for it, and what
// its figures are. The tiles' figures come from the kernel (utils/listing-tiles.ts, shared with the
// page summary); what is the badges' own is the price trend against Lupa's history.

import { type LupaDb, readSeries } from '../db';
import { createListingTiles, type ListingTilesSource } from '../listing-tiles';
import type { RequestContext, WbClient } from '../marketplaces/wb/client';
import type { Marketplace } from '../model';
import type { SearchPages } from '../search-pages';
import { DAY_MS, median } from '../stats';
import type { ListingBadgesReply, ListingBadgesRequest } from './protocol';

export const TREND_DAYS = 30;

/** Price now against the median of the last 30 days of Lupa's own history, in percent. */
export async function priceTrends(
  db: LupaDb,
  marketplace: Marketplace,
  at: number,
  prices: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const from = at - TREND_DAYS * DAY_MS;
  const out = new Map<string, number>();
  await db.transaction('r', db.priceMonths, async () => {
    for (const [id, price] of prices) {
      const points = await readSeries(db, 'pricePoints', marketplace, id, from, at + 1);
      // A trend needs history: at least one point older than a day.
      if (!points.some((p) => p.at < at - DAY_MS)) continue;
      const mid = median(points.map((p) => p.price)) as number;
      if (mid > 0) out.set(id, Math.round(((price - mid) / mid) * 1000) / 10);
    }
  });
  return out;
}

/** The badges of the tiles the kernel has figures for, each with its price trend. */
export async function badgesOf(
  db: LupaDb,
  tilesSource: ListingTilesSource,
  request: ListingBadgesRequest,
  ctx: RequestContext,
  now: () => number,
): Promise<ListingBadgesReply> {
  const { problem, tiles } = await tilesSource(request, ctx);
  const badges: ListingBadgesReply['badges'] = tiles.map(({ listed: _listed, ...tile }) => ({ ...tile, trendPct: null }));
  const trend = await priceTrends(
    db,
    request.marketplace,
    now(),
    new Map(badges.flatMap((b) => (b.priceNow === null ? [] : [[b.id, b.priceNow] as const]))),
  );
  for (const badge of badges) badge.trendPct = trend.get(badge.id) ?? null;
  return { state: problem?.kind ?? 'fresh', detail: problem?.detail ?? null, badges };
}

export function createListingBadgesService(deps: {
  db: LupaDb;
  wb: WbClient;
  searchPages: SearchPages;
  tiles?: ListingTilesSource;
  now?: () => number;
}) {
  const now = deps.now ?? (() => Date.now());
  const tiles = deps.tiles ?? createListingTiles({ ...deps, now });
  return {
    badges: (request: ListingBadgesRequest, ctx: RequestContext = {}): Promise<ListingBadgesReply> =>
      badgesOf(deps.db, tiles, { ...request, marketplace: 'wb' }, ctx, now),
  };
}
