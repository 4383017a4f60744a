import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { storeCards } from '../../utils/card-store';
import { diffCards } from '../../utils/changes';
import { LupaDb } from '../../utils/db';
import type { ProductCard } from '../../utils/model';

const card = (over: Partial<ProductCard> = {}): ProductCard => ({
  marketplace: 'wb',
  id: '211695539',
  rootId: '194853712',
  name: 'Кроссовки мужские для бега',
  brand: 'STRIDE',
  seller: null,
  rating: 4.5,
  reviewCount: 412,
  priceNow: 459000,
  priceBefore: 459000,
  priceCard: null,
  discountPct: 0,
  sizes: [],
  stockTotal: 40,
  stockByWarehouse: [],
  stockKnown: true,
  photos: 8,
  fetchedAt: 1,
  ...over,
});

test.each([
  [{}, []],
  [
    { priceNow: 399000, discountPct: 13 },
    [
      { field: 'price', from: 459000, to: 399000 },
      { field: 'discount', from: 0, to: 13 },
    ],
  ],
  [
    { name: 'Кроссовки мужские для бега, сетка' },
    [{ field: 'title', from: 'Кроссовки мужские для бега', to: 'Кроссовки мужские для бега, сетка' }],
  ],
  [{ name: ' Кроссовки мужские для бега ' }, []],
  [{ photos: 11 }, [{ field: 'photos', from: 8, to: 11 }]],
  [{ photos: null }, []],
  [{ rating: 4.4 }, [{ field: 'rating', from: 4.5, to: 4.4 }]],
  [{ rating: 4.52 }, []],
  [{ priceNow: null, discountPct: null }, [{ field: 'stock', from: true, to: false }]],
])('%j → %j', (after, changes) => {
  expect(diffCards(card(), card(after))).toEqual(changes);
});

test('back in stock at a new price is one stock change (no price move from "no price")', () => {
  expect(diffCards(card({ priceNow: null }), card({ priceNow: 399000 }))).toEqual([{ field: 'stock', from: false, to: true }]);
});

test('storing cards writes the change log against the card stored before, append-only', async () => {
  const db = new LupaDb(`changes-${Math.random()}`);
  await storeCards(db, [card()]);
  await storeCards(db, [card({ priceNow: 399000, discountPct: 13, fetchedAt: 2 })]);
  await storeCards(db, [card({ priceNow: 399000, discountPct: 13, photos: 9, fetchedAt: 3 })]);
  const rows = await db.changes.where('[marketplace+productId]').equals(['wb', '211695539']).sortBy('at');
  expect(rows.map((r) => [r.at, r.field, r.to])).toEqual([
    [2, 'discount', 13],
    [2, 'price', 399000],
    [3, 'photos', 9],
  ]);
  await db.delete();
});
