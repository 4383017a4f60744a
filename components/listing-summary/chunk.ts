// The page summary's chunk (utils/chunks/table.ts): the bar, the maths and the CSV, injected into
// the tab's content-script world once a listing's first tiles are known, so the storefront's light
// core carries none of it. The core (watch.ts) keeps the tiles and hands them over.
import { exportFileName } from '../../utils/content/csv';
import { ask } from '../../utils/content/messaging';
import { bidLadder, type SummaryPrefsValue, type SummaryTile, summarise } from '../../utils/listing-summary/summary';
import { adapterOf } from '../../utils/marketplaces';
import type { ListingRef } from '../../utils/marketplaces/adapter';
import type { Marketplace } from '../../utils/model';
import { createSummaryBar } from './bar';
import { summaryToCsv } from './csv';

/** WB's search page size: a slot's page. */
const SEARCH_PAGE_SIZE = 100;

export interface SummaryViewOptions {
  marketplace: Marketplace;
  listing: ListingRef;
  prefs: SummaryPrefsValue;
  /** The seller changed the bar (open or closed, an assumption): keep it. */
  save: (change: Partial<SummaryPrefsValue>) => void;
}

export function createSummaryView({ marketplace, listing, prefs, save }: SummaryViewOptions) {
  const { adsMarked, adBids } = adapterOf(marketplace);
  const withLadder = adBids && listing.type === 'search';
  let tiles: readonly SummaryTile[] = [];
  const bar = createSummaryBar(marketplace, withLadder, prefs, { onToggle: (open) => save({ open }), onExport, onAssumptions: save });

  function onExport() {
    const name = listing.type === 'search' ? listing.query : listing.key;
    const filename = exportFileName(`svodka ${name}`, new Date(), marketplace);
    // The background saves it: Chrome ignores an anchor's file name when a content script clicks it.
    ask('saveFile', { filename, mime: 'text/csv', text: summaryToCsv(summarise(tiles, adsMarked), tiles) }).catch((error: unknown) => {
      console.warn('[lupa] summary export failed:', error instanceof Error ? error.message : error);
      bar.problem('lupa-unavailable');
    });
  }

  return {
    host: bar.host,
    /** The tiles on the page that Lupa has figures for, in page order, and how many tiles the page shows. */
    draw(next: readonly SummaryTile[], onPage: number) {
      tiles = next;
      bar.update(summarise(tiles, adsMarked), onPage, withLadder ? bidLadder(tiles, SEARCH_PAGE_SIZE) : []);
    },
    problem: bar.problem,
    remove: bar.remove,
  };
}

export type SummaryView = ReturnType<typeof createSummaryView>;
export type SummaryChunk = { createSummaryView: typeof createSummaryView };
