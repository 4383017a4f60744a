// The seller's own sales from WB's sales funnel: the fixture shop's pages read into kopecks (an odd
// line skipped), the periods ending yesterday (WB's day) read 7 and 30 first and kept as they come
// (a wait resumes with what is missing), per-item figures, and the orders-drop rule.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { addPoints, kvFamily, LupaDb } from '../../utils/db';
import { KERNEL_KV } from '../../utils/kv-keys';
import { createSellerClient, type GroupState, type SellerResponse } from '../../utils/marketplaces/wb/seller-client';
import { FunnelPageSchema, funnelRows } from '../../utils/marketplaces/wb/seller-funnel';
import type { SellerGroup } from '../../utils/marketplaces/wb/seller-limits';
import { calibrate, compare, correctionFor } from '../../utils/own-numbers/calibration';
import { createFunnel, ordersDrops, salesOf } from '../../utils/own-numbers/funnel';
import { wbDay } from '../../utils/own-numbers/spp';
import type { OwnFunnel } from '../../utils/own-numbers/tables';
import { dayNumber, funnelPage, funnelPeriod, QUIET_ITEMS, SHOP } from '../fixtures/wb/seller-shop.mjs';
import { makeSellerToken } from '../fixtures/wb/seller-token.mjs';

const headers = { retry: null, reset: null, remaining: null, retryAfter: null };
let db: LupaDb;
let now: number;
let bodies: Array<{ selectedPeriod: { start: string; end: string }; offset: number; limit: number }>;
let override: Map<number, SellerResponse>;

function funnel(token = makeSellerToken({ categories: ['Analytics'] }), pageSize = 20) {
  const state = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
  const client = createSellerClient({
    token: async () => token,
    store: { get: (g) => state(g).get(db), set: (g, s) => state(g).set(db, s) },
    // The bucket's waits pass on the test's clock.
    sleep: async (ms) => {
      now += ms;
    },
    now: () => now,
    transport: async ({ body }) => {
      const n = bodies.push(JSON.parse(body ?? '{}')) - 1;
      return override.get(n) ?? { status: 200, body: JSON.stringify(funnelPage(bodies[n] as never)), headers };
    },
  });
  return createFunnel({ db, client, now: () => now, pageSize });
}

beforeEach(() => {
  db = new LupaDb(`own-funnel-${Math.random()}`);
  // 22:00 UTC on 30 Nov is 01:00 on 1 Dec in Moscow: yesterday is 30 Nov.
  now = Date.UTC(2026, 10, 30, 22, 0);
  bodies = [];
  override = new Map();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

test('a page: counts and sums per item, rubles into kopecks, a line with a count as a string skipped', () => {
  const page = FunnelPageSchema.parse(funnelPage({ selectedPeriod: { start: '2026-11-24', end: '2026-11-30' } }));
  const { rows, got, dropped } = funnelRows(page);
  expect(got).toBe(SHOP.length - QUIET_ITEMS.length);
  expect(dropped).toBe(1);
  const good = SHOP[0] as (typeof SHOP)[number];
  const want = funnelPeriod(good, dayNumber('2026-11-24'), dayNumber('2026-11-30'));
  expect(rows[0]).toEqual([
    good.nmID,
    want.openCount,
    want.cartCount,
    want.orderCount,
    want.orderSum * 100,
    want.buyoutCount,
    want.buyoutSum * 100,
  ]);
  expect(FunnelPageSchema.safeParse({ products: [] }).success).toBe(false);
});

test('the periods end yesterday (WB day), 7 and 30 first, each paged; figures per item; a quiet item is zero', async () => {
  const f = funnel();
  const read = await f.run();
  expect(read).not.toHaveProperty('kind');
  const yesterday = wbDay(now) - 1;
  expect(yesterday).toBe(dayNumber('2026-11-30'));
  const periods = bodies.filter((b) => b.offset === 0).map((b) => b.selectedPeriod);
  expect(periods).toEqual([
    { start: '2026-11-24', end: '2026-11-30' },
    { start: '2026-11-01', end: '2026-11-30' },
    { start: '2026-11-30', end: '2026-11-30' },
    { start: '2026-11-17', end: '2026-11-30' },
  ]);
  // 45 active items in pages of 20: three requests a period.
  expect(bodies).toHaveLength(12);
  const stored = (await f.get()) as OwnFunnel;
  const good = SHOP[3] as (typeof SHOP)[number];
  const w7 = funnelPeriod(good, yesterday - 6, yesterday);
  const w30 = funnelPeriod(good, yesterday - 29, yesterday);
  expect(salesOf(stored, String(good.nmID))).toEqual({
    day: yesterday,
    at: stored.at,
    ordersPerDay7: Math.round((w7.orderCount / 7) * 10) / 10,
    ordersPerDay30: Math.round((w30.orderCount / 30) * 10) / 10,
    buyoutPct: Math.round((w30.buyoutCount / w30.orderCount) * 1000) / 10,
    revenue7: w7.orderSum * 100,
    funnel7: { views: w7.openCount, cart: w7.cartCount, orders: w7.orderCount },
  });
  const quiet = salesOf(stored, String(QUIET_ITEMS[0]));
  expect(quiet).toMatchObject({ ordersPerDay7: 0, ordersPerDay30: 0, buyoutPct: null, revenue7: 0 });
  expect(await f.due()).toBe(false);
  now += 86_400_000;
  expect(await f.due()).toBe(true);
});

test('a wait mid-import keeps the periods read; the next run asks only for the rest', async () => {
  override.set(4, { status: 429, body: '{}', headers: { ...headers, retry: '3600' } });
  const f = funnel();
  const first = await f.run();
  expect(first).toMatchObject({ kind: 'rate-limited' });
  const kept = (await f.get()) as OwnFunnel;
  expect(Object.keys(kept.periods)).toEqual(['7']);
  expect(kept.problem).toMatchObject({ kind: 'rate-limited' });
  // The 30-day period is asked again from its first page, then the 1 and 14.
  now += 3_700_000;
  bodies = [];
  override = new Map();
  const second = await f.run();
  expect(second).not.toHaveProperty('kind');
  expect(bodies.filter((b) => b.offset === 0).map((b) => b.selectedPeriod.start)).toEqual(['2026-11-01', '2026-11-30', '2026-11-17']);
});

test('no Analytics category: nothing asked, the category named', async () => {
  const read = await funnel(makeSellerToken({ categories: ['Prices & Discounts'] })).run();
  expect(read).toEqual({ kind: 'missing-category', category: 'Analytics' });
  expect(bodies).toEqual([]);
});

test('orders drop: yesterday 30 % or more below a 14-day daily average of at least 2', () => {
  const row = (nm: number, orders: number) => [nm, 0, 0, orders, 0, 0, 0] as [number, number, number, number, number, number, number];
  const f: OwnFunnel = {
    day: 1,
    at: 1,
    problem: null,
    periods: {
      '14': [row(1, 70), row(2, 70), row(3, 20), row(4, 70)],
      // 1: 3 of an average 5 (−40 %); 2: 4 of 5 (−20 %); 3: average under 2; 4: no line yesterday (none).
      '1': [row(1, 3), row(2, 4), row(3, 0)],
    },
  };
  expect(ordersDrops(f)).toEqual([
    { id: '1', average: 5, yesterday: 3 },
    { id: '4', average: 5, yesterday: 0 },
  ]);
  expect(ordersDrops({ ...f, periods: { '14': f.periods['14'] } })).toEqual([]);
});

test('calibration: the median of real ÷ estimated over 3+ own items, and the error left after it', () => {
  expect(
    calibrate(
      [
        { id: '1', estimated: 10, real: 12 },
        { id: '2', estimated: 5, real: 5 },
      ],
      1,
    ),
  ).toBeNull();
  const c = calibrate(
    [
      { id: '1', estimated: 10, real: 12 }, // ×1.2
      { id: '2', estimated: 5, real: 7.5 }, // ×1.5
      { id: '3', estimated: 4, real: 4 }, // ×1
      { id: '4', estimated: 0, real: 3 }, // no estimate to correct: left out
    ],
    7,
  );
  // Corrected by 1.2: 12 (0 %), 6 vs 7.5 (20 %), 4.8 vs 4 (20 %): the median miss is 20 %.
  expect(c).toEqual({ factor: 1.2, items: 3, errorPct: 20, at: 7, subjects: [] });
});

test('calibration by subject: a subject with 3+ own items gets its own correction; the others the overall one', () => {
  const c = calibrate(
    [
      { id: '1', estimated: 10, real: 20, subject: 192 },
      { id: '2', estimated: 5, real: 10, subject: 192 },
      { id: '3', estimated: 4, real: 8, subject: 192 },
      { id: '4', estimated: 10, real: 5, subject: 105 },
      { id: '5', estimated: 10, real: 5 },
    ],
    7,
  );
  expect(c?.factor).toBe(2);
  expect(c?.subjects).toEqual([{ subject: 192, factor: 2, items: 3, errorPct: 0 }]);
  expect(correctionFor(c as NonNullable<typeof c>, 192)).toEqual({ subject: 192, factor: 2, items: 3, errorPct: 0, at: 7 });
  expect(correctionFor(c as NonNullable<typeof c>, 105)).toMatchObject({ subject: null, items: 5 });
  expect(correctionFor(c as NonNullable<typeof c>, null)).toMatchObject({ subject: null, factor: 2 });
});

test("compare: an own item's stock-snapshot estimate over the funnel's 30 days beside its real orders a day", async () => {
  const end = Date.UTC(2026, 10, 30, 21, 0);
  const DAY = 86_400_000;
  // Item 1: 100 units, 3 sold a day for 20 days; item 2: only 3 days of history (not compared).
  await addPoints(db, 'stockSnapshots', [
    ...Array.from({ length: 21 }, (_, i) => ({
      marketplace: 'wb' as const,
      productId: '1',
      at: end - (20 - i) * DAY,
      total: 100 - 3 * i,
      byWarehouse: [],
    })),
    ...Array.from({ length: 4 }, (_, i) => ({
      marketplace: 'wb' as const,
      productId: '2',
      at: end - (3 - i) * DAY,
      total: 50 - i,
      byWarehouse: [],
    })),
  ]);
  const rows = [
    [1, 0, 0, 120, 0, 0, 0],
    [2, 0, 0, 30, 0, 0, 0],
    [3, 0, 0, 30, 0, 0, 0],
  ] as Array<[number, number, number, number, number, number, number]>;
  expect(await compare(db, rows, end)).toEqual([{ id: '1', estimated: 3, real: 4 }]);
});
