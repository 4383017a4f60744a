// Badges for Ozon listings. Ozon has no batch card API: a listing's own page JSON (the pages the
// site itself loads, through the tab's origin) gives every tile's price, rating and reviews. Pages
// are read until every tile on screen is covered (Ozon's page size varies), at most ten.

import { observePrices } from '../card-store';
import { type LupaDb, readCards, schemas, validRow } from '../db';
import type { OzonClient } from '../marketplaces/ozon/client';
import { listingPageUrl } from '../marketplaces/ozon/page';
import type { RequestContext } from '../marketplaces/wb/client';
import type { ListingEntry } from '../model';
import { problemOf } from '../net';
import { SEARCH_TTL } from '../search-pages';
import type { ListingBadgesReply, ListingBadgesRequest } from './protocol';
import { priceTrends } from './wb';

const MAX_PAGES = 10;

export function createOzonListingService(deps: { db: LupaDb; ozon: OzonClient; now?: () => number }) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());

  async function page(listing: ListingBadgesRequest['listing'], n: number, ctx: RequestContext): Promise<ListingEntry[]> {
    const url = listingPageUrl(listing, n);
    const key = ['ozon', url, '', 0, n] as ['ozon', string, string, number, number];
    const cached = validRow(schemas.searchPages, await db.searchPages.get(key), 'searchPages');
    if (cached && now() - cached.fetchedAt < SEARCH_TTL) return cached.entries;
    const entries = await deps.ozon.fetchListingPage(url, ctx);
    await db.searchPages.put({ marketplace: 'ozon', query: url, sort: '', region: 0, page: n, fetchedAt: now(), entries });
    return entries;
  }

  return async function badges(request: ListingBadgesRequest, ctx: RequestContext = {}): Promise<ListingBadgesReply> {
    const { listing, tiles } = request;
    const found = new Map<string, ListingEntry>();
    let offset = 0;
    try {
      // A carousel has no listing pages of its own: its tiles are what Lupa knows of them.
      for (let n = 1; listing.type !== 'carousel' && n <= MAX_PAGES && tiles.some((t) => !found.has(t.id)); n++) {
        const entries = await page(listing, n, ctx);
        if (entries.length === 0) break;
        for (const [i, e] of entries.entries()) {
          const displayed = offset + i + 1;
          if (!found.has(e.id)) found.set(e.id, { ...e, displayed, organic: displayed });
        }
        offset += entries.length;
      }
    } catch (error) {
      if (found.size === 0) {
        const { kind, detail } = problemOf(error);
        return { state: kind, detail, badges: [] };
      }
    }
    const at = now();
    await observePrices(
      db,
      [...found.values()].flatMap((e) =>
        e.priceNow === null ? [] : [{ marketplace: 'ozon' as const, productId: e.id, at, price: e.priceNow }],
      ),
    );
    // Tiles the listing JSON did not cover: what Lupa knows of them from the panel, if anything.
    const missing = tiles.filter((t) => !found.has(t.id));
    const cards = await readCards(
      db,
      missing.map((t) => ({ marketplace: 'ozon', id: t.id })),
    );
    const byId = new Map(missing.map((t, i) => [t.id, cards[i]]));
    const badges: ListingBadgesReply['badges'] = [];
    for (const tile of tiles) {
      const entry = found.get(tile.id);
      const card = byId.get(tile.id);
      if (entry) badges.push({ ...entry, position: entry.displayed, trendPct: null });
      else if (card)
        badges.push({
          id: card.id,
          name: card.name,
          brand: card.brand,
          displayed: tile.index + 1,
          organic: tile.index + 1,
          ad: null,
          position: null,
          priceNow: card.priceNow,
          rating: card.rating,
          reviewCount: card.reviewCount,
          stockTotal: null,
          trendPct: null,
        });
    }
    const trend = await priceTrends(
      db,
      'ozon',
      at,
      new Map(badges.flatMap((b) => (b.priceNow === null ? [] : [[b.id, b.priceNow] as const]))),
    );
    for (const badge of badges) badge.trendPct = trend.get(badge.id) ?? null;
    return { state: 'fresh', detail: null, badges };
  };
}
