// The backup: every table of Lupa's database, read in pages inside one read-only transaction (a
// consistent picture: a refresh cannot write between two tables), each page turned into lines of
// the backup format (format.ts) and kept as a small Blob; the file is those Blobs joined. No string
// holds more than a page. Seller tokens are not in the database, so never in a backup.
// The history packed by month (utils/series.ts) is written as its points, under its flat table's
// name (pricePoints, stockSnapshots), as every backup since the format's first, so a file restores
// whatever the schema version that wrote it; since format 2 a month's points are one group line
// (format.ts), the product written once, which keeps the file about the size of the stored rows. The header's and tables' counts are points,
// known once written, so their lines are put in front when the rest is done.
import type { IndexableType, Transaction } from 'dexie';
import { DB_VERSION, type LupaDb } from '../db';
import { flatten, type MonthRow, SERIES_OF_MONTHS } from '../series';
import { endLine, headerLine, TableWriter } from './format';
import type { Progress } from './restore';

/** A flat point's fields before its own (marketplace, productId): a group line gives them once. */
const SHARED_FIELDS = 2;

/** Rows read and written at a time (in the backup's own worker: worker.ts); a month row holds a month of points. */
export const PAGE_ROWS = 5_000;

type Row = Record<string, unknown>;

function keyOf(row: Row, keyPath: string | string[]): IndexableType {
  return (Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath]) as IndexableType;
}

/** The name a table has in a backup file: a month table's flat series, else its own. */
export const fileTableOf = (name: string): string => (SERIES_OF_MONTHS as Record<string, string>)[name] ?? name;

export async function backup(db: LupaDb, options: { onProgress?: Progress; pageRows?: number; now?: number } = {}): Promise<Blob> {
  const pageRows = options.pageRows ?? PAGE_ROWS;
  const parts: Blob[] = [];
  const none = new Blob([]);
  await db.transaction('r', db.tables, async (tx: Transaction) => {
    const tables = db.tables.map((t) => tx.table(t.name));
    // Progress counts the database's rows (a month row is one).
    const counts = await Promise.all(tables.map((t) => t.count()));
    const total = counts.reduce((n, c) => n + c, 0);
    parts.push(none); // the header, once the counts are known
    const written: Record<string, number> = {};
    let done = 0;
    options.onProgress?.(0, total);
    for (const table of tables) {
      const keyPath = table.schema.primKey.keyPath;
      if (!keyPath) throw new Error(`${table.name}: rows without their own key`);
      const series = (SERIES_OF_MONTHS as Record<string, (typeof SERIES_OF_MONTHS)[keyof typeof SERIES_OF_MONTHS]>)[table.name];
      const writer = new TableWriter(fileTableOf(table.name));
      const head = parts.length;
      parts.push(none); // the table's line, once its rows are counted
      const page = (after: IndexableType | undefined) =>
        (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageRows).toArray() as Promise<Row[]>;
      let next: Promise<Row[]> | null = page(undefined);
      while (next) {
        const rows: Row[] = await next;
        if (rows.length === 0) break;
        // The next page is read while this one is written out (IndexedDB works apart from this thread).
        next = rows.length < pageRows ? null : page(keyOf(rows[rows.length - 1] as Row, keyPath));
        const lines: string[] = [];
        if (!series) writer.lines(rows, lines);
        // A month row's points: one group line (the product once, then each point's own values).
        else
          for (const row of rows as unknown as Array<MonthRow<[number, ...unknown[]]>>)
            writer.group(flatten(series, [row]), SHARED_FIELDS, lines);
        lines.push('');
        parts.push(new Blob([lines.join('\n')]));
        done += rows.length;
        options.onProgress?.(done, total);
      }
      parts[head] = new Blob([`${writer.head()}\n`]);
      written[fileTableOf(table.name)] = writer.rows;
    }
    const points = Object.values(written).reduce((n, c) => n + c, 0);
    parts[0] = new Blob([`${headerLine(DB_VERSION, options.now ?? Date.now(), written)}\n`]);
    parts.push(new Blob([`${endLine(points)}\n`]));
  });
  return new Blob(parts, { type: 'application/x-ndjson' });
}
