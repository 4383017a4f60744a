import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import {
  addPoints,
  DB_VERSION,
  LupaDb,
  lastPoint,
  readAllSeries,
  readCard,
  readCards,
  readSeries,
  storesAt,
  validRows,
} from '../../utils/db';
import { PricePointSchema, type ProductCard, ProductCardSchema, type StockSnapshot } from '../../utils/model';
import { monthOf } from '../../utils/series';

// The schemas as each version shipped them, written out once: the assembled registry must keep
// producing exactly these, or databases in the field would not open.
/** v1: latest card per product, observed price points, stock snapshots, review summaries. */
const STORES_V1 = {
  cards: '&[marketplace+id], fetchedAt',
  pricePoints: '&[marketplace+productId+at]',
  stockSnapshots: '&[marketplace+productId+at]',
  reviewSummaries: '&[marketplace+rootId+at]',
  kv: '&key',
} as const;

/**
 * v2: price points also come from the marketplace's published history, so each carries its
 * `source`; v1 rows were all Lupa's own observations.
 */
const STORES_V2 = {
  ...STORES_V1,
  pricePoints: '&[marketplace+productId+at], source',
} as const;

/**
 * v3: listings and positions — search pages kept for ten minutes (shared by badges and scans),
 * one row per position check, and the queries the user tracks per product.
 */
const STORES_V3 = {
  ...STORES_V2,
  searchPages: '&[marketplace+query+sort+region+page], fetchedAt',
  positions: '&[marketplace+productId+query+region+at], [marketplace+productId]',
  positionQueries: '&[marketplace+productId+query], [marketplace+productId]',
} as const;

/** v4: twins — the user's links between a product and the same product on the other marketplace. */
const STORES_V4 = {
  ...STORES_V3,
  twins: '&[marketplace+id]',
} as const;

/** v5: the watchlist and the events its refreshes find (tasks). */
const STORES_V5 = {
  ...STORES_V4,
  watchlist: '&[marketplace+id], role',
  events: '&key, [marketplace+id], at, read',
} as const;

/** v6: the change log — what changed on a card between two looks. */
const STORES_V6 = {
  ...STORES_V5,
  changes: '&[marketplace+productId+at+field], [marketplace+productId]',
} as const;

/**
 * v7: the seller cabinet's pricing — which competitors each of the seller's own items is compared
 * with, and the item's cost price, commission and logistics (kept when history is thinned).
 */
const STORES_V7 = {
  ...STORES_V6,
  competitorLinks: '&[marketplace+mineId+competitorMarketplace+competitorId], [marketplace+mineId]',
  unitCosts: '&[marketplace+id]',
} as const;

/**
 * v8: the tasks carry `[read+kind+at]`, so the popup counts open tasks per kind and reads the newest
 * of each off the index (a large shop has thousands of open tasks).
 */
const STORES_V8 = {
  ...STORES_V7,
  events: '&key, [marketplace+id], at, read, [read+kind+at]',
} as const;

/** v9: the seller's own items and prices from WB's seller API (prices & discounts). */
const STORES_V9 = {
  ...STORES_V8,
  ownPrices: '&[marketplace+id], importedAt',
} as const;

/** v10: each own item's SPP by day (a task when it moves). */
const STORES_V10 = {
  ...STORES_V9,
  sppPoints: '&[marketplace+id+day]',
} as const;

/** v11: the complaint digest of each own item (topics of its 1–3★ reviews, 30 days against the 30 before). */
const STORES_V11 = {
  ...STORES_V10,
  complaintDigests: '&[marketplace+productId], at',
} as const;

/**
 * v12: supplies — each own item's stock at each WB warehouse by day, the seller's orders (one row per
 * order line), WB's warehouses, acceptance coefficients and the acceptance alerts raised.
 */
const STORES_V12 = {
  ...STORES_V11,
  supplyStocks: '&[nm+wh+day], day',
  ownOrders: '&srid, [nm+day], day',
  supplyWarehouses: '&id, name',
  acceptance: '&[wh+day+box], day',
  acceptanceAlerts: '&key',
} as const;

/** v13: the seller's buyouts and returns (statistics API sales), one row per sale line. */
const STORES_V13 = {
  ...STORES_V12,
  ownSales: '&saleID, [nm+day], day',
} as const;

/**
 * v14: price points and stock snapshots packed one row per product and calendar month (UTC), their
 * points as tuples sorted by time; the flat tables are moved in by the upgrade, then deleted.
 */
const STORES_V14 = {
  ...STORES_V13,
  pricePoints: null,
  stockSnapshots: null,
  priceMonths: '&[marketplace+productId+month]',
  stockMonths: '&[marketplace+productId+month]',
};

const SHIPPED = [
  STORES_V1,
  STORES_V2,
  STORES_V3,
  STORES_V4,
  STORES_V5,
  STORES_V6,
  STORES_V7,
  STORES_V8,
  STORES_V9,
  STORES_V10,
  STORES_V11,
  STORES_V12,
  STORES_V13,
  STORES_V14,
];

test('the tables the features declare assemble into exactly the schemas each version shipped', () => {
  expect(DB_VERSION).toBe(SHIPPED.length);
  for (const [i, stores] of SHIPPED.entries()) expect(storesAt(i + 1)).toEqual(stores);
});

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

test('a database written by version 1 opens after the upgrade with its data, price points marked as observed', async () => {
  const name = `lupa-upgrade-${Math.random()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(STORES_V1);
  await v1.table('pricePoints').bulkPut([
    { marketplace: 'wb', productId: '146972802', at: 1_700_000_000_000, price: 134500 },
    { marketplace: 'wb', productId: '146972802', at: 1_700_086_400_000, price: 129900 },
  ]);
  await v1.table('cards').put({ marketplace: 'wb', id: '146972802', fetchedAt: 1_700_086_400_000, name: 'Футболка' });
  v1.close();

  const db = new LupaDb(name);
  const points = await readAllSeries(db, 'pricePoints');
  expect(points.map((p) => p.source)).toEqual(['observed', 'observed']);
  expect(points.map((p) => p.price)).toEqual([134500, 129900]);
  expect(validRows(PricePointSchema, points, 'pricePoints')).toHaveLength(2);
  expect(await db.cards.count()).toBe(1);
  expect(db.verno).toBe(SHIPPED.length);
  db.close();
});

test('a database written by version 2 opens at the current version with its data and the new, empty tables', async () => {
  const name = `lupa-upgrade-v2-${Math.random()}`;
  names.push(name);
  const v2 = new Dexie(name);
  v2.version(1).stores(STORES_V1);
  v2.version(2).stores(STORES_V2);
  await v2.table('pricePoints').put({ marketplace: 'wb', productId: '1', at: 1, price: 100, source: 'history' });
  await v2.table('reviewSummaries').put({ marketplace: 'wb', rootId: '9', at: 1 });
  v2.close();

  const db = new LupaDb(name);
  expect(await readSeries(db, 'pricePoints', 'wb', '1')).toEqual([
    { marketplace: 'wb', productId: '1', at: 1, source: 'history', price: 100 },
  ]);
  expect(await db.reviewSummaries.count()).toBe(1);
  expect(await db.table('positions').count()).toBe(0);
  await db.table('positions').put({
    marketplace: 'wb',
    productId: '1',
    query: 'футболка',
    region: -1257786,
    at: 5,
    organic: 612,
    ad: null,
    cpm: null,
    page: 7,
    depth: 10,
  });
  expect(await db.table('positions').where('[marketplace+productId]').equals(['wb', '1']).count()).toBe(1);
  expect(await db.table('twins').count()).toBe(0);
  db.close();
});

test('a database written by version 3 opens at version 4; a v3 card without the Ozon fields still reads', async () => {
  const name = `lupa-upgrade-v3-${Math.random()}`;
  names.push(name);
  const v3 = new Dexie(name);
  v3.version(1).stores(STORES_V1);
  v3.version(2).stores(STORES_V2);
  v3.version(3).stores(STORES_V3);
  const card = {
    marketplace: 'wb',
    id: '146972802',
    rootId: '131566190',
    name: 'Футболка',
    brand: 'URBAN TIGER',
    seller: null,
    rating: 4.7,
    reviewCount: 3,
    priceNow: 134500,
    priceBefore: 299000,
    discountPct: 55,
    sizes: [],
    stockTotal: 5,
    stockByWarehouse: [],
    fetchedAt: 1,
  };
  await v3.table('cards').put(card);
  await v3.table('positionQueries').put({ marketplace: 'wb', productId: '146972802', query: 'футболка', addedAt: 1 });
  v3.close();

  const db = new LupaDb(name);
  expect(db.verno).toBe(SHIPPED.length);
  const read = validRows(ProductCardSchema, await db.cards.toArray(), 'cards');
  expect(read[0]).toMatchObject({ priceNow: 134500, priceCard: null, stockKnown: true });
  expect(await db.table('positionQueries').count()).toBe(1);
  db.close();
});

test('stored rows that no longer fit are skipped with one warning, never deleted', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const good = { marketplace: 'wb', productId: '1', at: 1, price: 100, source: 'observed' };
  const rows = validRows(PricePointSchema, [good, { ...good, price: '100 ₽' }, null], 'pricePoints');
  expect(rows).toEqual([good]);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toContain('2 stored row(s) in pricePoints');
  warn.mockRestore();
});

test.each([1, 2, 3, 4, 5, 6, 7, 8, 13])(
  'a database written by version %i opens at the current version with every row it had',
  async (version) => {
    const all = SHIPPED;
    const name = `lupa-every-${version}`;
    names.push(name);
    const old = new Dexie(name);
    for (let v = 1; v <= version; v++) old.version(v).stores(all[v - 1] as Record<string, string>);
    await old.open();
    // Rows carrying just their keys: the point is that no upgrade loses or rewrites them.
    const rows: Record<string, object[]> = {
      cards: [{ marketplace: 'wb', id: '1', fetchedAt: 1 }],
      pricePoints: [1, 2, 3].map((at) => ({ marketplace: 'wb', productId: '1', at, price: 100 * at })),
      stockSnapshots: [{ marketplace: 'wb', productId: '1', at: 1 }],
      reviewSummaries: [{ marketplace: 'wb', rootId: '9', at: 1 }],
      kv: [{ key: 'basket:1', value: 1 }],
      searchPages: [{ marketplace: 'wb', query: 'q', sort: 'popular', region: -1, page: 1, fetchedAt: 1 }],
      positions: [{ marketplace: 'wb', productId: '1', query: 'q', region: -1, at: 1 }],
      positionQueries: [{ marketplace: 'wb', productId: '1', query: 'q' }],
      twins: [{ marketplace: 'wb', id: '1' }],
      watchlist: [{ marketplace: 'wb', id: '1', role: 'mine' }],
      events: [{ key: 'r:wb:1:price-move', marketplace: 'wb', id: '1', kind: 'price-move', at: 1, read: 0 }],
      changes: [{ marketplace: 'wb', productId: '1', at: 1, field: 'price' }],
      competitorLinks: [{ marketplace: 'wb', mineId: '1', competitorMarketplace: 'wb', competitorId: '2' }],
      unitCosts: [{ marketplace: 'wb', id: '1' }],
    };
    const written: Record<string, number> = {};
    for (const table of old.tables) {
      await table.bulkPut(rows[table.name] ?? []);
      written[table.name] = await table.count();
    }
    old.close();

    const db = new LupaDb(name);
    await db.open();
    expect(db.verno).toBe(SHIPPED.length);
    // The flat history is in its month rows, point for point (even a snapshot carrying only its key).
    const packed = { pricePoints: 'priceMonths', stockSnapshots: 'stockMonths' } as Record<string, string>;
    const points = async (table: string) => ((await db.table(table).toArray()) as Array<{ points: unknown[] }>).flatMap((r) => r.points);
    for (const [table, count] of Object.entries(written))
      expect(packed[table] ? (await points(packed[table])).length : await db.table(table).count(), table).toBe(count);
    expect(db.tables.map((t) => t.name)).not.toContain('pricePoints');
    if (version === 1) expect((await points('priceMonths')).every((p) => (p as unknown[])[2] === 'observed')).toBe(true);
    if (version < 7) expect(await db.table('competitorLinks').count()).toBe(0);
    // The tasks an older version stored are found by the v8 index.
    if (version >= 5) expect(await db.events.where('[read+kind+at]').between([0, '', 0], [0, '\uffff', Infinity]).count()).toBe(1);
    db.close();
  },
);

test('stored cards are read in the order asked, with a gap where none is stored or the stored one no longer fits', async () => {
  const name = `lupa-read-cards-${Math.random()}`;
  names.push(name);
  const db = new LupaDb(name);
  const card = (marketplace: 'wb' | 'ozon', id: string): ProductCard => ({
    marketplace,
    id,
    rootId: null,
    name: `${marketplace} ${id}`,
    brand: '',
    seller: null,
    rating: 4.7,
    reviewCount: 3,
    priceNow: 134500,
    priceBefore: null,
    priceCard: null,
    discountPct: null,
    sizes: [],
    stockTotal: 0,
    stockByWarehouse: [],
    stockKnown: false,
    photos: null,
    fetchedAt: 1,
  });
  await db.cards.bulkPut([card('wb', '146972802'), card('ozon', '1649246352'), card('ozon', '146972802')]);
  // A row written by a bug: a rating out of range.
  await db.cards.put({ ...card('wb', '255012877'), rating: 7 });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const read = await readCards(db, [
    { marketplace: 'ozon', id: '146972802' },
    { marketplace: 'wb', id: '98765432' },
    { marketplace: 'wb', id: '255012877' },
    { marketplace: 'wb', id: '146972802' },
    { marketplace: 'ozon', id: '1649246352' },
  ]);
  expect(read.map((c) => (c ? `${c.marketplace}:${c.id}` : undefined))).toEqual([
    'ozon:146972802',
    undefined,
    undefined,
    'wb:146972802',
    'ozon:1649246352',
  ]);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(await readCards(db, [])).toEqual([]);
  expect((await readCard(db, { marketplace: 'ozon', id: '1649246352' }))?.name).toBe('ozon 1649246352');
  expect(await readCard(db, { marketplace: 'wb', id: '1649246352' })).toBeUndefined();
  expect(await readCard(db, { marketplace: 'wb', id: '255012877' })).toBeUndefined();
  warn.mockRestore();
  db.close();
});

const point = (productId: string, at: number, price: number, source: 'observed' | 'history' = 'observed') => ({
  marketplace: 'wb' as const,
  productId,
  at,
  price,
  source,
});

test("a product's series is read between its times, from its own product only, a point that no longer fits skipped", async () => {
  const name = `lupa-read-series-${Math.random()}`;
  names.push(name);
  const db = new LupaDb(name);
  await addPoints(db, 'pricePoints', [point('146972802', 100, 134500), point('146972802', 200, 129900), point('146972802', 300, 131000)]);
  await addPoints(db, 'pricePoints', [point('255012877', 200, 189000)]);
  // A point that no longer fits, written into the month row by hand: the row's other points still read.
  const row = await db.priceMonths.get(['wb', '146972802', 0]);
  await db.priceMonths.put({ ...row!, points: [...row!.points.slice(0, 2), [250, -5, 'observed'], ...row!.points.slice(2)] });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // From 150 up to, not including, 300.
  const rows = await readSeries(db, 'pricePoints', 'wb', '146972802', 150, 300);
  expect(rows.map((r) => [r.at, r.price])).toEqual([[200, 129900]]);
  expect(warn).toHaveBeenCalledTimes(1);
  expect((await readSeries(db, 'pricePoints', 'wb', '146972802')).map((r) => r.at)).toEqual([100, 200, 300]);
  warn.mockRestore();
  db.close();
});

test('a series across month edges: one row per month, read by [from, to) whichever months that spans', async () => {
  const name = `lupa-month-edges-${Math.random()}`;
  names.push(name);
  const db = new LupaDb(name);
  const dec1 = Date.UTC(2025, 11, 1);
  const jan1 = Date.UTC(2026, 0, 1);
  const feb1 = Date.UTC(2026, 1, 1);
  const ats = [dec1 - 1, dec1, jan1 - 1, jan1, jan1 + 1, feb1 - 1, feb1];
  // Written out of order, in two goes.
  await addPoints(
    db,
    'pricePoints',
    [...ats.slice(3), ...ats.slice(0, 1)].map((at, i) => point('1', at, 1000 + i)),
  );
  await addPoints(
    db,
    'pricePoints',
    ats.slice(1, 3).map((at) => point('1', at, 2000)),
  );
  // Nov, Dec, Jan, Feb: each month's points in its own row, in time order.
  expect((await db.priceMonths.toArray()).map((r) => [r.month, r.points.map((p) => p[0])])).toEqual([
    [Date.UTC(2025, 10, 1), [dec1 - 1]],
    [dec1, [dec1, jan1 - 1]],
    [jan1, [jan1, jan1 + 1, feb1 - 1]],
    [feb1, [feb1]],
  ]);
  const at = async (from: number, to: number) => (await readSeries(db, 'pricePoints', 'wb', '1', from, to)).map((p) => p.at);
  expect(await at(0, Number.MAX_SAFE_INTEGER)).toEqual(ats);
  // `to` exclusive on a month's first instant: that month's row is not needed.
  expect(await at(dec1, jan1)).toEqual([dec1, jan1 - 1]);
  expect(await at(jan1 - 1, jan1 + 1)).toEqual([jan1 - 1, jan1]);
  expect(await at(feb1 - 1, feb1)).toEqual([feb1 - 1]);
  expect(await at(jan1, jan1)).toEqual([]);
  expect(monthOf(jan1 - 1)).toBe(dec1);
  expect(monthOf(jan1)).toBe(jan1);
  db.close();
});

test('a point at an instant the series has replaces it; the latest point is found across months', async () => {
  const name = `lupa-add-points-${Math.random()}`;
  names.push(name);
  const db = new LupaDb(name);
  const jan = Date.UTC(2026, 0, 10);
  const feb = Date.UTC(2026, 1, 10);
  await addPoints(db, 'pricePoints', [point('1', jan, 100, 'observed'), point('1', feb, 200, 'history')]);
  // The same instant from the marketplace's history: it replaces Lupa's own, as the flat table's key did.
  await addPoints(db, 'pricePoints', [point('1', jan, 150, 'history')]);
  expect((await readSeries(db, 'pricePoints', 'wb', '1')).map((p) => [p.at, p.price, p.source])).toEqual([
    [jan, 150, 'history'],
    [feb, 200, 'history'],
  ]);
  await addPoints(db, 'pricePoints', [point('1', jan - 1, 90, 'observed')]);
  expect(await lastPoint(db, 'pricePoints', 'wb', '1')).toMatchObject({ at: feb, price: 200 });
  // The latest of Lupa's own observations is a month earlier.
  expect(await lastPoint(db, 'pricePoints', 'wb', '1', (p) => p.source === 'observed')).toMatchObject({ at: jan - 1, price: 90 });
  expect(await lastPoint(db, 'pricePoints', 'wb', '2')).toBeUndefined();
  db.close();
});

test('a database written by version 13 opens with its history packed by month, every field kept', async () => {
  const name = `lupa-upgrade-v13-${Math.random()}`;
  names.push(name);
  const v13 = new Dexie(name);
  for (let v = 1; v <= 13; v++) v13.version(v).stores(SHIPPED[v - 1] as Record<string, string>);
  const day = 86_400_000;
  const start = Date.UTC(2025, 11, 20);
  const prices = ['146972802', '255012877'].flatMap((id, p) =>
    Array.from({ length: 40 }, (_, d) => point(id, start + d * day, 100000 + p * 1000 + d, d % 2 ? 'history' : 'observed')),
  );
  const stock: StockSnapshot[] = Array.from({ length: 40 }, (_, d) => ({
    marketplace: 'wb',
    productId: '146972802',
    at: start + d * day + 3_600_000,
    total: 40 - d,
    byWarehouse: [
      { warehouseId: 507, qty: 30 - d },
      { warehouseId: 117986, qty: 10 },
    ],
  }));
  await v13.table('pricePoints').bulkPut(prices);
  await v13.table('stockSnapshots').bulkPut(stock);
  v13.close();

  const db = new LupaDb(name);
  let steps = 0;
  db.onUpgradeStep = () => steps++;
  await db.open();
  expect(db.verno).toBe(14);
  // Told between pages of the move (the background keeps its worker awake there).
  expect(steps).toBeGreaterThan(0);
  expect(db.tables.map((t) => t.name)).not.toContain('stockSnapshots');
  // 40 days from 20 December end on 28 January: two month rows a product.
  expect(await db.priceMonths.count()).toBe(4);
  expect(await db.stockMonths.count()).toBe(2);
  expect(await readSeries(db, 'pricePoints', 'wb', '146972802')).toEqual(prices.slice(0, 40));
  expect(await readSeries(db, 'pricePoints', 'wb', '255012877')).toEqual(prices.slice(40));
  expect(await readSeries(db, 'stockSnapshots', 'wb', '146972802')).toEqual(stock);
  db.close();
});
