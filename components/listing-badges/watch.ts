// Listing badges on a storefront page: tiles arrive by infinite scroll and client-side
// navigation; each is badged once, new tiles are asked for in one batch, and whatever goes wrong
// is said once, in the status chip — never per tile, never by touching the page's own content.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { h, onlyLupaAdded } from '../../utils/content/dom';
import { stateMessage, t } from '../../utils/content/i18n';
import { ask } from '../../utils/content/messaging';
import { followNavigation } from '../../utils/content/navigation';
import type { StorefrontFeature } from '../../utils/content/storefront';
import { later } from '../../utils/content/timer';
import { setFigure } from '../../utils/figures';
import type { ListingBadgesRequest } from '../../utils/listing-badges/protocol';
import type { Marketplace, PanelState } from '../../utils/model';
import { badgesToCsv, exportFileName } from './csv';
import { type Badge, renderBadge, shadowHost } from './dom';

export interface ListingBadgeOptions {
  marketplace: Marketplace;
  /** The listing this URL shows, or null when it is not a listing page. */
  listing: (href: string) => ListingBadgesRequest['listing'] | null;
  /** The page's product tiles in page order (selectors live in the marketplace's selectors.ts). */
  tiles: () => Element[];
  /** The article a tile shows, or null. */
  article: (tile: Element) => string | null;
  /** Where in a tile the badge goes (the adapter's `badgeSlot`). */
  badgeSlot: (tile: Element) => { parent: Element; before: Node | null };
  /** How long a listing may show no tiles before the chip says the markup changed. */
  noTilesAfterMs?: number;
}

const BATCH_DELAY_MS = 60;
const MAX_TILES_PER_ASK = 500;

interface Session {
  key: string;
  /** Removes everything the session added; returns the tiles it had seen, with their articles. */
  stop: () => WeakMap<Element, string>;
}

export function watchListingBadges(ctx: ContentScriptContext, options: ListingBadgeOptions): void {
  let session: Session | null = null;
  const sync = () => {
    const listing = options.listing(location.href);
    const key = listing ? JSON.stringify(listing) : null;
    if (session && session.key === key) return;
    // The site swaps tiles some time after the URL changes: the old listing's tiles are not this one's.
    const stale = session?.stop() ?? new WeakMap<Element, string>();
    session = listing && key ? startSession(ctx, listing, key, options, stale) : null;
  };
  followNavigation(ctx, sync);
  ctx.onInvalidated(() => session?.stop());
}

function startSession(
  ctx: ContentScriptContext,
  listing: ListingBadgesRequest['listing'],
  key: string,
  options: ListingBadgeOptions,
  stale: WeakMap<Element, string>,
): Session {
  /** Tile → the article it was badged (or asked) for, and our badge element in it. */
  const done = new WeakMap<Element, { id: string; host: Element | null }>();
  const badges = new Map<string, Badge>();
  const hosts = new Set<Element>();
  // A product page's carousels may be absent or come late: there the chip waits for a tile, and
  // no tiles is no news (not "the markup changed").
  const quiet = listing.type === 'carousel';
  let shownChip: Chip | null = null;
  const chip = () => {
    shownChip ??= createChip(
      options.marketplace,
      () => exportCsv(),
      () => retry(),
    );
    return shownChip;
  };
  const count = (tiles: readonly Element[]) => {
    if (!quiet || shownChip || tiles.length > 0) chip().count(badgedNow(tiles), tiles.length);
  };
  if (!quiet) chip();
  let stopped = false;
  let asking = false;
  let askAgain = false;
  let cancelScan: (() => void) | undefined;

  const place = (tile: Element, badge: Badge) => {
    const host = renderBadge(badge);
    const slot = options.badgeSlot(tile);
    slot.parent.insertBefore(host, slot.before);
    hosts.add(host);
    done.set(tile, { id: badge.id, host });
  };

  async function scan() {
    if (stopped) return;
    if (asking) {
      askAgain = true;
      return;
    }
    const started = performance.now();
    const tiles = options.tiles();
    const fresh: Array<{ tile: Element; id: string; index: number }> = [];
    tiles.forEach((tile, index) => {
      const id = options.article(tile);
      if (!id || stale.get(tile) === id) return;
      const seen = done.get(tile);
      if (seen?.id === id && (seen.host === null || seen.host.isConnected)) return;
      const known = badges.get(id);
      // The page re-rendered a tile we had badged: put the badge back without asking again.
      if (known && seen?.id === id) place(tile, known);
      else fresh.push({ tile, id, index });
    });
    count(tiles);
    // Main-thread time spent on badges, read by `npm run bench` (none without tiles: a product page
    // with no carousel would only pile up timeline entries).
    if (tiles.length > 0) performance.measure('lupa:badge-work', { start: started, end: performance.now() });
    if (fresh.length === 0) return;
    for (const f of fresh) done.set(f.tile, { id: f.id, host: null });
    asking = true;
    try {
      for (let i = 0; i < fresh.length; i += MAX_TILES_PER_ASK) {
        const chunk = fresh.slice(i, i + MAX_TILES_PER_ASK);
        const reply = await ask('getListingBadges', {
          marketplace: options.marketplace,
          listing,
          tiles: chunk.map(({ id, index }) => ({ id, index })),
        });
        if (stopped) return;
        if (reply.state !== 'fresh') {
          chip().problem(reply.state);
          if (reply.detail) console.warn('[lupa] listing:', reply.detail);
        }
        const placing = performance.now();
        const byId = new Map(reply.badges.map((b) => [b.id, b]));
        for (const { tile, id } of chunk) {
          const badge = byId.get(id);
          if (!badge) continue;
          badges.set(id, badge);
          place(tile, badge);
        }
        performance.measure('lupa:badge-work', { start: placing, end: performance.now() });
      }
    } catch (error) {
      console.warn('[lupa] listing badges failed:', error instanceof Error ? error.message : error);
      chip().problem('lupa-unavailable');
      for (const f of fresh) done.delete(f.tile);
    } finally {
      asking = false;
      count(options.tiles());
      if (askAgain) {
        askAgain = false;
        schedule();
      }
    }
  }

  /** Tiles on the page now that carry our badge (not every badge this session ever made). */
  const badgedNow = (tiles: readonly Element[]) => tiles.filter((tile) => done.get(tile)?.host?.isConnected).length;
  const seen = new WeakMap<Element, string>();

  const schedule = () => {
    cancelScan?.();
    cancelScan = later(ctx, BATCH_DELAY_MS, () => void scan());
  };

  function retry() {
    chip().problem(null);
    for (const tile of options.tiles()) if (!done.get(tile)?.host) done.delete(tile);
    schedule();
  }

  function exportCsv() {
    const rows = options
      .tiles()
      .map((tile) => badges.get(options.article(tile) ?? ''))
      .filter((b): b is Badge => b !== undefined);
    const name = listing.type === 'search' ? listing.query : listing.key;
    const filename = exportFileName(name, new Date(), options.marketplace);
    // The background saves it: Chrome ignores an anchor's file name when a content script clicks it.
    ask('saveFile', { filename, mime: 'text/csv', text: badgesToCsv(rows) }).catch((error: unknown) => {
      console.warn('[lupa] export failed:', error instanceof Error ? error.message : error);
      chip().problem('lupa-unavailable');
    });
  }

  const observer = new MutationObserver((records) => {
    if (!onlyLupaAdded(records)) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // Tiles that never come mean the markup changed: say so once.
  const cancelNoTiles = later(ctx, options.noTilesAfterMs ?? 6_000, () => {
    if (!stopped && !quiet && options.tiles().length === 0) chip().problem('no-tiles');
  });
  schedule();

  return {
    key,
    stop() {
      stopped = true;
      observer.disconnect();
      cancelScan?.();
      cancelNoTiles();
      for (const host of hosts) host.remove();
      shownChip?.remove();
      for (const tile of options.tiles()) {
        const id = options.article(tile);
        if (id) seen.set(tile, id);
      }
      return seen;
    },
  };
}

type ChipProblem = PanelState | 'lupa-unavailable' | 'no-tiles';
type Chip = ReturnType<typeof createChip>;

/** The one place a listing's state is told: counts, problems, retry and export. */
function createChip(marketplace: Marketplace, onExport: () => void, onRetry: () => void) {
  const { host, root } = shadowHost('lupa-listing-status');
  setFigure(host, 'listing-status', 'loading');
  const text = setFigure(h('span'), 'listing-count');
  const problemText = h('span', { className: 'problem' });
  const retryButton = h('button', { type: 'button', hidden: true }, t('retry'));
  retryButton.addEventListener('click', onRetry);
  const exportButton = setFigure(h('button', { type: 'button', title: t('exportCsv') }, 'CSV'), 'listing-export');
  exportButton.addEventListener('click', onExport);
  root.append(h('div', { className: 'chip' }, h('span', { className: 'logo' }, 'Lupa'), text, problemText, retryButton, exportButton));
  document.body.appendChild(host);
  let problem: ChipProblem | null = null;

  return {
    count(badged: number, tiles: number) {
      text.setAttribute('data-value', String(badged));
      text.textContent = t('listingCount', badged, tiles);
      if (!problem) host.setAttribute('data-value', 'fresh');
    },
    problem(kind: ChipProblem | null) {
      problem = kind;
      host.setAttribute('data-value', kind ?? 'fresh');
      problemText.textContent = kind === null ? '' : kind === 'no-tiles' ? t('listingNoTiles') : stateMessage(kind, marketplace);
      retryButton.hidden = kind === null || kind === 'no-tiles';
    },
    remove: () => host.remove(),
  };
}

/** Listing badges as a storefront feature: the adapter finds the listing, its tiles and their articles. */
export const listingBadgesCore: StorefrontFeature = (ctx, adapter) =>
  watchListingBadges(ctx, {
    marketplace: adapter.marketplace,
    listing: adapter.storefront.listing,
    tiles: () => adapter.storefront.tiles(document),
    article: adapter.storefront.tileArticle,
    badgeSlot: adapter.storefront.badgeSlot,
  });
