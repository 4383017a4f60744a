// Run by scripts/bench-scale.mjs (`--only=restore-parts`) inside the options page, once the shop is
// seeded: where a restore's time goes on this browser's IndexedDB, part by part — clearing the old
// rows, writing the history's rows table by table, checking them with zod — what the same year
// costs as v13 stored it (a row per point) against v14's one row per product and calendar month
// (issue 17), and v14's upgrade of a database v13 wrote with that year.
import '../utils/zod-setup';
import Dexie from 'dexie';
import { LupaDb, storesAt } from '../utils/db';
import { codecOf, packMonths } from '../utils/series';
import { shopHistoryBatches } from './scale-shop.mjs';

/** As utils/backup/restore.ts hands rows to IndexedDB: about a 64 KB piece's rows at a time, a few batches ahead. */
const BATCH_ROWS = 1_000;
const WRITES_AHEAD = 4;
/** Products generated at a time (their rows are written, then dropped). */
const PRODUCTS_AT_ONCE = 20;

const HISTORY = ['pricePoints', 'stockSnapshots'] as const;
type History = (typeof HISTORY)[number];
type Row = Record<string, unknown>;

const ms = (since: number) => Math.round(performance.now() - since);

/**
 * Clears every table of Lupa's database in one read-write transaction over all of them, as a restore
 * begins, then aborts it (nothing changes): ms per table that had rows, and the rollback.
 */
export async function clearing(): Promise<{ tables: Record<string, number>; rollback: number }> {
  const db = new LupaDb();
  await db.open();
  const tables: Record<string, number> = {};
  const rolledBack = new Error('rolled back on purpose');
  let aborted = 0;
  try {
    await db.transaction('rw', db.tables, async (tx) => {
      for (const table of db.tables) {
        const rows = await tx.table(table.name).count();
        const started = performance.now();
        await tx.table(table.name).clear();
        if (rows > 0) tables[table.name] = ms(started);
      }
      aborted = performance.now();
      throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
  // The next read waits for the rollback.
  await db.priceMonths.count();
  const rollback = ms(aborted);
  db.close();
  return { tables, rollback };
}

/** Each product's year, a few products at a time, by table. */
function* yearOf(ids: readonly number[], days: number, now: number) {
  for (const { prices, stock } of shopHistoryBatches(ids, days, now, PRODUCTS_AT_ONCE))
    yield { pricePoints: prices, stockSnapshots: stock } satisfies Record<History, Row[]>;
}

/**
 * Writes the shop's year into a scratch database with these stores, in one transaction with strict
 * durability (as a restore's), table by table as a backup file holds them: ms and rows per table.
 */
async function writeYear(
  stores: Record<History, string>,
  rowsOf: (table: History, rows: Row[]) => Row[],
  ids: readonly number[],
  days: number,
  now: number,
): Promise<Record<History, { ms: number; rows: number }>> {
  const name = `lupa-bench-restore-${Math.random()}`;
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
  db.version(1).stores(stores);
  await db.open();
  const out = {} as Record<History, { ms: number; rows: number }>;
  try {
    await db.transaction('rw', db.tables, async (tx) => {
      for (const table of HISTORY) {
        const started = performance.now();
        let rows = 0;
        const writing: Array<Promise<unknown>> = [];
        for (const year of yearOf(ids, days, now)) {
          const all = rowsOf(table, year[table]);
          rows += all.length;
          for (let at = 0; at < all.length; at += BATCH_ROWS) {
            const written = tx.table(table).bulkPut(all.slice(at, at + BATCH_ROWS));
            written.catch(() => {});
            writing.push(written);
            if (writing.length > WRITES_AHEAD) await writing.shift();
          }
        }
        for (const written of writing) await written;
        out[table] = { ms: ms(started), rows };
      }
    });
  } finally {
    db.close();
    await Dexie.delete(name);
  }
  return out;
}

/** The flat history tables as v13 declared them. */
const V13 = storesAt(13);

/**
 * The shop's year of history: every row checked with zod (as both readings of a restore check it),
 * the rows written into an empty database in one transaction as v13's restore wrote them (a row per
 * point), then packed one row per product and month as v14's restore writes them (utils/series.ts).
 */
export async function writing(ids: number[], days: number, now: number) {
  const started = performance.now();
  for (const year of yearOf(ids, days, now)) for (const table of HISTORY) for (const row of year[table]) codecOf(table).point.parse(row);
  const zodMs = ms(started);
  const flat = { pricePoints: V13.pricePoints, stockSnapshots: V13.stockSnapshots } as Record<History, string>;
  const rows = await writeYear(flat, (_, rows) => rows, ids, days, now);
  const monthly = '&[marketplace+productId+month]';
  const months = await writeYear(
    { pricePoints: monthly, stockSnapshots: monthly },
    (table, rows) => packMonths(table, rows) as unknown as Row[],
    ids,
    days,
    now,
  );
  return { zodMs, rows, months };
}

/**
 * v14's upgrade on the shop's year: a database as v13 kept it (the year a row per point, written with
 * relaxed durability: the seeding is not timed), then opened by this build — the time to open is
 * the upgrade packing 730 000 rows into month rows.
 */
export async function upgrade(ids: number[], days: number, now: number): Promise<{ ms: number; flatRows: number; monthRows: number }> {
  const name = `lupa-bench-upgrade-${Math.random()}`;
  const old = new Dexie(name, { chromeTransactionDurability: 'relaxed' });
  for (let v = 1; v <= 13; v++) old.version(v).stores(storesAt(v));
  await old.open();
  let flatRows = 0;
  for (const year of yearOf(ids, days, now))
    await old.transaction('rw', old.table('pricePoints'), old.table('stockSnapshots'), async () => {
      for (const table of HISTORY) {
        await old.table(table).bulkPut(year[table]);
        flatRows += year[table].length;
      }
    });
  old.close();
  const db = new LupaDb(name);
  try {
    const started = performance.now();
    await db.open();
    const upgradeMs = ms(started);
    return { ms: upgradeMs, flatRows, monthRows: (await db.priceMonths.count()) + (await db.stockMonths.count()) };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}
