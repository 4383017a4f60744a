import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { addPoints, LupaDb, readAllSeries } from '../../utils/db';
import { thinHistory } from '../../utils/retention';

const DAY = 86_400_000;

test('history older than the window keeps the last point of each day; newer history and the watchlist are untouched', async () => {
  const db = new LupaDb(`retention-${Math.random()}`);
  const now = 400 * DAY;
  const cutoff = now - 180 * DAY;
  // Six observations a day for 300 days.
  const points = [];
  for (let d = 100; d < 400; d++)
    for (let h = 0; h < 6; h++)
      points.push({
        marketplace: 'wb' as const,
        productId: '1',
        at: d * DAY + h * 4 * 3_600_000,
        price: 1000 + h,
        source: 'observed' as const,
      });
  await addPoints(db, 'pricePoints', points);
  await db.table('watchlist').put({ marketplace: 'wb', id: '1', role: 'mine', addedAt: 0, looked: null });
  const removed = await thinHistory(db, cutoff);
  const all = await readAllSeries(db, 'pricePoints');
  const old = all.filter((p) => p.at < cutoff);
  expect(old).toHaveLength(120);
  expect(old.every((p) => p.price === 1005)).toBe(true);
  expect(all.filter((p) => p.at >= cutoff)).toHaveLength(180 * 6);
  // Thinned inside the month rows: still one row per month (days 100‥399: 10 months and a bit).
  expect(await db.priceMonths.count()).toBe(new Set(all.map((p) => new Date(p.at).toISOString().slice(0, 7))).size);
  expect(removed).toBe(120 * 5);
  expect(await db.table('watchlist').count()).toBe(1);
  expect(await thinHistory(db, cutoff)).toBe(0);
  await db.delete();
});

/** `products` series of six observations a day for days 100‥399, prices and stock alike. */
async function seedHistory(db: LupaDb, products: number) {
  const points = [];
  const stock = [];
  for (let p = 0; p < products; p++)
    for (let d = 100; d < 400; d++)
      for (let h = 0; h < 6; h++) {
        const at = d * DAY + h * 4 * 3_600_000;
        points.push({ marketplace: 'wb' as const, productId: String(p + 1), at, price: 1000 + h, source: 'observed' as const });
        stock.push({ marketplace: 'wb' as const, productId: String(p + 1), at, total: 50 - h, byWarehouse: [] });
      }
  await addPoints(db, 'pricePoints', points);
  await addPoints(db, 'stockSnapshots', stock);
}

/** Counts the rows each table hands out and the mutations it takes. */
function countAccess(db: LupaDb) {
  const seen = { read: 0, mutations: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-access',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name === 'kv') return table;
        return {
          ...table,
          query: async (req) => {
            const res = await table.query(req);
            seen.read += res.result.length;
            return res;
          },
          openCursor: async (req) => {
            seen.read++;
            return table.openCursor(req);
          },
          mutate: async (req) => {
            seen.mutations++;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return seen;
}

test('a second pass with a later cutoff reads only the watermark’s day on, and removes nothing that is thinned', async () => {
  const name = `retention-${Math.random()}`;
  const seeding = new LupaDb(name);
  await seedHistory(seeding, 3);
  const cutoff = 220 * DAY;
  expect(await thinHistory(seeding, cutoff)).toBe(2 * 3 * 120 * 5);
  seeding.close();

  const db = new LupaDb(name);
  const seen = countAccess(db);
  expect(await thinHistory(db, cutoff)).toBe(0);
  expect(seen).toEqual({ read: 0, mutations: 0 });
  // A day later: only that day (and the watermark's, already one point) is read, per series — twice
  // where there is something to drop (read-only first, then again in the short write).
  expect(await thinHistory(db, cutoff + DAY)).toBe(2 * 3 * 5);
  // Each such series' month row is deleted and written back thinner (two mutations); the reads are
  // month rows: that day's month, and the next series' first row.
  expect(seen.mutations).toBe(2 * 3 * 2);
  expect(seen.read).toBeLessThan(2 * 3 * (2 * 2 + 1) + 10);
  await db.delete();
});

test('work stops between slices and a restarted worker resumes it, with the same result as one run', async () => {
  const name = `retention-${Math.random()}`;
  const first = new LupaDb(name);
  await seedHistory(first, 5);
  const cutoff = 220 * DAY;
  let slices = 0;
  const sizes: number[] = [];
  const part = await thinHistory(first, cutoff, {
    sliceRows: 500,
    keepGoing: () => slices++ < 2,
    onSlice: (_ms, removed) => sizes.push(removed),
  });
  expect(sizes).toHaveLength(2);
  expect(part).toBeGreaterThan(0);
  expect(part).toBeLessThan(2 * 5 * 600);
  first.close();

  // The worker was stopped: a fresh database handle picks the pass up where it stood.
  const second = new LupaDb(name);
  const rest = await thinHistory(second, cutoff, { sliceRows: 500 });
  expect(part + rest).toBe(2 * 5 * 600);
  for (const table of ['pricePoints', 'stockSnapshots'] as const) {
    const old = (await readAllSeries(second, table)).filter((p) => p.at < cutoff);
    expect(old).toHaveLength(5 * 120);
  }
  expect((await readAllSeries(second, 'pricePoints')).filter((p) => p.at < cutoff && p.price !== 1005)).toHaveLength(0);
  expect(await thinHistory(second, cutoff)).toBe(0);
  await second.delete();
});
