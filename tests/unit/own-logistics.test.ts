// WB's logistics on own items: box tariffs read as WB sends them (strings with a decimal comma, "-"
// for none), package volume from the content API's cards (cursor pages), the tariff of the warehouse
// holding most of the item's stock (by the storefront's name), the median where it has none.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { kvFamily, LupaDb } from '../../utils/db';
import { KERNEL_KV } from '../../utils/kv-keys';
import { createSellerClient, type GroupState } from '../../utils/marketplaces/wb/seller-client';
import { CardsPageSchema, cardSizes, nextCursor } from '../../utils/marketplaces/wb/seller-content';
import type { SellerGroup } from '../../utils/marketplaces/wb/seller-limits';
import { BoxTariffsSchema, boxRates, logisticsOf } from '../../utils/marketplaces/wb/seller-tariffs';
import type { ProductCard } from '../../utils/model';
import { createLogistics, medianLogistics, rateFor } from '../../utils/own-numbers/logistics';
import { boxTariffs, cardsListPage, dimensionsOf, SHOP } from '../fixtures/wb/seller-shop.mjs';
import { makeSellerToken } from '../fixtures/wb/seller-token.mjs';
import { productCard } from './product-card';

const headers = { retry: null, reset: null, remaining: null, retryAfter: null };

test('box tariffs: kopecks from strings with a decimal comma; a warehouse with "-" left out', () => {
  const { rates, dropped } = boxRates(BoxTariffsSchema.parse(boxTariffs()));
  expect(rates).toContainEqual(['Коледино', 4600, 1400]);
  expect(rates).toContainEqual(['Подольск', 5060, 1540]);
  expect(rates.map((r) => r[0])).not.toContain('Казань');
  expect(dropped).toBe(1);
});

test('logistics of a unit: the first litre at the base, each further started litre at the rate', () => {
  const koledino: [string, number, number] = ['Коледино', 4600, 1400];
  expect(logisticsOf(koledino, 0.4)).toBe(4600);
  expect(logisticsOf(koledino, 1)).toBe(4600);
  expect(logisticsOf(koledino, 2.25)).toBe(4600 + 2 * 1400);
  expect(logisticsOf(koledino, 3)).toBe(4600 + 2 * 1400);
});

test("a warehouse by the storefront's name (or the start of WB's longer one); the median over all", () => {
  const { rates } = boxRates(BoxTariffsSchema.parse(boxTariffs()));
  expect(rateFor(rates, 'Коледино')?.[0]).toBe('Коледино');
  expect(rateFor(rates, 'Санкт-Петербург')?.[0]).toBe('Санкт-Петербург Уткина Заводь');
  expect(rateFor(rates, 'Казань')).toBeUndefined();
  const sorted = rates.map((r) => logisticsOf(r, 2)).sort((a, b) => a - b);
  expect(medianLogistics(rates, 2)).toBe(sorted[sorted.length >> 1]);
  expect(medianLogistics([], 2)).toBeNull();
});

test('cards: volume in litres from the package in cm; none without dimensions; the cursor until a short page', () => {
  const first = CardsPageSchema.parse(cardsListPage({ settings: { cursor: { limit: 20 } } }));
  const { sizes } = cardSizes(first);
  expect(sizes).toHaveLength(20);
  for (const [nm, subject, liters] of sizes) {
    const d = dimensionsOf(nm);
    expect(subject).toBe(192);
    expect(liters).toBe(d ? Math.round((d.length * d.width * d.height) / 10) / 100 : null);
  }
  expect(nextCursor(first, 20)).toMatchObject({ nmID: sizes[19]?.[0] });
  const last = CardsPageSchema.parse(cardsListPage({ settings: { cursor: { limit: 100 } } }));
  expect(nextCursor(last)).toBeNull();
});

let db: LupaDb;
beforeEach(() => {
  db = new LupaDb(`own-logistics-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

test("each own item: its main warehouse's tariff for its volume; a refusal not asked again at once; no token, nothing", async () => {
  const asked: string[] = [];
  let refuse = false;
  const state = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
  let token = makeSellerToken({ categories: ['Content'] });
  let now = Date.UTC(2026, 10, 30, 12);
  const client = createSellerClient({
    token: async () => token,
    store: { get: (g) => state(g).get(db), set: (g, s) => state(g).set(db, s) },
    sleep: async () => {},
    now: () => now,
    transport: async ({ url, body }) => {
      asked.push(new URL(url).pathname);
      if (refuse) return { status: 500, body: '{}', headers };
      const answer = url.includes('/tariffs/box') ? boxTariffs() : cardsListPage(JSON.parse(body ?? '{}'));
      return { status: 200, body: JSON.stringify(answer), headers };
    },
  });
  const logistics = createLogistics({ db, client, now: () => now });
  const withDims = SHOP.filter((g) => dimensionsOf(g.nmID)).slice(0, 2);
  const without = SHOP.find((g) => !dimensionsOf(g.nmID)) as (typeof SHOP)[number];
  const card = (id: number, stock: Array<[string, number]>): ProductCard =>
    productCard({
      marketplace: 'wb',
      id: String(id),
      stockByWarehouse: stock.map(([name, qty], i) => ({ warehouseId: i + 1, name, qty, deliveryHours: null })),
    });

  const [a, b] = withDims as [(typeof SHOP)[number], (typeof SHOP)[number]];
  // a: most stock in Коледино; b: most in Казань, which has no tariff (the median then).
  await db.cards.bulkPut([
    card(a.nmID, [
      ['Тула', 3],
      ['Коледино', 40],
    ]),
    card(b.nmID, [['Казань', 9]]),
  ]);
  const got = await logistics.of('wb', [String(a.nmID), String(b.nmID), String(without.nmID)]);
  const litersOf = (nm: number) => {
    const d = dimensionsOf(nm) as { length: number; width: number; height: number };
    return Math.round((d.length * d.width * d.height) / 10) / 100;
  };
  expect(got.get(String(a.nmID))).toEqual({
    kopecks: logisticsOf(['Коледино', 4600, 1400], litersOf(a.nmID)),
    warehouse: 'Коледино',
    liters: litersOf(a.nmID),
  });
  const { rates } = boxRates(BoxTariffsSchema.parse(boxTariffs()));
  expect(got.get(String(b.nmID))).toEqual({ kopecks: medianLogistics(rates, litersOf(b.nmID)), warehouse: null, liters: litersOf(b.nmID) });
  expect(got.has(String(without.nmID))).toBe(false);
  expect(asked.filter((p) => p === '/api/v1/tariffs/box')).toHaveLength(1);

  // A day later WB refuses: the old data is used, and it is not asked again on the next view.
  now += 86_400_000;
  refuse = true;
  asked.length = 0;
  expect((await logistics.of('wb', [String(a.nmID)])).get(String(a.nmID))?.warehouse).toBe('Коледино');
  const tries = asked.length;
  expect(tries).toBeGreaterThan(0);
  await logistics.of('wb', [String(a.nmID)]);
  expect(asked.length).toBe(tries);

  // Without a token: nothing asked, and nothing new.
  const fresh = createLogistics({ db: new LupaDb(`own-logistics-${Math.random()}`), client, now: () => now });
  token = '';
  asked.length = 0;
  expect((await fresh.of('wb', [String(a.nmID)])).size).toBe(0);
  expect(asked).toEqual([]);
});
