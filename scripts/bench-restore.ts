// Run by scripts/bench-scale.mjs (`--only=restore-parts`) inside the options page, once the shop is
// seeded: where a restore's time goes on this browser's IndexedDB, part by part — clearing the old
// rows, writing the history's rows table by table, checking them with zod — and what the same year
// costs packed one row per product and calendar month (issue 17: what would bring a restore of the
// 1 000 × 365 shop under 30 s on Chromium's default LevelDB backend).
import '../utils/zod-setup';
import Dexie from 'dexie';
import { DB_VERSION, LupaDb, schemas, storesAt } from '../utils/db';
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
  await db.pricePoints.count();
  const rollback = ms(aborted);
  db.close();
  return { tables, rollback };
}

/** Each product's year, a few products at a time, by table. */
function* yearOf(ids: readonly number[], days: number, now: number) {
  for (const { prices, stock } of shopHistoryBatches(ids, days, now, PRODUCTS_AT_ONCE))
    yield { pricePoints: prices, stockSnapshots: stock } satisfies Record<History, Row[]>;
}

/** One series' rows (by time) packed one row per calendar month: the row's own fields, the rest in `points`. */
function packed(rows: readonly Row[]): Row[] {
  const months = new Map<string, Row & { points: Row[] }>();
  for (const { marketplace, productId, at, ...rest } of rows) {
    const date = new Date(at as number);
    const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    const key = `${marketplace}:${productId}:${month}`;
    const row = months.get(key) ?? { marketplace, productId, month, points: [] };
    months.set(key, row);
    row.points.push({ at, ...rest });
  }
  return [...months.values()];
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

/**
 * The shop's year of history: every row checked with zod (as both readings of a restore check it),
 * the rows written into an empty database in one transaction as a restore writes them (Lupa's
 * indexes, a row per point), then the same points packed one row per product and month.
 */
export async function writing(ids: number[], days: number, now: number) {
  const started = performance.now();
  for (const year of yearOf(ids, days, now)) for (const table of HISTORY) for (const row of year[table]) schemas[table].parse(row);
  const zodMs = ms(started);
  const rows = await writeYear(storesAt(DB_VERSION) as Record<History, string>, (_, rows) => rows, ids, days, now);
  const monthly = '&[marketplace+productId+month]';
  const months = await writeYear({ pricePoints: monthly, stockSnapshots: monthly }, (_, rows) => packed(rows), ids, days, now);
  return { zodMs, rows, months };
}
