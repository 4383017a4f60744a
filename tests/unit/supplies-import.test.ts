// The supplies imports from the fixture seller API (2026 shapes): the stocks report summed per item
// and warehouse with broken rows counted, resumed page by page after a stop with nothing doubled,
// yesterday's items absent today written as out of stock; orders by srid (a cancellation replaces
// the line), incremental by lastChangeDate; acceptance alerts once per warehouse, day and box; and
// the plan wired from the store equal to the method applied by hand.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { kvFamily, LupaDb } from '../../utils/db';
import { KERNEL_KV } from '../../utils/kv-keys';
import { createSellerClient, type GroupState, type SellerResponse } from '../../utils/marketplaces/wb/seller-client';
import type { SellerGroup } from '../../utils/marketplaces/wb/seller-limits';
import { moscowDay, moscowTime, ordersOf, stocksOf } from '../../utils/marketplaces/wb/seller-supplies';
import { createSuppliesImports } from '../../utils/supplies/imports';
import { planFromStore } from '../../utils/supplies/service';
import { DEFAULT_SUPPLY_SETTINGS, suppliesKv } from '../../utils/supplies/tables';
import {
  acceptanceCoefficients,
  allOrders,
  expectedPlan,
  ordersSince,
  SUPPLY_ITEMS,
  stocksReport,
  supplyShop,
  TURNS_FREE,
  UNKNOWN_WAREHOUSE,
} from '../fixtures/wb/seller-supplies.mjs';
import { makeSellerToken } from '../fixtures/wb/seller-token.mjs';

const NOW = Date.UTC(2026, 11, 1, 9, 0);
const byKey = (a: { nm: string; wh: number }, b: { nm: string; wh: number }) => a.nm.localeCompare(b.nm) || a.wh - b.wh;
const TODAY = moscowDay(NOW);
const headers = { retry: null, reset: null, remaining: null, retryAfter: null };

let db: LupaDb;
let token: string;
let requests: Array<{ url: string; body?: string }>;
let override: Map<number, SellerResponse | 'network'>;
let polls: number;
/** The clock: a wait the client sleeps moves it on. */
let clock: number;

function imports(stocksPage = 10_000) {
  const state = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
  const client = createSellerClient({
    token: async () => token,
    now: () => clock,
    store: { get: (g) => state(g).get(db), set: (g, s) => state(g).set(db, s) },
    sleep: async (ms) => {
      clock += ms;
    },
    transport: async ({ url, body }) => {
      const n = requests.push({ url, ...(body === undefined ? {} : { body }) }) - 1;
      const o = override.get(n);
      if (o === 'network') throw new TypeError('Failed to fetch');
      if (o) return o;
      const u = new URL(url);
      let answer: unknown;
      if (u.pathname.endsWith('/wb-warehouses')) answer = stocksReport(TODAY, JSON.parse(body ?? '{}'));
      else if (u.pathname.endsWith('/supplier/orders')) answer = ordersSince(TODAY, u.searchParams.get('dateFrom') ?? '');
      else answer = acceptanceCoefficients(TODAY, ++polls);
      return { status: 200, body: JSON.stringify(answer), headers };
    },
  });
  return createSuppliesImports({ db, client, guard: (work) => work(), now: () => clock, stocksPage });
}

beforeEach(() => {
  db = new LupaDb(`supplies-${Math.random()}`);
  token = makeSellerToken({ now: NOW });
  requests = [];
  override = new Map();
  polls = 0;
  clock = NOW;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

test('the stocks report is summed over sizes per item and warehouse; a broken row is counted, not kept', () => {
  const page = stocksReport(TODAY, { limit: 10_000, offset: 0 });
  const { rows, got, dropped } = stocksOf(page);
  expect(dropped).toBe(1);
  expect(got).toBe(page.data.items.length);
  const shop = supplyShop(TODAY);
  expect(rows).toHaveLength(shop.length);
  for (const p of shop) {
    const row = rows.find((r) => r.nm === String(p.nm) && r.wh === p.wh);
    expect(row?.quantity).toBe(p.sizes.reduce((a: number, b: number) => a + b, 0));
    expect(row?.fromClient).toBe(p.fromClient);
    expect(row?.toClient).toBe(p.toClient);
  }
});

test('orders read Moscow dates into days; a line without srid is counted, not kept', () => {
  const { rows, dropped } = ordersOf(allOrders(TODAY));
  expect(dropped).toBe(1);
  expect(rows.length).toBe(allOrders(TODAY).length - 1);
  expect(moscowTime('2026-11-30T23:30:00')).toBe(Date.UTC(2026, 10, 30, 20, 30));
  // 23:30 in Moscow on the 30th is still the 30th.
  expect(moscowDay(moscowTime('2026-11-30T23:30:00') as number)).toBe(Date.UTC(2026, 10, 30) / 86_400_000);
});

test('a stocks import stopped after a page resumes at the next one; rows of one run add up, nothing doubled', async () => {
  const page = 10;
  override.set(2, 'network');
  override.set(3, 'network');
  override.set(4, 'network');
  const first = await imports(page).stocks();
  expect(first.state).toBe('running');
  expect(first.problem?.kind).toBe('offline');
  expect(first.offset).toBe(2 * page);
  const second = await imports(page).stocks();
  expect(second.state).toBe('done');
  const offsets = requests.map((r) => (r.body ? JSON.parse(r.body).offset : null));
  expect(offsets.slice(5)).toEqual([20, 30, 40, 50]);
  const stored = await db.supplyStocks.where('day').equals(TODAY).toArray();
  const expected = stocksOf(stocksReport(TODAY, { limit: 10_000, offset: 0 })).rows;
  expect(stored).toHaveLength(expected.length);
  for (const e of expected) expect(stored.find((s) => s.nm === e.nm && s.wh === e.wh)?.quantity).toBe(e.quantity);
});

test("an item and warehouse in yesterday's snapshot but not in today's report is out of stock today", async () => {
  await db.supplyStocks.put({ nm: '999000111', wh: 507, day: TODAY - 1, quantity: 12, toClient: 0, fromClient: 0, run: 1 });
  await imports().stocks();
  expect((await db.supplyStocks.get(['999000111', 507, TODAY]))?.quantity).toBe(0);
});

test('a malformed report fails with the format named and keeps the last snapshot', async () => {
  await imports().stocks();
  const before = await db.supplyStocks.count();
  await db.kv.delete(suppliesKv.stocksImport.key);
  override.set(1, { status: 200, body: '{"data":{"items":"<html>', headers });
  const failed = await imports().stocks();
  expect(failed.state).toBe('failed');
  expect(failed.problem?.kind).toBe('format-changed');
  expect(await db.supplyStocks.count()).toBe(before);
});

test('orders: incremental from the newest lastChangeDate, one row per srid, cancellations kept as such', async () => {
  const first = await imports().orders();
  expect(first.state).toBe('done');
  expect(new URL(requests[0]?.url ?? '').searchParams.get('dateFrom')).toBe(new Date((TODAY - 90) * 86_400_000).toISOString().slice(0, 10));
  const all = allOrders(TODAY).filter((o: { srid?: string }) => o.srid);
  expect(await db.ownOrders.count()).toBe(all.length);
  const cancelled = (await db.ownOrders.toArray()).filter((o) => o.cancelled === 1).length;
  expect(cancelled).toBe(all.filter((o: { isCancel?: boolean }) => o.isCancel).length);
  const newest = all
    .map((o: { lastChangeDate: string }) => o.lastChangeDate)
    .sort()
    .pop();
  expect(first.dateFrom).toBe(newest);
  // The next run asks from there; what comes again replaces, never doubles.
  await imports().orders();
  expect(new URL(requests[1]?.url ?? '').searchParams.get('dateFrom')).toBe(newest);
  expect(await db.ownOrders.count()).toBe(all.length);
});

test('a token without «Статистика» sends nothing and says which category is missing', async () => {
  token = makeSellerToken({ now: NOW, categories: ['Analytics', 'Supplies'] });
  const result = await imports().orders();
  expect(result.state).toBe('failed');
  expect(result.problem).toEqual({ kind: 'missing-category', category: 'Statistics' });
  expect(requests).toHaveLength(0);
});

test('acceptance: a slot the watch waits for is told once; one that turns free later is told then; -1 is closed', async () => {
  const run = imports();
  await db.kv.put({
    key: suppliesKv.watch.key,
    value: { warehouses: [TURNS_FREE.wh], box: TURNS_FREE.box, from: TODAY, to: TODAY + 13, maxCoefficient: 0 },
  });
  const expectedFree = (poll: number) =>
    acceptanceCoefficients(TODAY, poll).filter(
      (c: { warehouseID: number; boxTypeID?: number; coefficient: unknown; allowUnload: boolean }) =>
        c.warehouseID === TURNS_FREE.wh && c.boxTypeID === TURNS_FREE.box && c.coefficient === 0 && c.allowUnload,
    ).length;
  const first = await run.acceptance();
  expect(first.read.dropped).toBe(1);
  expect(first.fresh).toHaveLength(expectedFree(1));
  expect((await run.acceptance()).fresh).toHaveLength(0);
  const third = await run.acceptance();
  expect(third.fresh.map((s) => s.day)).toEqual([TODAY + TURNS_FREE.offset]);
  expect(await db.acceptanceAlerts.count()).toBe(expectedFree(3));
  const closed = (await run.slots()).filter((s) => !s.open);
  expect(closed.length).toBeGreaterThan(0);
  expect(closed.every((s) => s.coefficient === -1)).toBe(true);
});

test('acceptance: a 429 mid-poll is waited for and the poll still reads; without «Поставки» nothing is sent', async () => {
  override.set(0, { status: 429, body: '{"title":"too many requests"}', headers: { ...headers, retry: '1' } });
  const { read } = await imports().acceptance();
  expect(read.state).toBe('done');
  expect(requests).toHaveLength(2);
  token = makeSellerToken({ now: NOW, categories: ['Analytics', 'Statistics'] });
  const refused = await imports().acceptance();
  expect(refused.read.problem).toEqual({ kind: 'missing-category', category: 'Supplies' });
  expect(requests).toHaveLength(2);
  // The last coefficients read are kept.
  expect(await db.acceptance.count()).toBeGreaterThan(0);
});

test('the plan from the store: pace leaves out days out of stock without orders; orders at an unknown warehouse counted apart', async () => {
  const run = imports();
  await run.stocks();
  await run.orders();
  // The daily history Lupa would have recorded before today.
  const shop = supplyShop(TODAY);
  await db.supplyStocks.bulkPut(
    shop.flatMap((p: { nm: number; wh: number; days: Map<number, { stock: number }> }) =>
      [...p.days]
        .filter(([day]) => day < TODAY)
        .map(([day, d]) => ({ nm: String(p.nm), wh: p.wh, day, quantity: d.stock, toClient: 0, fromClient: 0, run: 1 })),
    ),
  );
  const settings = { ...DEFAULT_SUPPLY_SETTINGS, box: { [String(SUPPLY_ITEMS[0])]: 6 } };
  const { rows, unknownOrders } = await planFromStore(db, { today: TODAY, stockDay: TODAY, settings });
  expect(unknownOrders).toBe(
    allOrders(TODAY).filter((o: { warehouseName: string; date: string }) => {
      const day = moscowDay(moscowTime(o.date) as number);
      return o.warehouseName === UNKNOWN_WAREHOUSE && day >= TODAY - settings.window && day <= TODAY;
    }).length,
  );
  const expected = expectedPlan(TODAY, { box: { [SUPPLY_ITEMS[0]]: 6 } });
  expect(
    rows.map(({ nm, wh, stock, perDay, cover, send, urgent }) => ({ nm, wh, stock, perDay, cover, send, urgent })).sort(byKey),
  ).toEqual(expected.map(({ nm, wh, stock, perDay, cover, send, urgent }) => ({ nm, wh, stock, perDay, cover, send, urgent })).sort(byKey));
  expect(rows.some((r) => r.urgent)).toBe(true);
  expect(rows.some((r) => r.send !== null && r.send > 0 && r.nm === String(SUPPLY_ITEMS[0]) && r.send % 6 === 0)).toBe(true);
});
