// Badges for the tiles of a listing: where each product stands, whether it pays for it, and what
// its figures are. Search pages answer for the tiles they cover (the same pages the site loads);
// only tiles they do not cover cost detail requests, batched at the API's maximum.

import { observePrices, storeCards } from '../card-store';
import { type LupaDb, readCards, schemas, seriesOf, validRows } from '../db';
import type { RequestContext, WbClient } from '../marketplaces/wb/client';
import { SEARCH_PAGE_SIZE } from '../marketplaces/wb/endpoints';
import type { ListingEntry, Marketplace, ProblemKind, ProductCard } from '../model';
import { problemOf } from '../net';
import type { SearchPages } from '../search-pages';
import { DAY_MS, median } from '../stats';
import type { ListingBadgesReply, ListingBadgesRequest } from './protocol';

export const TREND_DAYS = 30;
/** Search pages Lupa will read for one listing: beyond that the site itself rarely scrolls. */
const MAX_SEARCH_PAGES = 10;
const CARD_TTL = 10 * 60 * 1000;

type Badge = ListingBadgesReply['badges'][number];

/** Price now against the median of the last 30 days of Lupa's own history, in percent. */
export async function priceTrends(
  db: LupaDb,
  marketplace: Marketplace,
  at: number,
  prices: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const from = at - TREND_DAYS * DAY_MS;
  const out = new Map<string, number>();
  await db.transaction('r', db.pricePoints, async () => {
    for (const [id, price] of prices) {
      const points = validRows(schemas.pricePoints, await seriesOf(db.pricePoints, marketplace, id, from, at + 1).toArray(), 'pricePoints');
      // A trend needs history: at least one point older than a day.
      if (!points.some((p) => p.at < at - DAY_MS)) continue;
      const mid = median(points.map((p) => p.price)) as number;
      if (mid > 0) out.set(id, Math.round(((price - mid) / mid) * 1000) / 10);
    }
  });
  return out;
}

export function createListingBadgesService(deps: { db: LupaDb; wb: WbClient; searchPages: SearchPages; now?: () => number }) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());

  async function cardsFor(ids: readonly string[], ctx: RequestContext): Promise<Map<string, ProductCard>> {
    const known = new Map<string, ProductCard>();
    const stored = await readCards(
      db,
      ids.map((id) => ({ marketplace: 'wb', id })),
    );
    for (const card of stored) if (card && now() - card.fetchedAt < CARD_TTL) known.set(card.id, card);
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const fetched = [...(await deps.wb.fetchCards(missing.map(Number), ctx)).values()].filter((c): c is ProductCard => c !== null);
      await storeCards(db, fetched);
      for (const card of fetched) known.set(card.id, card);
    }
    return known;
  }

  return {
    async badges(request: ListingBadgesRequest, ctx: RequestContext = {}): Promise<ListingBadgesReply> {
      const { listing, tiles } = request;
      const fromSearch = new Map<string, ListingEntry>();
      let problem: { kind: ProblemKind; detail: string } | null = null;

      if (listing.type === 'search') {
        const pages = [...new Set(tiles.map((t) => Math.floor(t.index / SEARCH_PAGE_SIZE) + 1))].filter((p) => p <= MAX_SEARCH_PAGES);
        const results = await Promise.allSettled(
          pages.map((page) => deps.searchPages({ query: listing.query, page, sort: listing.sort, ctx })),
        );
        for (const result of results) {
          if (result.status === 'fulfilled') for (const entry of result.value) fromSearch.set(entry.id, entry);
          else problem ??= problemOf(result.reason);
        }
        if (problem) return { state: problem.kind, detail: problem.detail, badges: [] };
        await observePrices(
          db,
          [...fromSearch.values()].flatMap((e) =>
            e.priceNow === null ? [] : [{ marketplace: 'wb' as const, productId: e.id, at: now(), price: e.priceNow }],
          ),
        );
      }

      const needCards = tiles.filter((t) => !fromSearch.has(t.id)).map((t) => t.id);
      let cards = new Map<string, ProductCard>();
      try {
        if (needCards.length > 0) cards = await cardsFor(needCards, ctx);
      } catch (error) {
        problem = problemOf(error);
      }

      const badges: Badge[] = [];
      for (const tile of tiles) {
        const entry = fromSearch.get(tile.id);
        const card = cards.get(tile.id);
        if (entry) {
          badges.push({ ...entry, position: entry.organic, trendPct: null });
        } else if (card) {
          badges.push({
            id: card.id,
            name: card.name,
            brand: card.brand,
            // On a search page a tile the search does not list has no known place, nor has a carousel's;
            // elsewhere it is its place on the page.
            position: listing.type === 'search' || listing.type === 'carousel' ? null : tile.index + 1,
            displayed: tile.index + 1,
            organic: tile.index + 1,
            ad: null,
            priceNow: card.priceNow,
            rating: card.rating,
            reviewCount: card.reviewCount,
            stockTotal: card.stockTotal,
            trendPct: null,
          });
        }
      }
      const trend = await priceTrends(
        db,
        'wb',
        now(),
        new Map(badges.flatMap((b) => (b.priceNow === null ? [] : [[b.id, b.priceNow] as const]))),
      );
      for (const badge of badges) badge.trendPct = trend.get(badge.id) ?? null;
      return { state: problem?.kind ?? 'fresh', detail: problem?.detail ?? null, badges };
    },
  };
}
