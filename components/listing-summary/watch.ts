// The page summary's light core: on a listing page (search, category, brand, seller) it reads the
// tiles as they load, asks the background for the ones it has not seen (the same cached search
// pages and card batches the badges use: no requests of its own), and redraws one bar above the
// tiles. On WB search the bar also holds the bid ladder.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { exportFileName } from '../../utils/content/csv';
import { ask } from '../../utils/content/messaging';
import type { StorefrontFeature } from '../../utils/content/storefront';
import { later } from '../../utils/content/timer';
import { bidLadder, DEFAULT_SUMMARY_PREFS, type SummaryPrefsValue, type SummaryTile, summarise } from '../../utils/listing-summary/summary';
import type { ListingRef, MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import { createSummaryBar } from './bar';
import { summaryToCsv } from './csv';

const SCAN_DELAY_MS = 250;
const MAX_TILES_PER_ASK = 500;
/** WB's search page size: a slot's page. */
const SEARCH_PAGE_SIZE = 100;

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
  sync();
  ctx.addEventListener(window, 'wxt:locationchange', sync);
  const nav = (window as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav as unknown as Window, 'navigatesuccess' as 'load', sync);
  ctx.addEventListener(window, 'popstate', sync);
  ctx.onInvalidated(() => session?.stop());
}

function startSession(ctx: ContentScriptContext, adapter: MarketplaceAdapter, listing: ListingRef): () => void {
  const { marketplace } = adapter;
  const rows = new Map<string, SummaryTile>();
  const asked = new Set<string>();
  const withLadder = marketplace === 'wb' && listing.type === 'search';
  let prefs: SummaryPrefsValue = DEFAULT_SUMMARY_PREFS;
  let prefsRead = false;
  let bar: ReturnType<typeof createSummaryBar> | null = null;
  let stopped = false;
  let asking = false;
  let askAgain = false;
  let drawn = '';
  let cancelScan: (() => void) | undefined;
  let current: SummaryTile[] = [];

  const savePrefs = (change: Partial<SummaryPrefsValue>) => {
    prefs = { ...prefs, ...change };
    ask('setSummaryPrefs', change).catch(warn('summary settings'));
  };

  function exportCsv() {
    const name = listing.type === 'search' ? listing.query : listing.key;
    const filename = exportFileName(`svodka ${name}`, new Date(), marketplace);
    ask('saveFile', { filename, mime: 'text/csv', text: summaryToCsv(summarise(current), current) }).catch((error: unknown) => {
      warn('summary export')(error);
      bar?.problem('lupa-unavailable');
    });
  }

  /** The bar sits just before the tiles' own list, so it scrolls with the results. */
  function place(tiles: readonly Element[]) {
    const list = tiles[0]?.parentElement;
    const parent = list?.parentElement;
    if (!bar || !list || !parent) return;
    if (bar.host.parentElement !== parent || bar.host.nextElementSibling !== list) parent.insertBefore(bar.host, list);
  }

  function draw(tiles: readonly Element[]) {
    const started = performance.now();
    const ids = tiles.map((tile) => adapter.storefront.tileArticle(tile));
    const seen = new Set<string>();
    current = [];
    for (const id of ids) {
      const row = id && !seen.has(id) ? rows.get(id) : undefined;
      if (id) seen.add(id);
      if (row) current.push(row);
    }
    const signature = `${current.length}|${ids.length}|${current[0]?.id}|${current[current.length - 1]?.id}`;
    if (bar && current.length > 0) {
      place(tiles);
      if (signature !== drawn) {
        drawn = signature;
        bar.update(summarise(current), ids.length, withLadder ? bidLadder(current, SEARCH_PAGE_SIZE) : []);
      }
    }
    // Main-thread time spent on the summary, read by `npm run bench`.
    if (tiles.length > 0) performance.measure('lupa:summary-work', { start: started, end: performance.now() });
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
      if (!prefsRead) {
        prefsRead = true;
        prefs = await ask('getSummaryPrefs', {}).catch(() => DEFAULT_SUMMARY_PREFS);
      }
      for (let i = 0; i < fresh.length && !stopped; i += MAX_TILES_PER_ASK) {
        const chunk = fresh.slice(i, i + MAX_TILES_PER_ASK);
        const reply = await ask('getSummaryTiles', { marketplace, listing, tiles: chunk });
        if (stopped) return;
        bar ??= createSummaryBar(marketplace, withLadder, prefs, {
          onToggle: (open) => savePrefs({ open }),
          onExport: exportCsv,
          onAssumptions: savePrefs,
        });
        if (reply.state !== 'fresh') {
          bar.problem(reply.state);
          if (reply.detail) console.warn('[lupa] summary:', reply.detail);
        }
        for (const row of reply.tiles) rows.set(row.id, row);
      }
    } catch (error) {
      warn('listing summary')(error);
      bar?.problem('lupa-unavailable');
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
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  schedule();

  return () => {
    stopped = true;
    observer.disconnect();
    cancelScan?.();
    bar?.remove();
  };
}

/** The page summary as a storefront feature. */
export const listingSummaryCore: StorefrontFeature = (ctx, adapter) => watchListingSummary(ctx, adapter);
