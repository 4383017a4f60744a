// WB's SPP on own items: the stored storefront card's price now against the seller's discounted price.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import type { OwnPrice } from '../../utils/marketplaces/wb/seller-prices';
import type { ProductCard } from '../../utils/model';
import { sppOf, sppPct } from '../../utils/own-numbers/spp';

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

test('sppOf: known where both prices are stored; absent without the card, the seller price or a price now', async () => {
  await db.ownPrices.bulkPut([own('1', 219450), own('2', 100000), own('3', 100000)]);
  const card = (id: string, priceNow: number | null): ProductCard => ({
    marketplace: 'wb',
    id,
    rootId: null,
    name: id,
    brand: '',
    seller: null,
    rating: null,
    reviewCount: 0,
    priceNow,
    priceBefore: null,
    priceCard: null,
    discountPct: null,
    sizes: [],
    stockTotal: 0,
    stockByWarehouse: [],
    stockKnown: true,
    photos: null,
    fetchedAt: 2_000,
  });
  // 2 has no card, 3 no price now, 4 no seller prices.
  await db.cards.bulkPut([card('1', 134500), card('3', null), card('4', 50000)]);
  const spp = await sppOf(db, 'wb', ['1', '2', '3', '4']);
  expect([...spp.keys()]).toEqual(['1']);
  expect(spp.get('1')).toEqual({ pct: 38.7, storefront: 134500, discounted: 219450, at: 1_000 });
  expect((await sppOf(db, 'ozon', ['1'])).size).toBe(0);
});
