// The backup: every table of Lupa's database, read in pages inside one read-only transaction (a
// consistent picture: a refresh cannot write between two tables), each page turned into lines of
// the backup format (format.ts) and kept as a small Blob; the file is those Blobs joined. No string
// holds more than a page. Seller tokens are not in the database, so never in a backup.
import type { IndexableType, Transaction } from 'dexie';
import { DB_VERSION, type LupaDb } from '../db';
import { endLine, headerLine, TableWriter } from './format';
import type { Progress } from './restore';

/** Rows read and written at a time (in the backup's own worker: worker.ts). */
export const PAGE_ROWS = 5_000;

type Row = Record<string, unknown>;

function keyOf(row: Row, keyPath: string | string[]): IndexableType {
  return (Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath]) as IndexableType;
}

export async function backup(db: LupaDb, options: { onProgress?: Progress; pageRows?: number; now?: number } = {}): Promise<Blob> {
  const pageRows = options.pageRows ?? PAGE_ROWS;
  const parts: Blob[] = [];
  await db.transaction('r', db.tables, async (tx: Transaction) => {
    const tables = db.tables.map((t) => tx.table(t.name));
    const counts = await Promise.all(tables.map((t) => t.count()));
    const total = counts.reduce((n, c) => n + c, 0);
    parts.push(
      new Blob([
        `${headerLine(DB_VERSION, options.now ?? Date.now(), Object.fromEntries(tables.map((t, i) => [t.name, counts[i] ?? 0])))}\n`,
      ]),
    );
    let done = 0;
    options.onProgress?.(0, total);
    for (const [i, table] of tables.entries()) {
      const keyPath = table.schema.primKey.keyPath;
      if (!keyPath) throw new Error(`${table.name}: rows without their own key`);
      const writer = new TableWriter(table.name, counts[i] ?? 0);
      const page = (after: IndexableType | undefined) =>
        (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageRows).toArray() as Promise<Row[]>;
      let next: Promise<Row[]> | null = page(undefined);
      while (next) {
        const rows: Row[] = await next;
        if (rows.length === 0) break;
        // The next page is read while this one is written out (IndexedDB works apart from this thread).
        next = rows.length < pageRows ? null : page(keyOf(rows[rows.length - 1] as Row, keyPath));
        const lines: string[] = [];
        writer.lines(rows, lines);
        lines.push('');
        parts.push(new Blob([lines.join('\n')]));
        done += rows.length;
        options.onProgress?.(done, total);
      }
      const last: string[] = [];
      writer.close(last);
      if (last.length > 0) parts.push(new Blob([`${last.join('\n')}\n`]));
    }
    parts.push(new Blob([`${endLine(total)}\n`]));
  });
  return new Blob(parts, { type: 'application/x-ndjson' });
}
