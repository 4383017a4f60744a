// The seller's buyouts and returns from WB's statistics API (`supplier/sales`): lines read as WB
// sends them (buyouts "S", returns "R"; corrections and broken lines skipped), incrementally by
// `lastChangeDate` with nothing doubled, and an item's last 7 Moscow days summed.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { kvFamily, LupaDb } from '../../utils/db';
import { KERNEL_KV } from '../../utils/kv-keys';
import { createSellerClient, type GroupState } from '../../utils/marketplaces/wb/seller-client';
import type { SellerGroup } from '../../utils/marketplaces/wb/seller-limits';
import { saleLinesOf } from '../../utils/marketplaces/wb/seller-statistics';
import { moscowDay } from '../../utils/marketplaces/wb/seller-supplies';
import { createSalesImport } from '../../utils/own-numbers/sales';
import { allSales, SUPPLY_ITEMS, salesSince } from '../fixtures/wb/seller-supplies.mjs';
import { makeSellerToken } from '../fixtures/wb/seller-token.mjs';

const headers = { retry: null, reset: null, remaining: null, retryAfter: null };
const NOW = Date.UTC(2026, 10, 30, 12);
const TODAY = moscowDay(NOW);

test('lines: buyouts and returns kept (kopecks, a return paid back), corrections and broken lines counted as skipped', () => {
  const lines = allSales(TODAY);
  const { rows, dropped } = saleLinesOf(lines);
  expect(rows.length + dropped).toBe(lines.length);
  expect(dropped).toBe(2);
  expect(rows.some((r) => r.kind === 'return' && r.forPay === -156975)).toBe(true);
  expect(rows.every((r) => r.kind === 'sale' || r.kind === 'return')).toBe(true);
});

let db: LupaDb;
beforeEach(() => {
  db = new LupaDb(`own-sales-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

test("an import from 90 days back, then on from the newest change; an item's week summed", async () => {
  const asked: string[] = [];
  const state = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
  let now = NOW;
  const client = createSellerClient({
    token: async () => makeSellerToken({ categories: ['Statistics'] }),
    store: { get: (g) => state(g).get(db), set: (g, s) => state(g).set(db, s) },
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    transport: async ({ url }) => {
      const from = new URL(url).searchParams.get('dateFrom') ?? '';
      asked.push(from);
      return { status: 200, body: JSON.stringify(salesSince(TODAY, from)), headers };
    },
  });
  const sales = createSalesImport({ db, client, guard: (work) => work(), now: () => now });
  expect(await sales.read()).toBe(false);
  const first = await sales.run();
  expect(first).toMatchObject({ state: 'done', dropped: 2 });
  expect(asked[0]).toBe(new Date((TODAY - 90) * 86_400_000).toISOString().slice(0, 10));
  const stored = await db.ownSales.count();
  expect(stored).toBe(first.rows);
  // Again an hour later: from the newest change, and nothing doubled.
  expect(await sales.due()).toBe(false);
  now += 60 * 60_000;
  expect(await sales.due()).toBe(true);
  await sales.run();
  expect(asked[1]).toBe(first.dateFrom);
  expect(await db.ownSales.count()).toBe(stored);

  const nm = SUPPLY_ITEMS[0] as number;
  const week = (allSales(TODAY) as Array<{ nmId?: number; saleID?: string; date: string; forPay: number }>).filter((l) => {
    const day = Math.floor(Date.parse(`${l.date}Z`) / 86_400_000);
    return l.nmId === nm && /^[SR]/.test(l.saleID ?? '') && day >= TODAY - 6;
  });
  expect(await sales.week(String(nm))).toEqual({
    buyouts: week.filter((l) => l.saleID?.startsWith('S')).length,
    returns: week.filter((l) => l.saleID?.startsWith('R')).length,
    forPay: week.reduce((s, l) => s + Math.round(l.forPay * 100), 0),
  });
});
