// Search result pages, cached for ten minutes in the store: listing badges and position scans
// share them, and concurrent asks for one page make one request.
import { type LupaDb, schemas, validRow } from './db';
import type { RequestContext, WbClient } from './marketplaces/wb/client';
import type { ListingEntry } from './model';
import { singleFlight } from './net';

export const SEARCH_TTL = 10 * 60 * 1000;

export interface SearchPageAsk {
  query: string;
  page: number;
  sort?: string;
  /** Skip the cache (a position scan wants the marketplace's answer now); the result is still stored. */
  fresh?: boolean;
  /** The storefront tab that asks, when one does: its own route is tried first (not part of the key). */
  ctx?: RequestContext;
  /** Another region than the user's own (a position scan by region). */
  region?: number;
}

export function createSearchPages(deps: { db: LupaDb; wb: WbClient; now?: () => number }) {
  const now = deps.now ?? (() => Date.now());
  const flight = singleFlight<string, ListingEntry[]>();

  return async function searchPage({
    query,
    page,
    sort = 'popular',
    fresh = false,
    ctx = {},
    region: asked,
  }: SearchPageAsk): Promise<ListingEntry[]> {
    const region = asked ?? (await deps.wb.dest(ctx));
    const key = ['wb', query, sort, region, page] as const;
    if (!fresh) {
      const cached = validRow(schemas.searchPages, await deps.db.searchPages.get([...key]), 'searchPages');
      if (cached && now() - cached.fetchedAt < SEARCH_TTL) return cached.entries;
    }
    return flight(key.join('|') + (fresh ? '|fresh' : ''), async () => {
      const entries = await deps.wb.fetchSearchPage(query, page, sort, { ...ctx, dest: region });
      await deps.db.searchPages.put({ marketplace: 'wb', query, sort, region, page, fetchedAt: now(), entries });
      return entries;
    });
  };
}

export type SearchPages = ReturnType<typeof createSearchPages>;
