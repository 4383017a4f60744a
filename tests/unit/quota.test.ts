import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { storeCards } from '../../utils/card-store';
import { addPoints, LupaDb, readSeries } from '../../utils/db';
import type { ProductCard } from '../../utils/model';
import { isQuotaError, quotaGuard } from '../../utils/quota';
import { DAY_MS } from '../../utils/stats';

const NOW = Date.parse('2026-11-23T12:00:00Z');
let db: LupaDb;
/** The disk is full until something is deleted, as a browser's quota behaves. */
let full = false;

beforeEach(() => {
  db = new LupaDb(`quota-${Math.random()}`);
  full = false;
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (req) => {
            if (req.type === 'delete' || req.type === 'deleteRange') full = false;
            else if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return table.mutate(req);
          },
        };
      },
    }),
  });
});
afterEach(async () => {
  await db.delete();
});

const card: ProductCard = {
  marketplace: 'wb',
  id: '146972802',
  rootId: '131566190',
  name: 'Футболка оверсайз из хлопка с принтом',
  brand: 'URBAN TIGER',
  seller: null,
  rating: 4.7,
  reviewCount: 3,
  priceNow: 134500,
  priceBefore: 299000,
  priceCard: null,
  discountPct: 55,
  sizes: [],
  stockTotal: 5,
  stockKnown: true,
  stockByWarehouse: [],
  photos: 6,
  fetchedAt: NOW,
};

test('storage full: history thinned, what the user made kept, the user told, the write done', async () => {
  // 60 days of observations, six a day, for one product; the user's own data beside it.
  const points = [];
  for (let d = 60; d >= 1; d--)
    for (let h = 0; h < 6; h++)
      points.push({ marketplace: 'wb', productId: '1', at: NOW - d * DAY_MS + h * 3_600_000, price: 100000 + d, source: 'observed' });
  await addPoints(db, 'pricePoints', points as never);
  await db.table('watchlist').put({ marketplace: 'wb', id: '1', role: 'mine', addedAt: 1, looked: null });
  await db.table('competitorLinks').put({ marketplace: 'wb', mineId: '1', competitorMarketplace: 'wb', competitorId: '2', linkedAt: 1 });
  await db.table('unitCosts').put({ marketplace: 'wb', id: '1', cost: 50000, commissionPct: 20, logistics: 7000, updatedAt: 1 });
  await db.table('positionQueries').put({ marketplace: 'wb', productId: '1', query: 'футболка', addedAt: 1 });
  await db.searchPages.put({ marketplace: 'wb', query: 'q', sort: 'popular', region: -1, page: 1, fetchedAt: 1, entries: [] } as never);

  full = true;
  const told: number[] = [];
  const guard = quotaGuard({ db, now: () => NOW, onFreed: async (n) => void told.push(n) });
  await guard(() => storeCards(db, [card]));

  expect(await db.cards.get(['wb', '146972802'])).toMatchObject({ priceNow: 134500 });
  const left = await readSeries(db, 'pricePoints', 'wb', '1', 0, NOW);
  // Older than a week: one a day (53 days); the last week keeps all six a day.
  expect(left).toHaveLength(53 + 7 * 6);
  expect(told).toEqual([53 * 5 + 1]);
  expect(await db.table('watchlist').count()).toBe(1);
  expect(await db.table('competitorLinks').count()).toBe(1);
  expect(await db.table('unitCosts').count()).toBe(1);
  expect(await db.table('positionQueries').count()).toBe(1);
});

test('other errors pass through untouched; quota errors are recognised however Dexie wraps them', async () => {
  const guard = quotaGuard({ db, onFreed: async () => {} });
  await expect(guard(async () => Promise.reject(new TypeError('boom')))).rejects.toThrow('boom');
  expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
  expect(isQuotaError({ name: 'AbortError', message: 'Transaction aborted', inner: { name: 'QuotaExceededError' } })).toBe(true);
  expect(isQuotaError(new Error('network'))).toBe(false);
});
