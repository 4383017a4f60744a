// Run by `npm run bench` inside the extension's own service worker (bundled on the fly, evaluated
// through the DevTools protocol): it fills Lupa's real IndexedDB with a year of daily prices for many
// products, then times the panel's read of one product's history — the same calls the product
// overview makes (utils/product-overview.ts): readSeries (the month rows read, checked and
// flattened) → mergeSeries.
import '../utils/zod-setup';
import { addPoints, LupaDb, readSeries } from '../utils/db';
import type { PricePoint } from '../utils/model';
import { mergeSeries } from '../utils/stats';

const DAY_MS = 86_400_000;
/** Far from the fixture's articles, so the bench's rows never meet the products it views. */
const FIRST_ID = 900_000_000;

export const benchId = (i: number) => String(FIRST_ID + i);

/** `products` × `days` daily price points, written in batches of whole products. */
export async function seed(products: number, days: number, now: number): Promise<{ rows: number; ms: number }> {
  const db = new LupaDb();
  const started = performance.now();
  const perBatch = 100;
  for (let first = 0; first < products; first += perBatch) {
    const rows: PricePoint[] = [];
    for (let i = first; i < Math.min(products, first + perBatch); i++) {
      for (let d = days; d > 0; d--) {
        rows.push({
          marketplace: 'wb',
          productId: benchId(i),
          at: now - d * DAY_MS,
          price: 100_000 + ((i * 37 + d * 11) % 5_000) * 10,
          source: 'history',
        });
      }
    }
    await addPoints(db, 'pricePoints', rows);
  }
  const rows = (await db.priceMonths.toArray()).reduce((n, r) => n + r.points.length, 0);
  db.close();
  return { rows, ms: performance.now() - started };
}

/** Times `runs` reads of one product's year, each in its own transaction as the panel does. */
export async function readYear(index: number, now: number, runs: number): Promise<{ points: number; ms: number[]; idbMs: number[] }> {
  const db = new LupaDb();
  await db.open();
  const ms: number[] = [];
  const idbMs: number[] = [];
  let points = 0;
  for (let r = 0; r < runs; r++) {
    // The raw read of the month rows alone, then the whole read as the panel makes it.
    let started = performance.now();
    await db.priceMonths
      .where('[marketplace+productId+month]')
      .between(['wb', benchId(index), now - 366 * DAY_MS], ['wb', benchId(index), now])
      .toArray();
    idbMs.push(performance.now() - started);
    started = performance.now();
    points = mergeSeries(await readSeries(db, 'pricePoints', 'wb', benchId(index), now - 365 * DAY_MS)).length;
    ms.push(performance.now() - started);
  }
  db.close();
  return { points, ms, idbMs };
}
