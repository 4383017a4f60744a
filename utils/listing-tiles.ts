// What Lupa knows of the tiles of a listing page (search, category, brand, seller, a product page's
// carousel): each tile's place, ad, price, rating, reviews, stock, brand and seller. Kernel, because
// more than one feature reads the same tiles (listing badges, the page summary): they share the
// search pages (cached, single-flight), Ozon's listing page JSON and WB card batches, so two features
// asking for one page's tiles cost the marketplace one set of requests.
//
// WB: search pages answer for the tiles they cover (the pages the site itself loads); only tiles
// they do not cover cost detail requests, batched at the API's maximum. Ozon has no batch card API:
// a listing's own page JSON (through the tab's origin) gives every tile's price, rating and reviews;
// pages are read until every tile on screen is covered (Ozon's page size varies), at most ten.

import { observePrices, storeCards } from './card-store';
import { type LupaDb, readCards, schemas, validRow } from './db';
import type { ListingRef } from './marketplaces/adapter';
import type { OzonClient } from './marketplaces/ozon/client';
import { listingPageUrl } from './marketplaces/ozon/page';
import type { RequestContext, WbClient } from './marketplaces/wb/client';
import { SEARCH_PAGE_SIZE } from './marketplaces/wb/endpoints';
import type { ListingEntry, Marketplace, ProblemKind, ProductCard } from './model';
import { problemOf, singleFlight } from './net';
import { SEARCH_TTL, type SearchPages } from './search-pages';

/** Search pages Lupa will read for one listing: beyond that the site itself rarely scrolls. */
export const MAX_LISTING_PAGES = 10;
const CARD_TTL = 10 * 60 * 1000;
/** How long a listing that got nothing (blocked, 429, a changed format) answers a second feature with that. */
export const PROBLEM_SHARED_MS = 30_000;

export interface TileAsk {
  marketplace: Marketplace;
  listing: ListingRef;
  /** Articles and 0-based places among the page's tiles. */
  tiles: ReadonlyArray<{ id: string; index: number }>;
  /**
   * Take the answer of another feature's ask that failed moments ago rather than ask the marketplace
   * again (a second feature on the same page must not double the requests to a host that refuses).
   */
  shareProblem?: boolean;
}

export interface ListingTile extends ListingEntry {
  /** The organic place to show; null when the listing's own pages do not list the product (or on a carousel). */
  position: number | null;
  /** Whether the listing's own pages (search, Ozon listing JSON) gave it, rather than a card. */
  listed: boolean;
}

export interface ListingTiles {
  /** What went wrong, if anything; with `tiles` empty when nothing could be had. */
  problem: { kind: ProblemKind; detail: string } | null;
  /** In the order asked, the tiles Lupa has figures for. */
  tiles: ListingTile[];
}

export function createListingTiles(deps: { db: LupaDb; wb: WbClient; ozon?: OzonClient; searchPages: SearchPages; now?: () => number }) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  /** Card batches under way, per article: a second feature asking the same tiles waits for the first. */
  const cardsInFlight = new Map<string, Promise<ProductCard | null>>();
  const ozonPageFlight = singleFlight<string, ListingEntry[]>();
  /** A listing's last ask that got nothing, by listing: when, and why. */
  const failed = new Map<string, { at: number; problem: NonNullable<ListingTiles['problem']> }>();

  async function wbCards(ids: readonly string[], ctx: RequestContext): Promise<Map<string, ProductCard>> {
    const known = new Map<string, ProductCard>();
    const stored = await readCards(
      db,
      ids.map((id) => ({ marketplace: 'wb', id })),
    );
    for (const card of stored) if (card && now() - card.fetchedAt < CARD_TTL) known.set(card.id, card);
    // Taken now: a batch that ends while this one waits leaves the map.
    const waiting = ids.flatMap((id) => {
      const pending = known.has(id) ? undefined : cardsInFlight.get(id);
      return pending ? [[id, pending] as const] : [];
    });
    const missing = ids.filter((id) => !known.has(id) && !cardsInFlight.has(id));
    if (missing.length > 0) {
      const batch = (async () => {
        const fetched = [...(await deps.wb.fetchCards(missing.map(Number), ctx)).values()].filter((c): c is ProductCard => c !== null);
        await storeCards(db, fetched);
        return new Map(fetched.map((c) => [c.id, c]));
      })();
      batch.catch(() => undefined);
      for (const id of missing) {
        const one = batch.then((m) => m.get(id) ?? null);
        one.catch(() => undefined);
        cardsInFlight.set(id, one);
      }
      try {
        for (const [id, card] of await batch) known.set(id, card);
      } finally {
        for (const id of missing) cardsInFlight.delete(id);
      }
    }
    for (const [id, pending] of waiting) {
      const card = await pending.catch(() => null);
      if (card) known.set(id, card);
    }
    return known;
  }

  const fromCard = (card: ProductCard, index: number, position: number | null, stock: boolean): ListingTile => ({
    id: card.id,
    name: card.name,
    brand: card.brand,
    seller: card.seller ? { id: card.seller.id, name: card.seller.name } : null,
    position,
    displayed: index + 1,
    organic: index + 1,
    ad: null,
    priceNow: card.priceNow,
    rating: card.rating,
    reviewCount: card.reviewCount,
    stockTotal: stock ? card.stockTotal : null,
    listed: false,
  });

  async function wbTiles({ listing, tiles }: TileAsk, ctx: RequestContext): Promise<ListingTiles> {
    const fromSearch = new Map<string, ListingEntry>();
    let problem: ListingTiles['problem'] = null;
    if (listing.type === 'search') {
      const pages = [...new Set(tiles.map((t) => Math.floor(t.index / SEARCH_PAGE_SIZE) + 1))].filter((p) => p <= MAX_LISTING_PAGES);
      const results = await Promise.allSettled(
        pages.map((page) => deps.searchPages({ query: listing.query, page, sort: listing.sort, ctx })),
      );
      for (const result of results) {
        if (result.status === 'fulfilled') for (const entry of result.value) fromSearch.set(entry.id, entry);
        else problem ??= problemOf(result.reason);
      }
      if (problem) return { problem, tiles: [] };
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
      if (needCards.length > 0) cards = await wbCards(needCards, ctx);
    } catch (error) {
      problem = problemOf(error);
    }
    const out: ListingTile[] = [];
    for (const tile of tiles) {
      const entry = fromSearch.get(tile.id);
      const card = cards.get(tile.id);
      if (entry) out.push({ ...entry, position: entry.organic, listed: true });
      // On a search page a tile the search does not list has no known place, nor has a carousel's;
      // elsewhere it is its place on the page.
      else if (card)
        out.push(fromCard(card, tile.index, listing.type === 'search' || listing.type === 'carousel' ? null : tile.index + 1, true));
    }
    return { problem, tiles: out };
  }

  async function ozonPage(listing: ListingRef, n: number, ctx: RequestContext): Promise<ListingEntry[]> {
    const ozon = deps.ozon;
    if (!ozon) return [];
    const url = listingPageUrl(listing, n);
    const key = ['ozon', url, '', 0, n] as ['ozon', string, string, number, number];
    const cached = validRow(schemas.searchPages, await db.searchPages.get(key), 'searchPages');
    if (cached && now() - cached.fetchedAt < SEARCH_TTL) return cached.entries;
    return ozonPageFlight(`${url}|${n}`, async () => {
      const entries = await ozon.fetchListingPage(url, ctx);
      await db.searchPages.put({ marketplace: 'ozon', query: url, sort: '', region: 0, page: n, fetchedAt: now(), entries });
      return entries;
    });
  }

  async function ozonTiles({ listing, tiles }: TileAsk, ctx: RequestContext): Promise<ListingTiles> {
    const found = new Map<string, ListingEntry>();
    let offset = 0;
    try {
      // A carousel has no listing pages of its own: its tiles are what Lupa knows of them.
      for (let n = 1; listing.type !== 'carousel' && n <= MAX_LISTING_PAGES && tiles.some((t) => !found.has(t.id)); n++) {
        const entries = await ozonPage(listing, n, ctx);
        if (entries.length === 0) break;
        for (const [i, e] of entries.entries()) {
          const displayed = offset + i + 1;
          if (!found.has(e.id)) found.set(e.id, { ...e, displayed, organic: displayed });
        }
        offset += entries.length;
      }
    } catch (error) {
      if (found.size === 0) return { problem: problemOf(error), tiles: [] };
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
    const out: ListingTile[] = [];
    for (const tile of tiles) {
      const entry = found.get(tile.id);
      const card = byId.get(tile.id);
      if (entry) out.push({ ...entry, position: entry.displayed, listed: true });
      else if (card) out.push(fromCard(card, tile.index, null, false));
    }
    return { problem: null, tiles: out };
  }

  const sources: Record<Marketplace, (ask: TileAsk, ctx: RequestContext) => Promise<ListingTiles>> = { wb: wbTiles, ozon: ozonTiles };
  return async (ask: TileAsk, ctx: RequestContext = {}): Promise<ListingTiles> => {
    const key = `${ask.marketplace}|${JSON.stringify(ask.listing)}`;
    const last = failed.get(key);
    if (ask.shareProblem && last && now() - last.at < PROBLEM_SHARED_MS) return { problem: last.problem, tiles: [] };
    const result = await sources[ask.marketplace](ask, ctx);
    if (result.problem && result.tiles.length === 0) failed.set(key, { at: now(), problem: result.problem });
    else failed.delete(key);
    return result;
  };
}

export type ListingTilesSource = ReturnType<typeof createListingTiles>;
