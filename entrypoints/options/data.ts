// The options page's data tools: CSV exports, a full backup and restore (dexie-export-import),
// and clearing everything. The options page is an extension page: it opens Lupa's database itself.
import { exportDB, importInto } from 'dexie-export-import';
import Papa from 'papaparse';
import { type LupaDb, readCards, schemas, validRows } from '../../utils/db';
import { csvRubles } from '../../utils/money';

const csv = (fields: string[], data: unknown[][]) => `\ufeff${Papa.unparse({ fields, data }, { delimiter: ';', escapeFormulae: true })}`;

export async function watchlistCsv(db: LupaDb): Promise<string> {
  const rows = validRows(schemas.watchlist, await db.watchlist.toArray(), 'watchlist');
  const cards = await readCards(db, rows);
  return csv(
    ['Маркетплейс', 'Артикул', 'Роль', 'Название', 'Цена, ₽', 'Рейтинг', 'Отзывы', 'Остаток, шт.', 'Обновлено'],
    rows.map((r, i) => {
      const c = cards[i];
      return [
        r.marketplace === 'wb' ? 'Wildberries' : 'Ozon',
        r.id,
        r.role === 'mine' ? 'мой товар' : 'конкурент',
        c?.name ?? '',
        csvRubles(c?.priceNow ?? null),
        c?.rating === null || c?.rating === undefined ? '' : String(c.rating).replace('.', ','),
        c?.reviewCount ?? '',
        c?.stockKnown ? c.stockTotal : '',
        c ? new Date(c.fetchedAt).toISOString() : '',
      ];
    }),
  );
}

export async function historyCsv(db: LupaDb): Promise<string> {
  const points = validRows(schemas.pricePoints, await db.pricePoints.toArray(), 'pricePoints').sort(
    (a, b) => a.productId.localeCompare(b.productId) || a.at - b.at,
  );
  return csv(
    ['Маркетплейс', 'Артикул', 'Дата', 'Цена, ₽', 'Источник'],
    points.map((p) => [
      p.marketplace === 'wb' ? 'Wildberries' : 'Ozon',
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
