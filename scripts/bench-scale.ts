// Run by scripts/bench-scale.mjs (and tests/e2e/watchlist-scale.test.ts) inside the extension's own
// service worker (bundled on the fly, as scripts/bench-history.ts is): fills Lupa's real IndexedDB
// with the shop of issue 17's size that scripts/scale-shop.mjs describes — `products` watched WB
// products (half the user's own, each linked to a competitor), a year of daily prices and stock
// snapshots each, the rows' summaries as a refresh leaves them, 3 open tasks per product and the
// last refresh's summary, all valid against Lupa's own schemas — and times the incremental
// retention's slices and the parts of the popup's answer.
import '../utils/zod-setup';
import { addPoints, LupaDb } from '../utils/db';
import type { ProductCard, WatchEvent } from '../utils/model';
import { retentionProgress, thinHistory } from '../utils/retention';
import { WatchlistReplySchema } from '../utils/watchlist/protocol';
import { createWatchlistService, lastRefresh, TASKS_PER_KIND } from '../utils/watchlist/service';
import type { WatchRow } from '../utils/watchlist/tables';
import { DAY_MS, shopCompetitorOf, shopCosts, shopHistoryBatches, shopLastRefresh, shopRow, shopStock, shopTasks } from './scale-shop.mjs';

/**
 * Seeds the shop. With `cards`, each product's card is stored too (as a refresh would have): the
 * bench leaves them out, so its first refresh is one of cards not yet stored.
 */
export async function seedShop(
  ids: number[],
  days: number,
  now: number,
  { cards = false }: { cards?: boolean } = {},
): Promise<{ rows: number; ms: number }> {
  // Relaxed durability: Chromium does not flush each transaction to disk (the seeding is no user's data).
  const db = new LupaDb(undefined, { chromeTransactionDurability: 'relaxed' });
  const started = performance.now();
  const shop = ids.map((id, i) => shopRow(i, id, now));
  const watch: WatchRow[] = shop.map((r) => ({
    marketplace: 'wb',
    id: r.id,
    role: r.role,
    addedAt: now - days * DAY_MS,
    looked: { at: r.lookedAt, price: r.lookedPrice, rating: r.rating },
    salesPerDay: r.salesPerDay,
    latest: { name: r.name, priceNow: r.priceNow, rating: r.rating, fetchedAt: r.fetchedAt },
    ...(r.notFoundAt === null ? {} : { notFoundAt: r.notFoundAt }),
  }));
  await db.watchlist.bulkPut(watch);
  await lastRefresh.set(db, shopLastRefresh(now, ids.length));
  if (cards) await db.cards.bulkPut(shop.map((r, i) => cardOf(r, i)));
  // The competitors' links and costs, where that feature is built in (its tables are then declared).
  const names = db.tables.map((t) => t.name);
  if (names.includes('competitorLinks') && names.includes('unitCosts')) {
    const own = ids.flatMap((_, i) => (i % 2 === 0 && ids[shopCompetitorOf(i)] !== undefined ? [i] : []));
    await db.table('competitorLinks').bulkPut(
      own.map((i) => ({
        marketplace: 'wb',
        mineId: String(ids[i]),
        competitorMarketplace: 'wb',
        competitorId: String(ids[shopCompetitorOf(i)]),
        linkedAt: now - days * DAY_MS,
      })),
    );
    await db.table('unitCosts').bulkPut(
      own.flatMap((i) => {
        const costs = shopCosts(i);
        return costs ? [{ marketplace: 'wb', id: String(ids[i]), ...costs, updatedAt: now - DAY_MS }] : [];
      }),
    );
  }
  // Points, not month rows: the shop's size as the issue counts it.
  let points = 0;
  for (const { prices, stock } of shopHistoryBatches(ids, days, now, 100)) {
    points += prices.length + stock.length;
    await db.transaction('rw', db.priceMonths, db.stockMonths, async () => {
      await addPoints(db, 'pricePoints', prices);
      await addPoints(db, 'stockSnapshots', stock);
    });
  }
  const events: WatchEvent[] = ids.flatMap((id, i) => shopTasks(i, id, now));
  await db.events.bulkPut(events);
  const rows = points + (await db.events.count()) + (await db.watchlist.count());
  db.close();
  return { rows, ms: performance.now() - started };
}

/** A product's card as the last refresh stored it. */
function cardOf(r: ReturnType<typeof shopRow>, i: number): ProductCard {
  const stock = r.priceNow === null ? 0 : shopStock(i, 0);
  return {
    marketplace: 'wb',
    id: r.id,
    rootId: null,
    name: r.name,
    brand: '',
    seller: null,
    rating: r.rating,
    reviewCount: 100 + i,
    priceNow: r.priceNow,
    priceBefore: r.priceNow === null ? null : r.priceNow * 2,
    priceCard: null,
    discountPct: r.priceNow === null ? null : 50,
    sizes: [],
    stockTotal: stock,
    stockByWarehouse: [{ warehouseId: 507, name: 'Коледино', qty: stock, deliveryHours: 48 }],
    stockKnown: true,
    photos: 5,
    fetchedAt: r.fetchedAt,
  };
}

/**
 * One retention pass at the default window (180 days), then a second one a day later. `again`:
 * forget what an earlier call thinned, so that the first pass is a first pass again.
 */
export async function retention(
  now: number,
  again = false,
): Promise<{ first: { slices: number[]; ms: number; removed: number }; second: { slices: number[]; ms: number } }> {
  const db = new LupaDb();
  await db.open();
  if (again) await retentionProgress.delete(db);
  const pass = async (cutoff: number) => {
    const slices: number[] = [];
    const started = performance.now();
    const removed = await thinHistory(db, cutoff, { onSlice: (ms) => slices.push(ms) });
    return { slices, ms: performance.now() - started, removed };
  };
  const first = await pass(now - 180 * DAY_MS);
  const second = await pass(now - 179 * DAY_MS);
  db.close();
  return { first, second };
}

/** The parts of the worker's getWatchlist answer, timed apart (median of `runs`). */
export async function answerParts(runs: number): Promise<Record<string, number>> {
  const db = new LupaDb();
  await db.open();
  const service = createWatchlistService({
    db,
    sources: {},
    settings: async () => ({}) as never,
  });
  const parts: Record<string, number[]> = { rawRows: [], list: [], taskGroups: [], replyParse: [] };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await db.watchlist.toArray();
    parts.rawRows?.push(performance.now() - t);
    t = performance.now();
    const watchlist = await service.list();
    parts.list?.push(performance.now() - t);
    t = performance.now();
    const { tasks, counts } = await service.taskGroups(TASKS_PER_KIND);
    parts.taskGroups?.push(performance.now() - t);
    t = performance.now();
    WatchlistReplySchema.parse({ tasks, taskCounts: counts, watchlist, lastRefresh: null, nextRefreshAt: null });
    parts.replyParse?.push(performance.now() - t);
  }
  db.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
}
