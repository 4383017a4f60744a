// Run by scripts/bench-scale.mjs inside the extension's own service worker (bundled on the fly, as
// scripts/bench-history.ts is): fills Lupa's real IndexedDB with a shop of issue 17's size —
// `products` watched WB products (half the user's own), a year of daily prices and stock snapshots
// each, and 3 per product open tasks, all valid against Lupa's own schemas — and times the
// incremental retention's slices.
import '../utils/zod-setup';
import { LupaDb } from '../utils/db';
import type { PricePoint, StockSnapshot, WatchEvent } from '../utils/model';
import { thinHistory } from '../utils/retention';
import { WatchlistReplySchema } from '../utils/watchlist/protocol';
import { createWatchlistService, TASKS_PER_KIND } from '../utils/watchlist/service';
import type { WatchRow } from '../utils/watchlist/tables';

const DAY_MS = 86_400_000;
const KINDS: WatchEvent['kind'][] = ['price-move', 'rating-drop', 'new-negative'];

export async function seedShop(ids: number[], days: number, now: number): Promise<{ rows: number; ms: number }> {
  const db = new LupaDb();
  const started = performance.now();
  const watch: WatchRow[] = ids.map((id, i) => ({
    marketplace: 'wb',
    id: String(id),
    role: i % 2 === 0 ? 'mine' : 'competitor',
    addedAt: now - days * DAY_MS,
    looked: null,
  }));
  await db.watchlist.bulkPut(watch);
  const perBatch = 50;
  for (let first = 0; first < ids.length; first += perBatch) {
    const prices: PricePoint[] = [];
    const stock: StockSnapshot[] = [];
    for (let i = first; i < Math.min(ids.length, first + perBatch); i++) {
      const productId = String(ids[i]);
      for (let d = days; d > 0; d--) {
        const at = now - d * DAY_MS;
        prices.push({ marketplace: 'wb', productId, at, price: 100_000 + ((i * 37 + d * 11) % 5_000) * 10, source: 'history' });
        // A supply every 30 days, a few sold a day in between.
        stock.push({
          marketplace: 'wb',
          productId,
          at,
          total: 300 - ((days - d) % 30) * (1 + (i % 7)),
          byWarehouse: [{ warehouseId: 507, qty: 300 - ((days - d) % 30) * (1 + (i % 7)) }],
        });
      }
    }
    await db.transaction('rw', db.pricePoints, db.stockSnapshots, async () => {
      await db.pricePoints.bulkPut(prices);
      await db.stockSnapshots.bulkPut(stock);
    });
  }
  const events: WatchEvent[] = ids.flatMap((id, i) =>
    KINDS.map((kind, k) => {
      const at = now - (i * 3 + k) * 60_000;
      return {
        key: `wb:${id}:${kind}:${at}`,
        marketplace: 'wb' as const,
        id: String(id),
        name: `Товар ${i}`,
        kind,
        at,
        from: 100_000,
        to: 90_000,
        read: 0 as const,
      };
    }),
  );
  await db.events.bulkPut(events);
  const rows =
    (await db.pricePoints.count()) + (await db.stockSnapshots.count()) + (await db.events.count()) + (await db.watchlist.count());
  db.close();
  return { rows, ms: performance.now() - started };
}

/** One retention pass at the default window (180 days), then a second one a day later. */
export async function retention(
  now: number,
): Promise<{ first: { slices: number[]; ms: number; removed: number }; second: { slices: number[]; ms: number } }> {
  const db = new LupaDb();
  await db.open();
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
    wb: {} as never,
    ozon: {} as never,
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
