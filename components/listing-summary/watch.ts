// The page summary's light core: on a listing page (search, category, brand, seller) it reads the
// tiles as they load, asks the background for the ones it has not seen (the same cached search
// pages and card batches the badges use: no requests of its own), and hands them to the bar. The
// bar, the maths and the CSV are the summary chunk (chunk.ts), injected once the first tiles'
// figures are in: this core stays a few hundred bytes on every marketplace page.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadChunk } from '../../utils/chunks/load';
import { onlyLupaAdded } from '../../utils/content/dom';
import { moveKeepingFocus } from '../../utils/content/keep-focus';
import { ask } from '../../utils/content/messaging';
import { followNavigation } from '../../utils/content/navigation';
import type { StorefrontFeature } from '../../utils/content/storefront';
import { later } from '../../utils/content/timer';
import { DEFAULT_SUMMARY_PREFS, type SummaryTile } from '../../utils/listing-summary/summary';
import type { ListingRef, MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import type { SummaryChunk, SummaryView } from './chunk';

const SCAN_DELAY_MS = 250;
const MAX_TILES_PER_ASK = 500;

const warn = (what: string) => (error: unknown) => console.warn(`[lupa] ${what}:`, error instanceof Error ? error.message : error);

export function watchListingSummary(ctx: ContentScriptContext, adapter: MarketplaceAdapter): void {
  let session: { key: string; stop: () => void } | null = null;
  const sync = () => {
    const found = adapter.storefront.listing(location.href);
    // A product page's carousels are not a listing of their own.
    const listing = found && found.type !== 'carousel' ? found : null;
    const key = listing ? JSON.stringify(listing) : null;
    if (session && session.key === key) return;
    session?.stop();
    session = listing && key ? { key, stop: startSession(ctx, adapter, listing) } : null;
  };
  followNavigation(ctx, sync);
  ctx.onInvalidated(() => session?.stop());
}

function startSession(ctx: ContentScriptContext, adapter: MarketplaceAdapter, listing: ListingRef): () => void {
  const { marketplace } = adapter;
  const rows = new Map<string, SummaryTile>();
  const asked = new Set<string>();
  let view: SummaryView | null = null;
  let viewLoading = false;
  let problem: string | null = null;
  let stopped = false;
  let asking = false;
  let askAgain = false;
  let drawn = '';
  let cancelScan: (() => void) | undefined;

  /** The bar comes from the summary chunk, fetched once the first tiles' figures are in. */
  async function openView() {
    if (viewLoading) return;
    viewLoading = true;
    try {
      const [chunk, prefs] = await Promise.all([
        loadChunk<SummaryChunk>('summary'),
        ask('getSummaryPrefs', {}).catch(() => DEFAULT_SUMMARY_PREFS),
      ]);
      if (stopped) return;
      view = chunk.createSummaryView({
        marketplace,
        listing,
        prefs,
        save: (change) => void ask('setSummaryPrefs', change).catch(warn('summary settings')),
      });
      if (problem) view.problem(problem);
      draw(adapter.storefront.tiles(document));
    } catch (error) {
      warn('listing summary chunk')(error);
      viewLoading = false;
    }
  }

  /** The bar sits just before the tiles' own list, so it scrolls with the results. */
  function place(host: Element, tiles: readonly Element[]) {
    const list = tiles[0]?.parentElement;
    const parent = list?.parentElement;
    if (!list || !parent) return;
    if (host.parentElement !== parent || host.nextElementSibling !== list) moveKeepingFocus(host, () => parent.insertBefore(host, list));
  }

  function draw(tiles: readonly Element[]) {
    if (!view || tiles.length === 0) return;
    const started = performance.now();
    const seen = new Set<string>();
    const current: SummaryTile[] = [];
    for (const tile of tiles) {
      const id = adapter.storefront.tileArticle(tile);
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const row = rows.get(id);
      if (row) current.push(row);
    }
    place(view.host, tiles);
    const signature = `${current.length}|${tiles.length}|${current[0]?.id}|${current[current.length - 1]?.id}`;
    if (current.length > 0 && signature !== drawn) {
      drawn = signature;
      view.draw(current, tiles.length);
    }
    // Main-thread time spent on the summary, read by `npm run bench`.
    performance.measure('lupa:summary-work', { start: started, end: performance.now() });
  }

  async function scan() {
    if (stopped) return;
    if (asking) {
      askAgain = true;
      return;
    }
    const tiles = adapter.storefront.tiles(document);
    const fresh: Array<{ id: string; index: number }> = [];
    tiles.forEach((tile, index) => {
      const id = adapter.storefront.tileArticle(tile);
      if (id && !asked.has(id)) {
        asked.add(id);
        fresh.push({ id, index });
      }
    });
    draw(tiles);
    if (fresh.length === 0) return;
    asking = true;
    try {
      for (let i = 0; i < fresh.length && !stopped; i += MAX_TILES_PER_ASK) {
        const chunk = fresh.slice(i, i + MAX_TILES_PER_ASK);
        const reply = await ask('getSummaryTiles', { marketplace, listing, tiles: chunk });
        if (stopped) return;
        if (reply.state !== 'fresh') {
          problem = reply.state;
          view?.problem(problem);
          if (reply.detail) console.warn('[lupa] summary:', reply.detail);
        }
        for (const row of reply.tiles) rows.set(row.id, row);
        if (!view) void openView();
      }
    } catch (error) {
      warn('listing summary')(error);
      problem = 'lupa-unavailable';
      view?.problem(problem);
      for (const { id } of fresh) asked.delete(id);
    } finally {
      asking = false;
      if (!stopped) draw(adapter.storefront.tiles(document));
      if (askAgain) {
        askAgain = false;
        schedule();
      }
    }
  }

  const schedule = () => {
    cancelScan?.();
    cancelScan = later(ctx, SCAN_DELAY_MS, () => void scan());
  };
  const observer = new MutationObserver((records) => {
    if (!onlyLupaAdded(records)) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  schedule();

  return () => {
    stopped = true;
    observer.disconnect();
    cancelScan?.();
    view?.remove();
  };
}

/** The page summary as a storefront feature. */
export const listingSummaryCore: StorefrontFeature = (ctx, adapter) => watchListingSummary(ctx, adapter);
