// The data tools of the options page: the price-history CSV, a full backup and restore
// (dexie-export-import), and clearing everything. The options page is an extension page: it opens
// Lupa's database itself.
import { exportDB, importInto } from 'dexie-export-import';
import { csvFile } from '../csv';
import { type LupaDb, schemas, validRows } from '../db';
import { MARKET_NAME } from '../i18n';
import { csvRubles } from '../money';

export async function historyCsv(db: LupaDb): Promise<string> {
  const points = validRows(schemas.pricePoints, await db.pricePoints.toArray(), 'pricePoints').sort(
    (a, b) => a.productId.localeCompare(b.productId) || a.at - b.at,
  );
  return csvFile(
    ['Маркетплейс', 'Артикул', 'Дата', 'Цена, ₽', 'Источник'],
    points.map((p) => [
      MARKET_NAME[p.marketplace],
      p.productId,
      new Date(p.at).toISOString(),
      csvRubles(p.price),
      p.source === 'history' ? 'маркетплейс' : 'Lupa',
    ]),
  );
}

export const backup = (db: LupaDb): Promise<Blob> => exportDB(db, { prettyJson: false });

/** Replaces everything with the backup's content (tables the backup has are cleared first). */
export async function restore(db: LupaDb, file: Blob): Promise<void> {
  await importInto(db, file, { clearTablesBeforeImport: true, acceptVersionDiff: true });
}

export async function clearAll(db: LupaDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

export function download(text: string | Blob, filename: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(typeof text === 'string' ? new Blob([text], { type }) : text);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
