// Restore, in two readings of the file, both a piece at a time:
//   1. check: every row through its table's schema, control rows within their bounds, tables known,
//      the file whole — nothing is written, and the user is shown what the file holds;
//   2. replace: once the user confirms, one transaction clears every table and writes the file's
//      rows, checking them again as they go (the file may have changed on disk in between): any
//      problem aborts the transaction, and the database is as it was.
// The options page runs both itself: between pieces it yields, so no step holds the page long.
import type { Table, Transaction } from 'dexie';
import type { z } from 'zod';
import { kvSpecOf, type LupaDb, schemas } from '../db';
import { codecOf, MonthPacker, type MonthRow, putMerged, SERIES_OF_MONTHS, type SeriesTable } from '../series';
import type { KvSpec } from '../tables';
import { fileTableOf } from './backup';
import { type BackupHeader, BackupProblem, type Batch, type PieceParser, parserFor } from './format';

/** Files above this are refused before anything is read (a year of 1 000 products is ~45 MB). */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024;
/** Bytes read at a time: a piece is parsed, checked and written well within 50 ms. */
export const PIECE_BYTES = 64 * 1024;
/** Batches handed to IndexedDB before the restore waits for the oldest to be written. */
const WRITES_AHEAD = 4;
/** Month rows of packed history written at a time. */
const MONTH_ROWS = 200;

/**
 * The tables a file holds, by their names in the file, with the schema of a row: this build's
 * tables, the history packed by month (utils/series.ts) as its flat points.
 */
const FILE_SCHEMAS: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries(schemas).map(([name, schema]) => {
    const series = fileTableOf(name);
    return [series, series === name ? schema : codecOf(series as SeriesTable).point];
  }),
);
const isSeries = (table: string): table is SeriesTable => Object.values(SERIES_OF_MONTHS).includes(table as SeriesTable);

export type Progress = (done: number, total: number) => void;

export interface BackupContents {
  format: BackupHeader['format'];
  createdAt: number | null;
  bytes: number;
  /** Every table of this build, in order, with the file's rows (0: the table will be empty). */
  tables: Array<{ name: string; rows: number }>;
  rows: number;
  /** The history's time span (the rows' `at`), when the file has any. */
  from: number | null;
  to: number | null;
  /** Control rows of keys this build does not use: left out. */
  skipped: number;
}

export interface ReadOptions {
  maxBytes?: number;
  pieceBytes?: number;
  onProgress?: Progress;
}

type Row = Record<string, unknown>;
const KvRowShape = (row: Row): row is { key: string; value: unknown } => typeof row.key === 'string' && 'value' in row;

/** Checks a table's rows; keeps the counts, the time span and the control rows to check against the whole. */
class Checker {
  readonly counts = new Map<string, number>();
  from = Number.POSITIVE_INFINITY;
  to = Number.NEGATIVE_INFINITY;
  skipped = 0;
  private fits: Array<{ key: string; spec: KvSpec<unknown>; value: unknown }> = [];

  /** The batch's rows to write; throws on the first that does not fit. */
  rows(batch: Batch): Row[] {
    const schema = FILE_SCHEMAS[batch.table];
    if (!Object.hasOwn(FILE_SCHEMAS, batch.table) || !schema) throw new BackupProblem('unknown-table', { table: batch.table });
    const keep: Row[] = [];
    batch.rows.forEach((row, i) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success) throw new BackupProblem('bad-row', { table: batch.table, row: batch.first + i, issue: parsed.error.issues[0] });
      if (batch.table === 'kv') {
        if (!KvRowShape(row)) throw new BackupProblem('bad-row', { table: 'kv', row: batch.first + i });
        const spec = kvSpecOf(row.key);
        if (!spec) {
          this.skipped++;
          return;
        }
        if (!spec.value.safeParse(row.value).success) throw new BackupProblem('bad-control', { what: row.key });
        if (spec.fits) this.fits.push({ key: row.key, spec, value: row.value });
      }
      const at = row.at;
      if (typeof at === 'number') {
        if (at < this.from) this.from = at;
        if (at > this.to) this.to = at;
      }
      keep.push(row);
    });
    this.counts.set(batch.table, (this.counts.get(batch.table) ?? 0) + batch.rows.length);
    return keep;
  }

  /** The control rows that must agree with the rest of the file, once the whole file is read. */
  wholeFile(counts: (table: string) => number): void {
    for (const { key, spec, value } of this.fits)
      if (!spec.fits?.(value, { rows: counts })) throw new BackupProblem('bad-control', { what: key });
  }
}

/**
 * Dexie's Transaction.waitFor (behind Dexie.waitFor, not in its typings): keeps the transaction open
 * while a promise outside IndexedDB settles. Called on the transaction itself, not through Dexie's
 * zone, so that an await the zone did not follow cannot let the transaction commit half-written.
 */
type KeptOpen = Transaction & { waitFor<T>(promise: Promise<T>): Promise<T> };

/** The longest stretch between two yields to the page's other tasks. */
const YIELD_MS = 16;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads a piece of a file at once: a dedicated worker's FileReaderSync (worker.ts), absent elsewhere. */
type SyncReader = { readAsArrayBuffer(blob: Blob): ArrayBuffer };
const SyncReaderClass = (globalThis as { FileReaderSync?: new () => SyncReader }).FileReaderSync;

/**
 * Reads the file a piece at a time and hands over the rows. `wait` wraps every wait for something
 * outside IndexedDB (a read of the file, a yield to the page) — inside a transaction, so that the
 * transaction stays open (Dexie's waitFor). In the backup's worker the pieces are read at once
 * (FileReaderSync) and there is no page to yield to, so nothing waits outside IndexedDB: a waitFor
 * would wait behind every write already handed to IndexedDB, and this thread could not check the
 * next piece while IndexedDB writes the last.
 */
async function readPieces(
  file: Blob,
  visit: (batch: Batch) => Promise<void> | void,
  options: ReadOptions & { wait?: <T>(p: Promise<T>) => Promise<T> },
): Promise<BackupHeader> {
  const max = options.maxBytes ?? MAX_BACKUP_BYTES;
  if (file.size > max) throw new BackupProblem('too-big', { what: String(Math.round(max / 1024 / 1024)) });
  if (file.size === 0) throw new BackupProblem('not-backup');
  const wait = options.wait ?? (<T>(p: Promise<T>) => p);
  const piece = options.pieceBytes ?? PIECE_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parser: PieceParser | null = null;
  let opening = '';
  let lastYield = performance.now();
  const sync = SyncReaderClass ? new SyncReaderClass() : null;
  for (let pos = 0; pos < file.size; pos += piece) {
    const part = file.slice(pos, pos + piece);
    const bytes = sync ? sync.readAsArrayBuffer(part) : await wait(part.arrayBuffer());
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: pos + piece < file.size });
    } catch {
      throw new BackupProblem(parser ? 'damaged' : 'not-backup', { what: 'not UTF-8' });
    }
    if (!parser) {
      // The format is told by the file's first characters, which a tiny piece may not all hold.
      opening += text;
      const found = parserFor(opening);
      if (found === null) throw new BackupProblem('not-backup');
      if (found === undefined && pos + piece < file.size) continue;
      if (!found) throw new BackupProblem('not-backup');
      parser = found;
      text = opening;
    }
    for (const batch of parser.push(text)) await visit(batch);
    options.onProgress?.(Math.min(file.size, pos + piece), file.size);
    // Let the page draw the progress and answer the user now and then (reading a piece mostly does).
    if (!sync && performance.now() - lastYield > YIELD_MS) {
      await wait(nextTask());
      lastYield = performance.now();
    }
  }
  parser?.finish();
  const header = parser?.header();
  if (!header) throw new BackupProblem('not-backup');
  return header;
}

/** Reading 1: what the file holds, or the first reason it cannot be restored (a BackupProblem). Writes nothing. */
export async function checkBackup(file: Blob, options: ReadOptions = {}): Promise<BackupContents> {
  const checker = new Checker();
  const header = await readPieces(file, (batch) => void checker.rows(batch), options);
  const rows = (table: string) => checker.counts.get(table) ?? 0;
  checker.wholeFile(rows);
  const tables = Object.keys(FILE_SCHEMAS).map((name) => ({ name, rows: rows(name) }));
  return {
    format: header.format,
    createdAt: header.createdAt,
    bytes: file.size,
    tables,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    from: Number.isFinite(checker.from) ? checker.from : null,
    to: Number.isFinite(checker.to) ? checker.to : null,
    skipped: checker.skipped,
  };
}

/**
 * Reading 2: replaces everything with the file's rows in one transaction. `contents` is what
 * checkBackup found; a file that now reads differently changes nothing (BackupProblem 'changed').
 */
export async function restoreBackup(db: LupaDb, file: Blob, contents: BackupContents, options: ReadOptions = {}): Promise<void> {
  const expected = new Map(contents.tables.map((t) => [t.name, t.rows]));
  const stored = (name: string) => (isSeries(name) ? codecOf(name).months : name);
  const missing = contents.tables.filter((t) => t.rows > 0 && !db.tables.some((d) => d.name === stored(t.name)));
  if (missing.length > 0) throw new BackupProblem('unknown-table', { table: missing[0]?.name });
  await db.transaction('rw', db.tables, async (tx: Transaction) => {
    for (const table of db.tables) await tx.table(table.name).clear();
    const checker = new Checker();
    // IndexedDB writes a batch while this thread reads and checks the next ones: a few batches are
    // let ahead, no more (each waits in memory until written).
    const writing: Array<Promise<unknown>> = [];
    const write = async (table: Table, rows: unknown[]) => {
      const written = table.bulkPut(rows);
      written.catch(() => {}); // awaited below, in order; a failure aborts the transaction meanwhile
      writing.push(written);
      if (writing.length > WRITES_AHEAD) await writing.shift();
    };
    // The history's points are packed into month rows as they come (utils/series.ts).
    const packers = new Map<SeriesTable, { packer: MonthPacker; table: Table; ready: Array<MonthRow<[number, ...unknown[]]>> }>();
    const handOver = async (
      into: { table: Table; ready: Array<MonthRow<[number, ...unknown[]]>> },
      rows: ReturnType<MonthPacker['add']>,
      all: boolean,
    ) => {
      into.ready.push(...rows.fresh);
      if (into.ready.length >= MONTH_ROWS || all || rows.again.length > 0) await write(into.table, into.ready.splice(0));
      if (rows.again.length === 0) return;
      // A month met again (a file not in time order): merged with what is written of it.
      for (const written of writing.splice(0)) await written;
      await putMerged(into.table, rows.again);
    };
    await readPieces(
      file,
      async (batch) => {
        const rows = checker.rows(batch);
        if ((checker.counts.get(batch.table) ?? 0) > (expected.get(batch.table) ?? 0)) throw new BackupProblem('changed');
        if (rows.length === 0) return;
        if (!isSeries(batch.table)) return write(tx.table(batch.table), rows);
        let into = packers.get(batch.table);
        if (!into) {
          into = { packer: new MonthPacker(batch.table), table: tx.table(codecOf(batch.table).months), ready: [] };
          packers.set(batch.table, into);
        }
        await handOver(into, into.packer.add(rows), false);
      },
      { ...options, wait: (p) => (tx as KeptOpen).waitFor(p) },
    );
    for (const into of packers.values()) await handOver(into, into.packer.end(), true);
    for (const written of writing) await written;
    for (const [name, rows] of expected) if ((checker.counts.get(name) ?? 0) !== rows) throw new BackupProblem('changed');
    checker.wholeFile((table) => checker.counts.get(table) ?? 0);
  });
}
