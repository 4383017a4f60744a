import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { addPoints, LupaDb } from '../../utils/db';
import { createSummaryService } from '../../utils/listing-summary/service';
import { bandWidth, bidLadder, breakEvenCpm, priceBands, type SummaryTile, summarise } from '../../utils/listing-summary/summary';
import { createListingTiles, PROBLEM_SHARED_MS } from '../../utils/listing-tiles';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import { Net } from '../../utils/net';
import { createSearchPages } from '../../utils/search-pages';
import { categoryList, searchPage } from '../fixtures/wb/search.mjs';
import { fakeMarket } from './fixture-transport';

const tile = (over: Partial<SummaryTile> = {}): SummaryTile => ({
  id: '1',
  name: 'Чехол',
  brand: 'Spigen',
  seller: { id: '10', name: 'ООО «Кейсмаркет»' },
  displayed: 1,
  position: 1,
  ad: null,
  priceNow: 100_000,
  rating: 4.8,
  reviewCount: 10,
  ordersPerDay: null,
  ...over,
});

describe('the summary of a page', () => {
  test('median price, ad share, sellers, brands with the top brands, median rating and reviews', () => {
    const s = summarise([
      tile({ id: '1', priceNow: 50_000, brand: 'A', seller: { id: 's1', name: '' }, rating: 4, reviewCount: 5 }),
      tile({
        id: '2',
        priceNow: 70_000,
        brand: 'A',
        seller: { id: 's2', name: '' },
        rating: 5,
        reviewCount: 100,
        ad: { position: 2, cpm: 30_000 },
      }),
      tile({ id: '3', priceNow: 90_000, brand: 'B', seller: { id: 's1', name: '' }, rating: null, reviewCount: 0 }),
      tile({ id: '4', priceNow: null, brand: 'C', seller: null, rating: 4.5, reviewCount: 7 }),
      tile({ id: '5', priceNow: 10_001, brand: 'D', seller: { id: 's3', name: '' }, rating: 4.9, reviewCount: 3 }),
    ]);
    expect(s).toMatchObject({
      tiles: 5,
      priced: 4,
      medianPrice: 60_000,
      ads: 1,
      adSharePct: 20,
      sellers: 3,
      brands: 4,
      topBrandsSharePct: 80,
      medianRating: 4.7,
      medianReviews: 5,
      covered: 0,
      ordersPerDay: null,
      revenuePerDay: null,
    });
    expect(s.topBrands).toEqual([
      { brand: 'A', count: 2, sharePct: 40 },
      { brand: 'B', count: 1, sharePct: 20 },
      { brand: 'C', count: 1, sharePct: 20 },
    ]);
  });

  test('estimated orders and revenue cover only the cards Lupa has stock history on, and say how many', () => {
    const s = summarise([
      tile({ id: '1', ordersPerDay: 2.5, priceNow: 100_000 }),
      tile({ id: '2', ordersPerDay: 1, priceNow: null }),
      tile({ id: '3', ordersPerDay: null, priceNow: 200_000 }),
    ]);
    expect(s).toMatchObject({ covered: 2, ordersPerDay: 3.5, revenuePerDay: 250_000 });
  });

  test('no tiles: nothing to say, and nothing made up', () => {
    expect(summarise([])).toMatchObject({
      tiles: 0,
      medianPrice: null,
      bands: [],
      adSharePct: null,
      sellers: null,
      brands: null,
      medianRating: null,
    });
  });

  test('a listing that does not mark its ads (Ozon) has an unknown ad share, not 0 %', () => {
    const tiles = [tile({ id: '1' }), tile({ id: '2' })];
    expect(summarise(tiles, false)).toMatchObject({ tiles: 2, adSharePct: null });
    expect(summarise(tiles)).toMatchObject({ tiles: 2, adSharePct: 0 });
  });

  test('Ozon tiles name no brand or seller: those read as unknown, not zero', () => {
    expect(summarise([tile({ brand: '', seller: null })])).toMatchObject({
      brands: null,
      sellers: null,
      topBrands: [],
      topBrandsSharePct: null,
    });
  });
});

describe('price bands', () => {
  test('a band of one card is that one price', () => {
    expect(priceBands([123_400])).toEqual([[123_400, 123_400, 1]]);
    expect(priceBands([500, 500, 500])).toEqual([[500, 500, 3]]);
  });

  test('round edges, every price in exactly one band, the last band holding the top price', () => {
    const prices = [99_000, 120_000, 150_000, 151_000, 300_000, 499_000, 499_900].sort((a, b) => a - b);
    const bands = priceBands(prices);
    expect(bands.length).toBeLessThanOrEqual(9);
    expect(bands.reduce((n, b) => n + b[2], 0)).toBe(prices.length);
    const width = bands[0]![1] - bands[0]![0];
    expect(width).toBe(bandWidth(499_900 - 99_000));
    expect([100, 200, 250, 500].some((step) => width % step === 0 && String(width / step).match(/^10*$/))).toBe(true);
    for (const p of prices) {
      const inside = bands.filter(([from, to], i) => p >= from && (p < to || (i === bands.length - 1 && p <= to)));
      expect(inside).toHaveLength(1);
    }
    expect(bands[0]![0]).toBeLessThanOrEqual(99_000);
  });

  test('a band is at least a ruble wide', () => {
    expect(bandWidth(3)).toBe(100);
  });
});

describe('bid ladder and break-even CPM', () => {
  test('every ad by slot with its page, bid and organic place; a bid WB does not name stays unknown', () => {
    const slots = bidLadder(
      [
        tile({ id: 'b', ad: { position: 101, cpm: 26_000 }, position: 250 }),
        tile({ id: 'x' }),
        tile({ id: 'a', ad: { position: 12, cpm: null }, position: 77 }),
      ],
      100,
    );
    expect(slots).toEqual([
      { slot: 12, page: 1, id: 'a', name: 'Чехол', cpm: null, organic: 77 },
      { slot: 101, page: 2, id: 'b', name: 'Чехол', cpm: 26_000, organic: 250 },
    ]);
  });

  test('break-even CPM is CTR × conversion × margin × 1000, and nothing until the margin is known', () => {
    // 3 % of 1000 views click, 5 % of those order, 500 ₽ a order: 1.5 orders, 750 ₽ per 1000 views.
    expect(breakEvenCpm({ marginPerOrder: 50_000, ctrPct: 3, conversionPct: 5 })).toBe(75_000);
    expect(breakEvenCpm({ marginPerOrder: null, ctrPct: 3, conversionPct: 5 })).toBeNull();
    expect(breakEvenCpm({ marginPerOrder: 50_000, ctrPct: 0, conversionPct: 5 })).toBe(0);
  });
});

describe('the summary service', () => {
  let db: LupaDb;
  const clock = Date.parse('2026-11-20T10:00:00Z');
  beforeEach(() => {
    db = new LupaDb(`summary-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  test('tiles from the search page with sellers and ads; an estimate only where Lupa has stock history', async () => {
    const market = fakeMarket(() => clock);
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
    const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786, now: () => clock });
    const searchPages = createSearchPages({ db, wb, now: () => clock });
    const tiles = createListingTiles({ db, wb, searchPages, now: () => clock });
    const summary = createSummaryService({ db, tiles, now: () => clock });
    const products = (searchPage('чехол для телефона', 1).products ?? []) as Array<{ id: number; log?: { cpm?: number } }>;
    const noCpm = products.find((p) => p.log && p.log.cpm === undefined)!;
    const first = String(products[5]!.id);
    // Three daily looks at its stock: 100, 90, 80 — ten a day.
    await addPoints(
      db,
      'stockSnapshots',
      [100, 90, 80].map((total, i) => ({
        marketplace: 'wb' as const,
        productId: first,
        at: clock - (2 - i) * 86_400_000,
        total,
        byWarehouse: [],
      })),
    );
    const reply = await summary({
      marketplace: 'wb',
      listing: { type: 'search', query: 'чехол для телефона', sort: 'popular' },
      tiles: products.map((p, index) => ({ id: String(p.id), index })),
    });
    expect(reply.state).toBe('fresh');
    expect(reply.tiles).toHaveLength(100);
    expect(reply.tiles.find((t) => t.id === first)?.ordersPerDay).toBe(10);
    expect(reply.tiles.filter((t) => t.ordersPerDay !== null)).toHaveLength(1);
    expect(reply.tiles.find((t) => t.id === String(noCpm.id))?.ad).toEqual({ position: 12, cpm: null });
    expect(reply.tiles[0]?.seller?.name).toMatch(/Кейсмаркет|Орлова|Гаджет/);
    expect(market.calls).toHaveLength(1);
  });
});

test('two features asking for the same category tiles at once share one card batch, and both get every tile', async () => {
  const db = new LupaDb(`tiles-${Math.random()}`);
  const clock = Date.parse('2026-11-20T10:00:00Z');
  const market = fakeMarket(() => clock);
  const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
  const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786, now: () => clock });
  const tiles = createListingTiles({ db, wb, searchPages: createSearchPages({ db, wb, now: () => clock }), now: () => clock });
  const asked = categoryList()
    .slice(0, 100)
    .map((p: { id: number }, index: number) => ({ id: String(p.id), index }));
  const ask = { marketplace: 'wb' as const, listing: { type: 'catalog' as const, key: '/catalog/x' }, tiles: asked };
  const [a, b] = await Promise.all([tiles(ask), tiles(ask)]);
  expect(a.tiles).toHaveLength(100);
  expect(b.tiles).toHaveLength(100);
  expect(market.calls.filter((u) => u.includes('/cards/v4/detail'))).toHaveLength(1);
  await db.delete();
});

test('a listing that just failed answers the summary with that problem, asking the marketplace nothing more', async () => {
  const db = new LupaDb(`tiles-${Math.random()}`);
  let clock = Date.parse('2026-11-20T10:00:00Z');
  const market = fakeMarket(() => clock);
  const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
  const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786, now: () => clock });
  const tiles = createListingTiles({ db, wb, searchPages: createSearchPages({ db, wb, now: () => clock }), now: () => clock });
  const summary = createSummaryService({ db, tiles, now: () => clock });
  market.fail(/exactmatch/, { status: 200, body: '{"catalog":[]}' }, 100);
  const ask = {
    marketplace: 'wb' as const,
    listing: { type: 'search' as const, query: 'чехол для телефона', sort: 'popular' },
    tiles: [{ id: '1', index: 0 }],
  };
  expect((await tiles(ask)).problem?.kind).toBe('format-changed');
  const calls = market.calls.length;
  expect(await summary(ask)).toMatchObject({ state: 'format-changed', tiles: [] });
  expect(market.calls.length).toBe(calls);
  clock += PROBLEM_SHARED_MS;
  await summary(ask);
  expect(market.calls.length).toBeGreaterThan(calls);
  await db.delete();
});

test('what a seller types as margin and percents: sums with kopecks, commas and spaces; anything else is not taken', async () => {
  const { parsePct, parseRub } = await import('../../components/listing-summary/bar');
  expect(parseRub('500')).toBe(50_000);
  expect(parseRub('1 234,5 ₽')).toBe(123_450);
  expect(parseRub('12.345')).toBeNull();
  expect(parseRub('-5')).toBeNull();
  expect(parseRub('пятьсот')).toBeNull();
  expect(parsePct('2,5')).toBe(2.5);
  expect(parsePct('3 %')).toBe(3);
  expect(parsePct('101')).toBeNull();
  expect(parsePct('')).toBeNull();
});
