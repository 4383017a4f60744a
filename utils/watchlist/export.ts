// The watchlist as a CSV for Excel: one row per watched product with its latest card.
import { csvFile } from '../csv';
import { type LupaDb, readCards, schemas, validRows } from '../db';
import { MARKET_NAME } from '../i18n';
import { csvRubles } from '../money';

export async function watchlistCsv(db: LupaDb): Promise<string> {
  const rows = validRows(schemas.watchlist, await db.watchlist.toArray(), 'watchlist');
  const cards = await readCards(db, rows);
  return csvFile(
    ['Маркетплейс', 'Артикул', 'Роль', 'Название', 'Цена, ₽', 'Рейтинг', 'Отзывы', 'Остаток, шт.', 'Обновлено'],
    rows.map((r, i) => {
      const c = cards[i];
      return [
        MARKET_NAME[r.marketplace],
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
