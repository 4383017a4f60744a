// The summary of a listing page and its tiles as one CSV for Russian Excel: the summary's lines
// first (what each figure is and its value), then one row per tile it was computed from.
import { csvText } from '../../utils/content/csv';
import type { ListingSummary, SummaryTile } from '../../utils/listing-summary/summary';
import { csvRubles } from '../../utils/money';

export const TILE_COLUMNS = [
  'Место на странице',
  'Органическое место',
  'Рекламное место',
  'CPM, ₽',
  'Артикул',
  'Бренд',
  'Продавец',
  'Название',
  'Цена, ₽',
  'Рейтинг',
  'Отзывы',
  'Заказов в день (оценка Lupa по остаткам)',
];

const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function summaryToCsv(summary: ListingSummary, tiles: readonly SummaryTile[]): string {
  const lines: Array<Array<string | number>> = [
    ['Сводка выдачи', ''],
    ['Карточек', summary.tiles],
    ['Медианная цена, ₽', csvRubles(summary.medianPrice)],
    ...summary.bands.map(([from, to, count]): [string, number] => [`Цены ${csvRubles(from)}–${csvRubles(to)} ₽`, count]),
    ['Реклама, %', decimal(summary.adSharePct)],
    ['Рекламных карточек', summary.ads],
    ['Продавцов', summary.sellers ?? ''],
    ['Брендов', summary.brands ?? ''],
    ...summary.topBrands.map((b): [string, string] => [`Бренд ${b.brand}, %`, decimal(b.sharePct)]),
    ['Медианный рейтинг', decimal(summary.medianRating)],
    ['Медиана отзывов', summary.medianReviews ?? ''],
    ['Заказов в день, оценка', decimal(summary.ordersPerDay)],
    ['Выручка в день, оценка, ₽', csvRubles(summary.revenuePerDay)],
    ['Карточек с оценкой (история остатков Lupa)', summary.covered],
    [],
    TILE_COLUMNS,
    ...tiles.map((t) => [
      t.displayed,
      t.position ?? '',
      t.ad?.position ?? '',
      csvRubles(t.ad?.cpm ?? null),
      t.id,
      t.brand,
      t.seller?.name ?? '',
      t.name,
      csvRubles(t.priceNow),
      decimal(t.rating),
      t.reviewCount,
      decimal(t.ordersPerDay),
    ]),
  ];
  return csvText(lines);
}
