// The watchlist: products the user follows (their own and competitors'), refreshed in the
// background on an alarm. A refresh walks a stored cursor — WB in batches of the detail API's
// maximum, Ozon one page at a time — so a worker stopped midway resumes where it left off; events
// carry a key made of the run and the product, so a resumed batch writes no duplicates.

import { z } from 'zod';
import { storeCards } from '../card-store';
import { kvItem, type LupaDb, readCard, readCards, schemas, seriesOf, validRow, validRows } from '../db';
import type { OzonClient } from '../marketplaces/ozon/client';
import type { WbClient } from '../marketplaces/wb/client';
import { MAX_DETAIL_BATCH } from '../marketplaces/wb/endpoints';
import type { Marketplace, ProductCard, WatchEvent } from '../model';
import { problemOf } from '../net';
import { estimateSales } from '../sales';
import type { Settings } from '../settings';
import { DAY_MS } from '../stats';
import type { WatchRow } from './tables';

/** A task when the stock lasts fewer days than this at the estimated pace. */
const STOCK_DAYS_WARNING = 7;
const CursorSchema = z.object({ runId: z.string(), startedAt: z.number(), pending: z.array(z.string()) });
const refreshCursor = kvItem('watch-refresh-cursor', CursorSchema);

const keyOf = (marketplace: Marketplace, id: string) => `${marketplace}:${id}`;
const parseKey = (key: string) => {
  const [marketplace, id] = key.split(':') as [Marketplace, string];
  return { marketplace, id };
};

/** What changed between two looks at a card, by the user's thresholds. */
export function eventsBetween(
  before: ProductCard,
  after: ProductCard,
  settings: Pick<Settings, 'priceMovePct' | 'ratingDrop'>,
  runId: string,
): WatchEvent[] {
  const base = { marketplace: after.marketplace, id: after.id, name: after.name, at: after.fetchedAt, read: 0 as const };
  const out: WatchEvent[] = [];
  const make = (kind: WatchEvent['kind'], from: number | null, to: number | null) =>
    out.push({ ...base, key: `${runId}:${keyOf(after.marketplace, after.id)}:${kind}`, kind, from, to });
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

export interface WatchlistDeps {
  db: LupaDb;
  wb: WbClient;
  ozon: OzonClient;
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
    const snaps = validRows(
      schemas.stockSnapshots,
      await seriesOf(db.stockSnapshots, marketplace, id, now() - 60 * DAY_MS).toArray(),
      'stockSnapshots',
    );
    return estimateSales(snaps);
  }

  /** Days until the stock runs out at the estimated pace; null when unknown. */
  async function daysOfStockLeft(card: ProductCard): Promise<number | null> {
    if (!card.stockKnown || card.stockTotal === 0) return null;
    const sales = await salesOf(card.marketplace, card.id);
    return sales && sales.perDay > 0 ? card.stockTotal / sales.perDay : null;
  }
  const openCount = () => db.events.where('read').equals(0).count();

  /**
   * New negative reviews: only cards whose review count grew since the last look are read (one
   * feedbacks request each), outside any transaction.
   */
  async function newNegatives(cards: ProductCard[], runId: string): Promise<WatchEvent[]> {
    const out: WatchEvent[] = [];
    for (const card of cards) {
      if (card.marketplace !== 'wb' || !card.rootId) continue;
      const before = await readCard(db, card);
      if (!before || card.reviewCount <= before.reviewCount) continue;
      try {
        const summary = await deps.wb.fetchReviewSummary(Number(card.rootId));
        await db.reviewSummaries.put(summary);
        const newest = summary.lastNegative[0];
        if (newest && newest.createdAt > before.fetchedAt) {
          out.push({
            key: `${runId}:${keyOf(card.marketplace, card.id)}:new-negative`,
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
    }
    return out;
  }

  /** Stores what one batch saw, its events and the shortened cursor in one transaction. */
  async function commit(
    cards: ProductCard[],
    done: string[],
    runId: string,
    settings: Settings,
    extra: WatchEvent[] = [],
  ): Promise<WatchEvent[]> {
    const fresh: WatchEvent[] = [...extra];
    // Every table storeCards writes must be in this transaction too.
    await db.transaction('rw', [db.cards, db.pricePoints, db.stockSnapshots, db.changes, db.events, db.kv], async () => {
      for (const card of cards) {
        const before = await readCard(db, card);
        if (before) fresh.push(...eventsBetween(before, card, settings, runId));
      }
      await storeCards(db, cards);
      for (const card of cards) {
        const left = await daysOfStockLeft(card);
        if (left !== null && left < STOCK_DAYS_WARNING) {
          fresh.push({
            key: `${runId}:${keyOf(card.marketplace, card.id)}:stock-low`,
            marketplace: card.marketplace,
            id: card.id,
            name: card.name,
            kind: 'stock-low',
            at: card.fetchedAt,
            from: null,
            to: Math.round(left * 10) / 10,
            read: 0,
          });
        }
      }
      await db.events.bulkPut(fresh);
      const cursor = await refreshCursor.get(db);
      if (cursor) await refreshCursor.set(db, { ...cursor, pending: cursor.pending.filter((k) => !done.includes(k)) });
    });
    return fresh;
  }

  async function run(): Promise<RefreshSummary> {
    const settings = await deps.settings();
    let cursor = await refreshCursor.get(db);
    const resumed = Boolean(cursor);
    if (!cursor) {
      const list = await rows();
      cursor = { runId: String(now()), startedAt: now(), pending: list.map((r) => keyOf(r.marketplace, r.id)) };
      await refreshCursor.set(db, cursor);
    }
    const { runId } = cursor;
    const found: WatchEvent[] = [];
    let checked = 0;
    let problem: string | null = null;

    const wbKeys = cursor.pending.filter((k) => k.startsWith('wb:'));
    for (let i = 0; i < wbKeys.length; i += MAX_DETAIL_BATCH) {
      const chunk = wbKeys.slice(i, i + MAX_DETAIL_BATCH);
      try {
        const cards = [...(await deps.wb.fetchCards(chunk.map((k) => Number(parseKey(k).id)))).values()].filter(
          (c): c is ProductCard => c !== null,
        );
        found.push(...(await commit(cards, chunk, runId, settings, await newNegatives(cards, runId))));
        checked += cards.length;
      } catch (error) {
        problem = problemOf(error).kind;
        break;
      }
    }
    for (const key of cursor.pending.filter((k) => k.startsWith('ozon:'))) {
      try {
        const card = await deps.ozon.fetchCard(Number(parseKey(key).id));
        found.push(...(await commit(card ? [card] : [], [key], runId, settings)));
        if (card) checked++;
      } catch (error) {
        // A block stops Ozon for this run (the client waits out its back-off); WB is done.
        problem = problemOf(error).kind;
        await commit([], [key], runId, settings);
        if (problem === 'blocked') break;
      }
    }
    const left = (await refreshCursor.get(db))?.pending ?? [];
    if (left.every((k) => k.startsWith('ozon:')) || problem === null) await refreshCursor.delete(db);
    const open = await openCount();
    await deps.onEvents?.(found, open);
    return { runId, resumed, checked, events: found.length, open, problem };
  }

  return {
    async set(marketplace: Marketplace, id: string, role: WatchRow['role'] | null): Promise<WatchRow['role'] | null> {
      if (role === null) await db.watchlist.delete([marketplace, id]);
      else {
        const current = validRow(schemas.watchlist, await db.watchlist.get([marketplace, id]), 'watchlist');
        await db.watchlist.put({ marketplace, id, role, addedAt: current?.addedAt ?? now(), looked: current?.looked ?? null });
      }
      return role;
    },
    async roleOf(marketplace: Marketplace, id: string): Promise<WatchRow['role'] | null> {
      return validRow(schemas.watchlist, await db.watchlist.get([marketplace, id]), 'watchlist')?.role ?? null;
    },
    /** The watchlist with each product's latest card and what changed since the user last looked. */
    async list() {
      const list = await rows();
      const cards = await readCards(db, list);
      const out = list.map((r, i) => {
        const card = cards[i] ?? null;
        return {
          marketplace: r.marketplace,
          id: r.id,
          role: r.role,
          name: card?.name ?? '',
          priceNow: card?.priceNow ?? null,
          rating: card?.rating ?? null,
          fetchedAt: card?.fetchedAt ?? null,
          priceChange: r.looked && r.looked.price !== null && card?.priceNow != null ? card.priceNow - r.looked.price : null,
          salesPerDay: null as number | null,
        };
      });
      for (const row of out) row.salesPerDay = (await salesOf(row.marketplace, row.id))?.perDay ?? null;
      return out;
    },
    /** The user looked at the watchlist now: later arrows compare with this. */
    async markLooked(): Promise<void> {
      const list = await rows();
      const cards = await readCards(db, list);
      await db.watchlist.bulkPut(
        list.map((r, i) => {
          const c = cards[i];
          return { ...r, looked: { at: now(), price: c?.priceNow ?? null, rating: c?.rating ?? null } };
        }),
      );
    },
    async tasks(): Promise<WatchEvent[]> {
      return validRows(schemas.events, await db.events.where('read').equals(0).toArray(), 'events').sort((a, b) => b.at - a.at);
    },
    /** Events found elsewhere (a position scan): stored and told like a refresh's. */
    async record(events: WatchEvent[]): Promise<void> {
      if (events.length === 0) return;
      await db.events.bulkPut(events);
      await deps.onEvents?.(events, await openCount());
    },
    async markRead(keys: readonly string[]): Promise<number> {
      await db.events
        .where('key')
        .anyOf([...keys])
        .modify({ read: 1 });
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
  events: number;
  open: number;
  problem: string | null;
}

export type WatchlistService = ReturnType<typeof createWatchlistService>;
