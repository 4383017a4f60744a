// The watchlist: products the user follows (their own and competitors'), refreshed in the
// background on an alarm. A refresh walks a stored cursor — WB in batches of the detail API's
// maximum, a few at once within the host's gate, Ozon one page at a time — so a worker stopped
// midway resumes where it left off. Tasks are one per product and condition while open: a refresh
// that sees the condition again updates the open task (or, for a lasting condition the user marked
// done, leaves it), and a condition that clears by itself closes its task.
// What the popup reads is kept on the rows when data changes (sales per day, not found since,
// the price at the user's last look), so opening it is one read and, mostly, no write.

import Dexie from 'dexie';
import { storeCards } from '../card-store';
import { diffCards } from '../changes';
import { kvItem, type LupaDb, readCards, readSeries, schemas, validRow, validRows } from '../db';
import type { RequestContext } from '../marketplaces/wb/client';
import { type Marketplace, type ProblemKind, type ProductCard, type ProductRef, type WatchEvent, WatchEventSchema } from '../model';
import { problemOf } from '../net';
import type { OverviewSource } from '../product-overview';
import { estimateSales } from '../sales';
import type { Settings } from '../settings';
import { DAY_MS } from '../stats';
import { type RefreshCursor, type WatchRow, watchlistKv } from './tables';

/** A task when the stock lasts fewer days than this at the estimated pace. */
const STOCK_DAYS_WARNING = 7;
/** Detail batches (and review reads) under way at once; each host's gate in utils/net.ts caps it too. */
const CONCURRENT_BATCHES = 4;
/** Open tasks the popup gets per kind (it shows a few of each with the kind's count). */
export const TASKS_PER_KIND = 20;
const TASK_KINDS = WatchEventSchema.shape.kind.options;
/** Conditions that last: a task marked done stays done until the condition clears. */
const LASTING: ReadonlyArray<WatchEvent['kind']> = ['stock-low'];
/** A task of one kind closes the open task of the other (back in stock ends "out of stock"). */
const ENDS: Partial<Record<WatchEvent['kind'], WatchEvent['kind']>> = { 'back-in-stock': 'out-of-stock', 'out-of-stock': 'back-in-stock' };

const refreshCursor = kvItem(watchlistKv.refreshCursor);
export const lastRefresh = kvItem(watchlistKv.lastRefresh);
const lookedAt = kvItem(watchlistKv.lookedAt);

const keyOf = (marketplace: Marketplace, id: string) => `${marketplace}:${id}`;
const parseKey = (key: string) => {
  const [marketplace, id] = key.split(':') as [Marketplace, string];
  return { marketplace, id };
};
const conditionOf = (e: Pick<WatchEvent, 'marketplace' | 'id' | 'kind'>) => `${e.marketplace}:${e.id}:${e.kind}`;

/** Runs `work` on each item with at most `limit` under way; stops taking new ones once `stop()`. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stop: () => boolean = () => false) {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stop()) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** What changed between two looks at a card, by the user's thresholds. */
export function eventsBetween(
  before: ProductCard,
  after: ProductCard,
  settings: Pick<Settings, 'priceMovePct' | 'ratingDrop'>,
): WatchEvent[] {
  const base = { marketplace: after.marketplace, id: after.id, name: after.name, at: after.fetchedAt, read: 0 as const };
  const out: WatchEvent[] = [];
  const make = (kind: WatchEvent['kind'], from: number | null, to: number | null) =>
    out.push({ ...base, key: `${conditionOf({ ...base, kind })}:${base.at}`, kind, from, to });
  if (before.priceNow !== null && after.priceNow === null) make('out-of-stock', before.priceNow, null);
  else if (before.priceNow === null && after.priceNow !== null) make('back-in-stock', null, after.priceNow);
  else if (before.priceNow !== null && after.priceNow !== null && before.priceNow > 0) {
    const movePct = (Math.abs(after.priceNow - before.priceNow) / before.priceNow) * 100;
    if (movePct >= settings.priceMovePct) make('price-move', before.priceNow, after.priceNow);
  }
  if (before.rating !== null && after.rating !== null && before.rating - after.rating >= settings.ratingDrop - 1e-9) {
    make('rating-drop', before.rating, after.rating);
  }
  return out;
}

/**
 * Merges what a refresh saw into the stored tasks of these products: a condition with an open task
 * updates it (its first `from` kept), a lasting one marked done is left alone, anything else is a
 * new task; `clear` names lasting conditions no longer true, and `ENDS` closes opposites.
 * Returns the rows to write and the new tasks (to tell the user).
 */
export function mergeTasks(
  stored: readonly WatchEvent[],
  seen: readonly WatchEvent[],
  clear: ReadonlyArray<Pick<WatchEvent, 'marketplace' | 'id' | 'kind'>>,
  at: number,
): { write: WatchEvent[]; fresh: WatchEvent[] } {
  const active = new Map<string, WatchEvent[]>();
  for (const e of stored) {
    if (e.cleared !== undefined || (e.read === 1 && !LASTING.includes(e.kind))) continue;
    const list = active.get(conditionOf(e)) ?? [];
    list.push(e);
    active.set(conditionOf(e), list);
  }
  const write = new Map<string, WatchEvent>();
  const close = (condition: string) => {
    for (const e of active.get(condition) ?? []) write.set(e.key, { ...e, read: 1, cleared: at });
    active.delete(condition);
  };
  for (const c of clear) close(conditionOf(c));
  const fresh: WatchEvent[] = [];
  for (const e of seen) {
    const ended = ENDS[e.kind];
    if (ended) close(conditionOf({ ...e, kind: ended }));
    const open = (active.get(conditionOf(e)) ?? []).sort((a, b) => b.at - a.at);
    const [newest, ...older] = open;
    if (!newest) {
      write.set(e.key, e);
      fresh.push(e);
      active.set(conditionOf(e), [e]);
    } else if (newest.read === 0) {
      // Older rows of one condition (raised once per run before tasks were merged) are closed.
      for (const o of older) write.set(o.key, { ...o, read: 1, cleared: at });
      write.set(newest.key, { ...newest, name: e.name, at: e.at, to: e.to, from: newest.from ?? e.from });
      active.set(conditionOf(e), [newest]);
    }
  }
  return { write: [...write.values()], fresh };
}

export interface WatchlistDeps {
  db: LupaDb;
  /** Each marketplace's cards and reviews (the kit's sources); a marketplace left out is not refreshed. */
  sources: Partial<
    Record<Marketplace, Pick<OverviewSource, 'fetchCards' | 'batch' | 'failureStopsAll' | 'fetchReviews' | 'backgroundRoute'>>
  >;
  settings: () => Promise<Settings>;
  now?: () => number;
  /** Tells the user about new events (a notification) and the count of open tasks (the badge). */
  onEvents?: (fresh: WatchEvent[], open: number) => Promise<void>;
}

export function createWatchlistService(deps: WatchlistDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  let running: Promise<RefreshSummary> | null = null;

  const rows = async () => validRows(schemas.watchlist, await db.watchlist.toArray(), 'watchlist');

  /** Orders per day from the product's stock history (null until there is enough of it). */
  async function salesOf(marketplace: Marketplace, id: string) {
    const snaps = await readSeries(db, 'stockSnapshots', marketplace, id, now() - 60 * DAY_MS);
    return estimateSales(snaps);
  }
  const openCount = () => db.events.where('read').equals(0).count();
  /** The open tasks of one kind, oldest first. */
  const openOf = (kind: WatchEvent['kind']) => db.events.where('[read+kind+at]').between([0, kind, Dexie.minKey], [0, kind, Dexie.maxKey]);

  /**
   * New negative reviews: only cards whose review count grew since the last look are read (one
   * feedbacks request each, a few at once), outside any transaction.
   */
  async function newNegatives(cards: ProductCard[], ctx: RequestContext): Promise<WatchEvent[]> {
    const out: WatchEvent[] = [];
    const before = await readCards(db, cards);
    const grown = cards.flatMap((card, i) => {
      const b = before[i];
      const fetchReviews = deps.sources[card.marketplace]?.fetchReviews;
      return fetchReviews && card.rootId && b && card.reviewCount > b.reviewCount ? [{ card, before: b, fetchReviews }] : [];
    });
    await pool(grown, CONCURRENT_BATCHES, async ({ card, before, fetchReviews }) => {
      try {
        const summary = await fetchReviews(card, ctx);
        await db.reviewSummaries.put(summary);
        const newest = summary.lastNegative[0];
        if (newest && newest.createdAt > before.fetchedAt) {
          out.push({
            key: `${conditionOf({ ...card, kind: 'new-negative' })}:${newest.createdAt}`,
            marketplace: card.marketplace,
            id: card.id,
            name: card.name,
            kind: 'new-negative',
            at: newest.createdAt,
            from: null,
            to: newest.rating,
            read: 0,
          });
        }
      } catch {
        // Reviews are a bonus of the refresh: a failure here must not stop it.
      }
    });
    return out;
  }

  /**
   * Stores what one batch saw — cards, tasks, the rows' summaries, the products not returned — and
   * the shortened cursor in one transaction.
   */
  async function commit(
    cards: ProductCard[],
    missing: ProductRef[],
    done: string[],
    settings: Settings,
    extra: WatchEvent[] = [],
  ): Promise<{ fresh: WatchEvent[]; changed: number }> {
    let fresh: WatchEvent[] = [];
    let changed = 0;
    const at = now();
    const refs = [...cards, ...missing].map((r) => [r.marketplace, r.id] as [Marketplace, string]);
    // Every table storeCards writes must be in this transaction too.
    await db.transaction('rw', [db.cards, db.priceMonths, db.stockMonths, db.changes, db.events, db.kv, db.watchlist], async () => {
      const looked = await lookedAt.get(db);
      const before = await readCards(db, cards);
      const seen: WatchEvent[] = [...extra];
      cards.forEach((card, i) => {
        const b = before[i];
        if (!b) return;
        seen.push(...eventsBetween(b, card, settings));
        if (diffCards(b, card).length > 0) changed++;
      });
      await storeCards(db, cards);
      const clear: Array<Pick<WatchEvent, 'marketplace' | 'id' | 'kind'>> = [];
      const sales = new Map<string, number | null>();
      for (const card of cards) {
        const estimate = await salesOf(card.marketplace, card.id);
        sales.set(keyOf(card.marketplace, card.id), estimate?.perDay ?? null);
        const left = card.stockKnown && card.stockTotal > 0 && estimate && estimate.perDay > 0 ? card.stockTotal / estimate.perDay : null;
        if (left !== null && left < STOCK_DAYS_WARNING) {
          seen.push({
            key: `${conditionOf({ ...card, kind: 'stock-low' })}:${card.fetchedAt}`,
            marketplace: card.marketplace,
            id: card.id,
            name: card.name,
            kind: 'stock-low',
            at: card.fetchedAt,
            from: null,
            to: Math.round(left * 10) / 10,
            read: 0,
          });
        } else if (left !== null || (card.stockKnown && card.stockTotal === 0)) {
          clear.push({ marketplace: card.marketplace, id: card.id, kind: 'stock-low' });
        }
      }
      const stored = validRows(schemas.events, await db.events.where('[marketplace+id]').anyOf(refs).toArray(), 'events');
      const merged = mergeTasks(stored, seen, clear, at);
      fresh = merged.fresh;
      await db.events.bulkPut(merged.write);

      // The rows' summaries: sales per day, not found since, and the price the user saw at their
      // last look (the card as stored before this refresh, when they looked since the row's look).
      const watched = await db.watchlist.bulkGet(refs);
      const updates: WatchRow[] = [];
      watched.forEach((raw, i) => {
        const row = validRow(schemas.watchlist, raw, 'watchlist');
        if (!row) return;
        if (i >= cards.length) {
          updates.push({ ...row, notFoundAt: row.notFoundAt ?? at });
          return;
        }
        const card = cards[i] as ProductCard;
        const b = before[i];
        const { notFoundAt: _gone, ...kept } = row;
        const rebase = looked !== undefined && b && (!row.looked || row.looked.at < looked);
        updates.push({
          ...kept,
          salesPerDay: sales.get(keyOf(card.marketplace, card.id)) ?? null,
          latest: { name: card.name, priceNow: card.priceNow, rating: card.rating, fetchedAt: card.fetchedAt },
          looked: rebase ? { at: looked, price: b.priceNow, rating: b.rating } : row.looked,
        });
      });
      await db.watchlist.bulkPut(updates);
      const cursor = await refreshCursor.get(db);
      if (cursor) await refreshCursor.set(db, { ...cursor, pending: cursor.pending.filter((k) => !done.includes(k)) });
    });
    return { fresh, changed };
  }

  async function run(): Promise<RefreshSummary> {
    const settings = await deps.settings();
    const stored = await refreshCursor.get(db);
    const resumed = Boolean(stored);
    const list = await rows();
    const watched = list.map((r) => keyOf(r.marketplace, r.id));
    let cursor: RefreshCursor;
    if (!stored) cursor = { runId: String(now()), startedAt: now(), pending: watched };
    else {
      // A run that keeps stopping on a problem resumes for days: the items watched since it
      // started join it, and the ones no longer watched leave it.
      const still = new Set(watched);
      const since = list.filter((r) => r.addedAt >= stored.startedAt).map((r) => keyOf(r.marketplace, r.id));
      cursor = { ...stored, pending: [...new Set([...stored.pending.filter((k) => still.has(k)), ...since])] };
    }
    await refreshCursor.set(db, cursor);
    const { runId } = cursor;
    const found: WatchEvent[] = [];
    const tally = { checked: 0, changed: 0, notFound: 0, problems: 0, skipped: 0 };
    let problem: ProblemKind | null = null;
    const add = (result: { fresh: WatchEvent[]; changed: number }) => {
      found.push(...result.fresh);
      tally.changed += result.changed;
    };

    // Each marketplace in turn, in its source's batches. On a batched source (WB's detail route) a
    // problem (a 5xx, a block, the network) stops that marketplace's run: batches under way finish,
    // no new one starts, and the cursor keeps the rest for the next alarm — hammering a failing host
    // is what makes the browser throttle the extension's requests to it. A one-by-one source that
    // limits as a whole (Ozon) drops the failed card from this run and stops at a block; what it
    // leaves waits for the next alarm's run, not this cursor.
    let incomplete = false;
    for (const [marketplace, source] of Object.entries(deps.sources) as Array<
      [Marketplace, NonNullable<WatchlistDeps['sources'][Marketplace]>]
    >) {
      const keys = cursor.pending.filter((k) => parseKey(k).marketplace === marketplace);
      if (keys.length === 0) continue;
      let ctx: RequestContext = {};
      if (source.backgroundRoute) {
        const route = await source.backgroundRoute();
        if (!route) {
          // Read only through its own tab, and none is open: these wait for a run that has one.
          tally.skipped += keys.length;
          await commit([], [], keys, settings);
          continue;
        }
        ctx = route;
      }
      const chunks: string[][] = [];
      for (let i = 0; i < keys.length; i += source.batch) chunks.push(keys.slice(i, i + source.batch));
      let stopped = false;
      await pool(
        chunks,
        source.failureStopsAll ? 1 : CONCURRENT_BATCHES,
        async (chunk) => {
          try {
            const answer = await source.fetchCards(
              chunk.map((k) => parseKey(k).id),
              ctx,
            );
            const cards = [...answer.values()].filter((c): c is ProductCard => c !== null);
            const missing = [...answer].filter(([, c]) => c === null).map(([id]) => ({ marketplace, id }));
            add(await commit(cards, missing, chunk, settings, await newNegatives(cards, ctx)));
            tally.checked += chunk.length;
            tally.notFound += missing.length;
          } catch (error) {
            const kind = problemOf(error).kind;
            problem ??= kind;
            tally.problems++;
            if (!source.failureStopsAll) {
              stopped = true;
              incomplete = true;
            } else {
              await commit([], [], chunk, settings);
              if (kind === 'blocked') stopped = true;
            }
          }
        },
        () => stopped,
      );
    }
    const complete = !incomplete;
    if (complete) await refreshCursor.delete(db);
    const open = await openCount();
    await lastRefresh.set(db, { runId, resumed, finishedAt: now(), ...tally, problem, complete });
    await deps.onEvents?.(found, open);
    return { runId, resumed, ...tally, events: found.length, open, problem };
  }

  return {
    async set(marketplace: Marketplace, id: string, role: WatchRow['role'] | null): Promise<WatchRow['role'] | null> {
      if (role === null) await db.watchlist.delete([marketplace, id]);
      else {
        const current = validRow(schemas.watchlist, await db.watchlist.get([marketplace, id]), 'watchlist');
        const salesPerDay = current?.salesPerDay ?? (await salesOf(marketplace, id))?.perDay ?? null;
        await db.watchlist.put({
          ...current,
          marketplace,
          id,
          role,
          addedAt: current?.addedAt ?? now(),
          looked: current?.looked ?? null,
          salesPerDay,
        });
      }
      return role;
    },
    async roleOf(marketplace: Marketplace, id: string): Promise<WatchRow['role'] | null> {
      return validRow(schemas.watchlist, await db.watchlist.get([marketplace, id]), 'watchlist')?.role ?? null;
    },
    /**
     * The watchlist with each product's latest card and what changed since the user last looked:
     * two reads (rows, their cards), nothing computed per row. When the user has looked since the
     * last refresh, nothing changed since that look (the arrows were shown then).
     */
    async list() {
      const [list, looked, last] = await Promise.all([rows(), lookedAt.get(db), lastRefresh.get(db)]);
      // Rows no refresh has summarised yet (just added, or stored before summaries) read their card.
      const unsummarised = list.filter((r) => !r.latest);
      const cards = new Map((await readCards(db, unsummarised)).map((c, i) => [unsummarised[i] as WatchRow, c]));
      const seenSinceRefresh = looked !== undefined && last !== undefined && looked >= last.finishedAt;
      return list.map((r) => {
        const card = r.latest ?? cards.get(r) ?? null;
        return {
          marketplace: r.marketplace,
          id: r.id,
          role: r.role,
          name: card?.name ?? '',
          priceNow: card?.priceNow ?? null,
          rating: card?.rating ?? null,
          fetchedAt: card?.fetchedAt ?? null,
          priceChange:
            !seenSinceRefresh && r.looked && r.looked.price !== null && card?.priceNow != null ? card.priceNow - r.looked.price : null,
          salesPerDay: r.salesPerDay ?? null,
          notFoundAt: r.notFoundAt ?? null,
        };
      });
    },
    /** The seller's own items with their names: the rows marked "mine" (by the role index), not the whole list. */
    async mine(): Promise<Array<ProductRef & { name: string }>> {
      const list = validRows(schemas.watchlist, await db.watchlist.where('role').equals('mine').toArray(), 'watchlist');
      const unsummarised = list.filter((r) => !r.latest);
      const cards = new Map((await readCards(db, unsummarised)).map((c, i) => [unsummarised[i] as WatchRow, c]));
      return list.map((r) => ({ marketplace: r.marketplace, id: r.id, name: r.latest?.name ?? cards.get(r)?.name ?? '' }));
    },
    /**
     * The user looked at the watchlist now. One stored time, not a write per row, and only when a
     * refresh came since the last look (otherwise the rows' baseline would not change): the next
     * refresh moves each row's baseline to the price the user saw.
     */
    async markLooked(): Promise<void> {
      const [looked, last] = await Promise.all([lookedAt.get(db), lastRefresh.get(db)]);
      if (looked === undefined || (last !== undefined && last.finishedAt > looked)) await lookedAt.set(db, now());
    },
    /** Open tasks, newest first. */
    async tasks(): Promise<WatchEvent[]> {
      return validRows(schemas.events, await db.events.where('read').equals(0).toArray(), 'events').sort((a, b) => b.at - a.at);
    },
    /**
     * Open tasks, newest first: `perKind` of each kind at most, with each kind's count (kinds with
     * the newest task first). Off the `[read+kind+at]` index: a count and the newest rows per kind,
     * never the thousands of open tasks a large shop can have.
     */
    async taskGroups(perKind: number): Promise<{ tasks: WatchEvent[]; counts: Array<{ kind: WatchEvent['kind']; count: number }> }> {
      // One read transaction: the counts and the rows shown agree.
      const groups = await db.transaction('r', db.events, () =>
        Promise.all(
          TASK_KINDS.map(async (kind) => {
            const [count, newest] = await Promise.all([openOf(kind).count(), openOf(kind).reverse().limit(perKind).toArray()]);
            return { kind, count, tasks: validRows(schemas.events, newest, 'events') };
          }),
        ),
      );
      const present = groups.filter((g) => g.count > 0).sort((a, b) => (b.tasks[0]?.at ?? 0) - (a.tasks[0]?.at ?? 0));
      return {
        tasks: present.flatMap((g) => g.tasks).sort((a, b) => b.at - a.at),
        counts: present.map(({ kind, count }) => ({ kind, count })),
      };
    },
    openCount,
    lastRefresh: () => lastRefresh.get(db),
    /**
     * Events found elsewhere (a position scan, the seller's own numbers): stored and told like a
     * refresh's. One already stored under its key is left as it is (a task marked done stays done).
     */
    async record(events: WatchEvent[]): Promise<void> {
      if (events.length === 0) return;
      const stored = await db.events.bulkGet(events.map((e) => e.key));
      const fresh = events.filter((_, i) => stored[i] === undefined);
      if (fresh.length === 0) return;
      await db.events.bulkPut(fresh);
      await deps.onEvents?.(fresh, await openCount());
    },
    /** Marks these tasks done (and every open task of `kinds`, for a whole group). */
    async markRead(keys: readonly string[], kinds: ReadonlyArray<WatchEvent['kind']> = []): Promise<number> {
      await db.events
        .where('key')
        .anyOf([...keys])
        .modify({ read: 1 });
      for (const kind of kinds) await openOf(kind).modify({ read: 1 });
      const open = await openCount();
      await deps.onEvents?.([], open);
      return open;
    },
    /** One refresh at a time; a stored cursor means the last one was interrupted and is resumed. */
    refresh(): Promise<RefreshSummary> {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    async interrupted(): Promise<boolean> {
      return Boolean(await refreshCursor.get(db));
    },
  };
}

export interface RefreshSummary {
  runId: string;
  resumed: boolean;
  checked: number;
  changed: number;
  notFound: number;
  problems: number;
  skipped: number;
  events: number;
  open: number;
  problem: ProblemKind | null;
}

export type WatchlistService = ReturnType<typeof createWatchlistService>;
