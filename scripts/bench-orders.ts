// The orders import at scale for `npm run bench` (scripts/bench-orders.mjs): 100 000 order lines of a
// 500-item shop over a year, answered as WB's statistics API pages them (80 000 a page, the next one
// from the newest `lastChangeDate`), imported by the real code (utils/supplies/imports.ts) through
// the real seller client into Lupa's Dexie database — here fake-indexeddb in Node, which is slower
// than Chromium's IndexedDB, so the figures err on the slow side. The client's waits run on a
// simulated clock, so the requests' pacing is checked against WB's limit without waiting for it.
import 'fake-indexeddb/auto';
import { kvFamily, LupaDb } from '../utils/db';
import { KERNEL_KV } from '../utils/kv-keys';
import { createSellerClient, type GroupState } from '../utils/marketplaces/wb/seller-client';
import { SELLER_GROUPS, type SellerGroup } from '../utils/marketplaces/wb/seller-limits';
import { isoDay, moscowDay } from '../utils/marketplaces/wb/seller-supplies';
import { createSuppliesImports, ORDERS_FULL_PAGE } from '../utils/supplies/imports';

const DAY_MS = 86_400_000;
const WAREHOUSES = ['Коледино', 'Подольск', 'Электросталь', 'Тула', 'Казань', 'Краснодар'];

/** `count` lines over the `days` to today, in `lastChangeDate` order, as WB sends them. */
function lines(count: number, items: number, days: number, today: number) {
  const out = [];
  for (let n = 0; n < count; n++) {
    const day = today - days + Math.floor((n / count) * days);
    const minutes = (n * 37) % 1440;
    const at = new Date(day * DAY_MS + minutes * 60_000).toISOString().slice(0, 19);
    const nm = 400_000_000 + (n % items);
    out.push({
      date: at,
      lastChangeDate: at,
      warehouseName: WAREHOUSES[n % WAREHOUSES.length],
      countryName: 'Россия',
      oblastOkrugName: 'Центральный федеральный округ',
      regionName: 'Москва',
      supplierArticle: `LUPA-${nm}`,
      nmId: nm,
      barcode: `20${nm}`,
      totalPrice: 2990,
      discountPercent: 30,
      spp: 12,
      finishedPrice: 1841.84,
      priceWithDisc: 2093,
      isCancel: n % 23 === 0,
      srid: `${n}.b${nm}.0`,
    });
  }
  return out;
}

export async function run(count = 100_000, items = 500, days = 365) {
  let clock = Date.UTC(2026, 10, 30, 9);
  const today = moscowDay(clock);
  const all = lines(count, items, days, today);
  const db = new LupaDb(`bench-orders-${Math.random()}`);
  const state = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
  const asked: number[] = [];
  const token = process.env.BENCH_TOKEN as string;
  const client = createSellerClient({
    token: async () => token,
    store: { get: (g) => state(g).get(db), set: (g, s) => state(g).set(db, s) },
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    transport: async ({ url }) => {
      asked.push(clock);
      const from = new URL(url).searchParams.get('dateFrom') ?? '';
      const start = all.findIndex((o) => o.lastChangeDate >= from);
      const page = start < 0 ? [] : all.slice(start, start + ORDERS_FULL_PAGE);
      return { status: 200, body: JSON.stringify(page), headers: { retry: null, reset: null, remaining: null, retryAfter: null } };
    },
  });
  // The first import reaches back a year here (the shop's history), not the product's 90 days.
  await db.kv.put({
    key: 'supplies-orders-import',
    value: { state: 'running', startedAt: clock, finishedAt: null, problem: null, rows: 0, dropped: 0, dateFrom: isoDay(today - days) },
  });
  const imports = createSuppliesImports({ db, client, guard: (work) => work(), now: () => clock });
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const base = process.memoryUsage().heapUsed;
  const started = performance.now();
  let result = await imports.orders();
  while (result.state === 'running' && !result.problem) result = await imports.orders();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const stored = await db.ownOrders.count();

  // One item's year, off its [nm+day] index (median of 7 after a warm-up).
  const nm = '400000007';
  const read = async () => {
    const t = performance.now();
    const rows = await db.ownOrders
      .where('[nm+day]')
      .between([nm, today - days], [nm, today], true, true)
      .toArray();
    return { ms: performance.now() - t, rows: rows.length };
  };
  await read();
  const reads = [];
  for (let i = 0; i < 7; i++) reads.push(await read());
  const readMs = reads.map((r) => r.ms).sort((a, b) => a - b)[3] as number;

  // The most requests in any minute of the simulated clock, against WB's bucket (1 a minute, burst 10).
  const limit = SELLER_GROUPS.orders.personal;
  const perMinute = Math.max(0, ...asked.map((t) => asked.filter((u) => u >= t && u < t + 60_000).length));
  db.close();
  return {
    lines: count,
    stored,
    state: result.state,
    ms,
    rowsPerSecond: (count / ms) * 1000,
    peakMiB: (peak - base) / 1024 / 1024,
    readMs,
    readRows: reads[0]?.rows ?? 0,
    requests: asked.length,
    perMinute,
    allowed: limit.burst,
  };
}
