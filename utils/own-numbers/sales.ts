// The seller's buyouts and returns from WB's statistics API (`supplier/sales`, 1 a minute): read
// incrementally by `lastChangeDate` (utils/marketplaces/wb/seller-statistics.ts) into `ownSales`, at
// most once an hour, reaching back 90 days the first time. What the «Мои продажи» section shows
// beside the funnel: the last 7 days' buyouts, returns and what WB pays for them.
import { kvItem, type LupaDb, schemas, validRows } from '../db';
import type { SellerClient } from '../marketplaces/wb/seller-client';
import { importChanged, SALES_PATH, saleLinesOf } from '../marketplaces/wb/seller-statistics';
import { isoDay, moscowDay } from '../marketplaces/wb/seller-supplies';
import { ownNumbersKv } from './tables';

/** How far back the first import reads (WB keeps sales 90 days in this method). */
export const SALES_FIRST_DAYS = 90;
/** Pages one run reads at most (1 a minute): the next alarm goes on. */
const SALES_PAGES_PER_RUN = 3;
/** Sales are asked again after this long. */
export const SALES_EVERY_MS = 60 * 60_000;

/** One item's last 7 whole days to today: buyouts, returns, and what WB pays for them (kopecks, returns subtracted). */
export interface SalesWeek {
  buyouts: number;
  returns: number;
  forPay: number;
}

export interface SalesImportDeps {
  db: LupaDb;
  client: SellerClient;
  guard: <T>(work: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

export function createSalesImport(deps: SalesImportDeps) {
  const { db, client, guard } = deps;
  const now = deps.now ?? (() => Date.now());
  const cursor = kvItem(ownNumbersKv.salesImport);
  let running: ReturnType<typeof importChanged> | null = null;

  return {
    /** One run (one at a time). */
    run() {
      running ??= importChanged({
        client,
        group: 'sales',
        path: SALES_PATH,
        parse: saleLinesOf,
        cursor: { get: () => cursor.get(db), set: (c) => cursor.set(db, c) },
        store: (rows, next) =>
          guard(() =>
            db.transaction('rw', db.ownSales, db.kv, async () => {
              await db.ownSales.bulkPut(rows);
              await cursor.set(db, next);
            }),
          ),
        firstFrom: isoDay(moscowDay(now()) - SALES_FIRST_DAYS),
        now,
        maxPages: SALES_PAGES_PER_RUN,
      }).finally(() => {
        running = null;
      });
      return running;
    },
    async due(): Promise<boolean> {
      const c = await cursor.get(db);
      return !c || c.state === 'running' || now() - (c.finishedAt ?? 0) >= SALES_EVERY_MS;
    },
    /** Whether anything was ever read (before that, nothing to show, not zero). */
    async read(): Promise<boolean> {
      return (await cursor.get(db))?.state === 'done';
    },
    /** The item's week: the 7 Moscow days to today, today included. */
    async week(nm: string): Promise<SalesWeek> {
      const today = moscowDay(now());
      const rows = validRows(
        schemas.ownSales,
        await db.ownSales
          .where('[nm+day]')
          .between([nm, today - 6], [nm, today], true, true)
          .toArray(),
        'ownSales',
      );
      return {
        buyouts: rows.filter((r) => r.kind === 'sale').length,
        returns: rows.filter((r) => r.kind === 'return').length,
        forPay: rows.reduce((sum, r) => sum + r.forPay, 0),
      };
    },
  };
}
