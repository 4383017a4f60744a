// The badges of the current listing as CSV, the way Russian Excel opens it (utils/content/csv.ts).
import { csvText } from '../../utils/content/csv';
import { csvRubles } from '../../utils/money';
import type { Badge } from './dom';

export { exportFileName } from '../../utils/content/csv';

export const CSV_COLUMNS = [
  'Позиция',
  'Рекламная позиция',
  'CPM, ₽',
  'Артикул',
  'Бренд',
  'Название',
  'Цена, ₽',
  'Рейтинг',
  'Отзывы',
  'Остаток, шт.',
];

export function badgesToCsv(badges: readonly Badge[]): string {
  const rows = badges.map((b) => [
    b.position ?? '',
    b.ad?.position ?? '',
    csvRubles(b.ad?.cpm ?? null),
    b.id,
    b.brand,
    b.name,
    csvRubles(b.priceNow),
    b.rating === null ? '' : String(b.rating).replace('.', ','),
    b.reviewCount,
    b.stockTotal ?? '',
  ]);
  return csvText([CSV_COLUMNS, ...rows]);
}
