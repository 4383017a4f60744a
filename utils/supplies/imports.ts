// The supplies imports through the kit's seller API client, each a cursor in kv written in the same
// transaction as the rows it follows, so a worker stopped mid-import resumes at the next page with
// nothing lost or doubled; a wait (429) or a lost connection keeps it `running` for the next alarm.
// - Stocks: the day's snapshot of the stocks report by WB warehouse, a page at a time; sizes summed
//   per item and warehouse (a later page of the same run adds to a row, a new run replaces it). When
//   the run completes, an item and warehouse seen the day before but absent now is written as 0:
//   that is how an out-of-stock day is known.
// - Orders: incremental by lastChangeDate (90 days back the first time), one row per order line by
//   `srid`, so a line sent again (a cancellation) replaces the first.
// - Acceptance: the next 14 days' coefficients replace the last read; what the watch waits for and
//   was not yet told is returned (and remembered) once per warehouse, day and box type.
import { z } from 'zod';
import { kvItem, type LupaDb, schemas, validRows } from '../db';
import { passes, type SellerClient, type SellerProblem } from '../marketplaces/wb/seller-client';
import { importChanged, STATISTICS_FULL_PAGE } from '../marketplaces/wb/seller-statistics';
import {
  isoDay,
  moscowDay,
  ORDERS_PATH,
  ordersOf,
  STOCKS_PAGE,
  STOCKS_PATH,
  StocksPageSchema,
  stocksOf,
} from '../marketplaces/wb/seller-supplies';
import { type AcceptanceSlot, alertKey, readCoefficients, slotsFor } from './acceptance';
import { type AcceptanceRead, type AcceptanceRow, type OrdersImport, type StocksImport, type SupplyStock, suppliesKv } from './tables';

export const ACCEPTANCE_PATH = '/api/tariffs/v1/acceptance/coefficients';
/** WB sends up to this many order lines at once; a shorter answer is the end for now. */
export const ORDERS_FULL_PAGE = STATISTICS_FULL_PAGE;
/** How far back the first orders import reads (WB keeps orders 90 days). */
export const ORDERS_FIRST_DAYS = 90;
/** Pages one orders run reads at most (1 a minute after the burst): the next alarm goes on. */
const ORDERS_PAGES_PER_RUN = 5;
/** Orders are asked again after this long; the stocks report once a day (the history is daily). */
export const ORDERS_EVERY_MS = 30 * 60_000;

const stocksCursor = kvItem(suppliesKv.stocksImport);
const ordersCursor = kvItem(suppliesKv.ordersImport);
const acceptanceCursor = kvItem(suppliesKv.acceptanceRead);
const watchItem = kvItem(suppliesKv.watch);

export interface SuppliesImportDeps {
  db: LupaDb;
  client: SellerClient;
  guard: <T>(work: () => Promise<T>) => Promise<T>;
  now?: () => number;
  stocksPage?: number;
}

const stopped = <T extends { state: string; finishedAt: number | null; problem: SellerProblem | null }>(
  c: T,
  problem: SellerProblem,
  at: number,
): T => {
  const resumable = passes(problem);
  return { ...c, state: resumable ? 'running' : 'failed', problem, finishedAt: resumable ? null : at };
};

export function createSuppliesImports(deps: SuppliesImportDeps) {
  const { db, client, guard } = deps;
  const now = deps.now ?? (() => Date.now());
  const page = deps.stocksPage ?? STOCKS_PAGE;

  async function stocks(): Promise<StocksImport> {
    const before = await stocksCursor.get(db);
    const at = now();
    let c: StocksImport =
      before?.state === 'running'
        ? { ...before, problem: null }
        : {
            state: 'running',
            startedAt: at,
            finishedAt: null,
            problem: null,
            rows: 0,
            dropped: 0,
            day: moscowDay(at),
            offset: 0,
            lastDay: before?.state === 'done' ? before.day : (before?.lastDay ?? null),
          };
    await stocksCursor.set(db, c);
    for (;;) {
      const result = await client.request(
        'stocks',
        { path: STOCKS_PATH, method: 'POST', body: { limit: page, offset: c.offset } },
        StocksPageSchema,
      );
      if (!result.ok) {
        c = stopped(c, result.problem, now());
        await stocksCursor.set(db, c);
        return c;
      }
      const { rows, got, dropped } = stocksOf(result.data);
      const last = got < page;
      const run = c.startedAt;
      const day = c.day;
      const next: StocksImport = {
        ...c,
        offset: c.offset + got,
        rows: c.rows + rows.length,
        dropped: c.dropped + dropped,
        ...(last ? { state: 'done' as const, finishedAt: now(), lastDay: c.day } : {}),
      };
      await guard(() =>
        db.transaction('rw', db.supplyStocks, db.supplyWarehouses, db.kv, async () => {
          const keys = rows.map((r) => [r.nm, r.wh, day] as [string, number, number]);
          const existing = await db.supplyStocks.bulkGet(keys);
          await db.supplyStocks.bulkPut(
            rows.map((r, i): SupplyStock => {
              const had = existing[i];
              const same = had && had.run === run;
              return {
                nm: r.nm,
                wh: r.wh,
                day,
                quantity: r.quantity + (same ? had.quantity : 0),
                toClient: r.toClient + (same ? had.toClient : 0),
                fromClient: r.fromClient + (same ? had.fromClient : 0),
                run,
              };
            }),
          );
          const warehouses = new Map(rows.map((r) => [r.wh, { id: r.wh, name: r.warehouse, region: r.region }]));
          await db.supplyWarehouses.bulkPut([...warehouses.values()]);
          if (last) await closeDay(day, run);
          await stocksCursor.set(db, next);
        }),
      );
      c = next;
      if (last) return c;
    }
  }

  /** The day's rows not written by this run, and yesterday's items absent today, are out of stock (0). */
  async function closeDay(day: number, run: number) {
    const today = await db.supplyStocks.where('day').equals(day).toArray();
    const seen = new Set(today.filter((r) => r.run === run).map((r) => `${r.nm}:${r.wh}`));
    const gone = (
      await db.supplyStocks
        .where('day')
        .equals(day - 1)
        .toArray()
    ).filter((r) => !seen.has(`${r.nm}:${r.wh}`));
    const stale = today.filter((r) => r.run !== run);
    await db.supplyStocks.bulkPut(
      [...stale, ...gone].map((r) => ({ nm: r.nm, wh: r.wh, day, quantity: 0, toClient: 0, fromClient: 0, run })),
    );
  }

  function orders(): Promise<OrdersImport> {
    return importChanged({
      client,
      group: 'orders',
      path: ORDERS_PATH,
      parse: ordersOf,
      cursor: { get: () => ordersCursor.get(db), set: (c) => ordersCursor.set(db, c) },
      store: (rows, next) =>
        guard(() =>
          db.transaction('rw', db.ownOrders, db.kv, async () => {
            await db.ownOrders.bulkPut(rows);
            await ordersCursor.set(db, next);
          }),
        ),
      firstFrom: isoDay(moscowDay(now()) - ORDERS_FIRST_DAYS),
      now,
      maxPages: ORDERS_PAGES_PER_RUN,
      fullPage: ORDERS_FULL_PAGE,
    });
  }

  /** Reads the coefficients; returns the read's state and the slots the watch waits for that were not told yet. */
  async function acceptance(): Promise<{ read: AcceptanceRead; fresh: AcceptanceSlot[] }> {
    const at = now();
    const base: AcceptanceRead = { state: 'running', startedAt: at, finishedAt: null, problem: null, rows: 0, dropped: 0 };
    await acceptanceCursor.set(db, base);
    const result = await client.request('acceptance', { path: ACCEPTANCE_PATH }, z.unknown());
    let read: AcceptanceRead;
    let slots: AcceptanceSlot[] = [];
    if (!result.ok) read = { ...base, state: 'failed', finishedAt: now(), problem: result.problem };
    else {
      try {
        const got = readCoefficients(result.data);
        slots = got.slots;
        read = { ...base, state: 'done', finishedAt: now(), rows: slots.length, dropped: got.dropped };
      } catch (error) {
        read = {
          ...base,
          state: 'failed',
          finishedAt: now(),
          problem: { kind: 'format-changed', detail: error instanceof Error ? error.message.slice(0, 200) : 'acceptance' },
        };
      }
    }
    const watch = await watchItem.get(db);
    const wanted = read.state === 'done' && watch ? slotsFor(watch, slots) : [];
    const fresh: AcceptanceSlot[] = [];
    await guard(() =>
      db.transaction('rw', db.acceptance, db.acceptanceAlerts, db.supplyWarehouses, db.kv, async () => {
        if (read.state === 'done') {
          await db.acceptance.clear();
          await db.acceptance.bulkPut(
            slots.map(
              (s): AcceptanceRow => ({
                wh: s.wh,
                day: s.day,
                box: s.box ?? -1,
                boxName: s.boxName,
                coefficient: s.coefficient,
                open: s.open,
                seenAt: at,
              }),
            ),
          );
          // Warehouses the stocks report has not named yet (it names their region too).
          const known = new Set((await db.supplyWarehouses.toCollection().primaryKeys()) as number[]);
          const names = new Map(slots.filter((s) => !known.has(s.wh) && s.wh > 0).map((s) => [s.wh, s.warehouse]));
          await db.supplyWarehouses.bulkPut([...names].map(([id, name]) => ({ id, name, region: '' })));
        }
        const told = new Set(
          (await db.acceptanceAlerts.bulkGet(wanted.map(alertKey)))
            .filter((a): a is { key: string; at: number } => Boolean(a))
            .map((a) => a.key),
        );
        for (const s of wanted) if (!told.has(alertKey(s))) fresh.push(s);
        await db.acceptanceAlerts.bulkPut(fresh.map((s) => ({ key: alertKey(s), at })));
        await acceptanceCursor.set(db, read);
      }),
    );
    return { read, fresh };
  }

  return {
    stocks,
    orders,
    acceptance,
    /** Whether the refresh should read the stocks report: under way, or no complete snapshot today. */
    async stocksDue(): Promise<boolean> {
      const c = await stocksCursor.get(db);
      return !c || c.state === 'running' || c.day !== moscowDay(now());
    },
    async ordersDue(): Promise<boolean> {
      const c = await ordersCursor.get(db);
      return !c || c.state === 'running' || now() - (c.finishedAt ?? 0) >= ORDERS_EVERY_MS;
    },
    async resumable(): Promise<boolean> {
      return (await stocksCursor.get(db))?.state === 'running' || (await ordersCursor.get(db))?.state === 'running';
    },
    async state() {
      const [s, o, a] = await Promise.all([stocksCursor.get(db), ordersCursor.get(db), acceptanceCursor.get(db)]);
      return { stocks: s ?? null, orders: o ?? null, acceptance: a ?? null };
    },
    async slots(): Promise<AcceptanceRow[]> {
      return validRows(schemas.acceptance, await db.acceptance.toArray(), 'acceptance');
    },
  };
}

export type SuppliesImports = ReturnType<typeof createSuppliesImports>;
