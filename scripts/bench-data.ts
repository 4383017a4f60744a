// Run by scripts/bench-scale.mjs inside the options page (bundled on the fly, like bench-scale.ts):
// the database's row counts (to compare before a backup and after its restore) and the size of its
// rows written as JSON objects (what the backup file is measured against).
import { LupaDb } from '../utils/db';

const PAGE = 20_000;

async function eachPage(visit: (table: string, rows: unknown[]) => void): Promise<void> {
  const db = new LupaDb();
  await db.open();
  for (const table of db.tables) {
    let offset = 0;
    for (;;) {
      const rows = await table.offset(offset).limit(PAGE).toArray();
      visit(table.name, rows);
      offset += rows.length;
      if (rows.length < PAGE) break;
    }
  }
  db.close();
}

export async function rowCounts(): Promise<Record<string, number>> {
  const db = new LupaDb();
  await db.open();
  const counts: Record<string, number> = {};
  let total = 0;
  for (const table of db.tables) {
    counts[table.name] = await table.count();
    total += counts[table.name] ?? 0;
  }
  db.close();
  return { ...counts, total };
}

export async function jsonBytes(): Promise<number> {
  const encoder = new TextEncoder();
  let bytes = 0;
  await eachPage((_, rows) => {
    for (const row of rows) bytes += encoder.encode(JSON.stringify(row)).length + 1;
  });
  return bytes;
}
