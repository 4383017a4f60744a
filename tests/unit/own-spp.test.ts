// WB's SPP on own items: the stored storefront card's price now against the seller's discounted price.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import type { OwnPrice } from '../../utils/marketplaces/wb/seller-prices';
import type { ProductCard } from '../../utils/model';
import { recordSpp, SPP_MOVE_POINTS, sppOf, sppPct, wbDay } from '../../utils/own-numbers/spp';
import { productCard } from './product-card';

test.each([
  [134500, 219450, 38.7],
  [93000, 100000, 7],
  [100000, 100000, 0],
  [99999, 100000, 0],
])('storefront %i against discounted %i → SPP %s %', (storefront, discounted, pct) => {
  expect(sppPct(storefront, discounted)).toBe(pct);
});

test('no SPP where the prices cannot be compared', () => {
  expect(sppPct(120000, 100000)).toBeNull(); // WB above the seller: stale data, not a negative SPP
  expect(sppPct(0, 100000)).toBeNull();
  expect(sppPct(100000, 0)).toBeNull();
});

let db: LupaDb;
beforeEach(() => {
  db = new LupaDb(`own-spp-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const own = (id: string, discountedPrice: number): OwnPrice => ({
  marketplace: 'wb',
  id,
  vendorCode: `V-${id}`,
  price: discountedPrice * 2,
  discount: 50,
  clubDiscount: 0,
  discountedPrice,
  sizes: [],
  editableSizePrice: false,
  importedAt: 1_000,
});

const card = (id: string, priceNow: number | null): ProductCard =>
  productCard({ marketplace: 'wb', id, name: id, priceNow, priceBefore: null, photos: null, fetchedAt: 2_000 });

test('sppOf: known where both prices are stored; absent without the card, the seller price or a price now', async () => {
  await db.ownPrices.bulkPut([own('1', 219450), own('2', 100000), own('3', 100000)]);
  // 2 has no card, 3 no price now, 4 no seller prices.
  await db.cards.bulkPut([card('1', 134500), card('3', null), card('4', 50000)]);
  const spp = await sppOf(db, 'wb', ['1', '2', '3', '4']);
  expect([...spp.keys()]).toEqual(['1']);
  expect(spp.get('1')).toEqual({ pct: 38.7, storefront: 134500, discounted: 219450, at: 1_000 });
  expect((await sppOf(db, 'ozon', ['1'])).size).toBe(0);
});

test('recordSpp: one point per item and WB day (a later reading replaces it); a move of 3 points or more against the previous day is a task', async () => {
  const DAY = 86_400_000;
  // 21:30 UTC is 00:30 the next day in Moscow: WB's day, not the UTC one.
  const t0 = Date.UTC(2026, 10, 28, 21, 30);
  expect(wbDay(t0)).toBe(Math.floor(Date.UTC(2026, 10, 29) / DAY));
  await db.ownPrices.bulkPut([own('1', 200000), own('2', 100000)]);
  await db.cards.bulkPut([card('1', 140000), card('2', 90000)]);
  expect(await recordSpp(db, t0)).toEqual([]);
  // Later the same day: replaced, still nothing to compare with.
  await db.cards.put(card('1', 130000));
  expect(await recordSpp(db, t0 + 3_600_000)).toEqual([]);
  expect(await db.sppPoints.count()).toBe(2);
  expect((await db.sppPoints.get(['wb', '1', wbDay(t0)]))?.pct).toBe(35);
  // Two days later: item 1's SPP 35 → 40 (a task), item 2's 10 → 12 (under SPP_MOVE_POINTS).
  await db.cards.bulkPut([card('1', 120000), card('2', 88000)]);
  const events = await recordSpp(db, t0 + 2 * DAY);
  expect(SPP_MOVE_POINTS).toBe(3);
  expect(events).toEqual([
    expect.objectContaining({
      kind: 'spp-change',
      marketplace: 'wb',
      id: '1',
      name: '1',
      from: 35,
      to: 40,
      read: 0,
      key: `wb:1:spp-change:${wbDay(t0) + 2}`,
    }),
  ]);
  expect(await db.sppPoints.count()).toBe(4);
});
