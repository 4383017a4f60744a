import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
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
  await db.pricePoints.bulkPut(points);
  await db.table('watchlist').put({ marketplace: 'wb', id: '1', role: 'mine', addedAt: 0, looked: null });
  const removed = await thinHistory(db, cutoff);
  const old = await db.pricePoints.filter((p) => p.at < cutoff).toArray();
  expect(old).toHaveLength(120);
  expect(old.every((p) => p.price === 1005)).toBe(true);
  expect(await db.pricePoints.filter((p) => p.at >= cutoff).count()).toBe(180 * 6);
  expect(removed).toBe(120 * 5);
  expect(await db.table('watchlist').count()).toBe(1);
  expect(await thinHistory(db, cutoff)).toBe(0);
  await db.delete();
});
