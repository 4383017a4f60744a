import { expect, test } from 'vitest';
import { badgesToCsv, exportFileName } from '../../components/listing-badges/csv';
import type { Badge } from '../../components/listing-badges/dom';

const badge = (over: Partial<Badge> = {}): Badge => ({
  id: '255012877',
  name: 'Наушники беспроводные TWS',
  brand: 'SoundMax',
  displayed: 2,
  organic: 148,
  position: 148,
  ad: { position: 2, cpm: 35000 },
  priceNow: 189000,
  rating: 3.4,
  reviewCount: 1500,
  stockTotal: 325,
  trendPct: null,
  ...over,
});

test('CSV opens in Russian Excel: BOM, semicolons, decimal commas, empty cells for unknowns', () => {
  const csv = badgesToCsv([badge(), badge({ id: '1', ad: null, position: null, priceNow: 197750, rating: null })]);
  const [head, first, second] = csv.replace(/^\ufeff/, '').split(/\r\n/);
  expect(csv.startsWith('\ufeff')).toBe(true);
  expect(head).toBe('Позиция;Рекламная позиция;CPM, ₽;Артикул;Бренд;Название;Цена, ₽;Рейтинг;Отзывы;Остаток, шт.');
  expect(first).toBe('148;2;350;255012877;SoundMax;Наушники беспроводные TWS;1890;3,4;1500;325');
  expect(second).toBe(';;;1;SoundMax;Наушники беспроводные TWS;1977,50;;1500;325');
});

test('a name that looks like a formula cannot run in Excel', () => {
  const csv = badgesToCsv([badge({ name: '=HYPERLINK("http://evil.example")' })]);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
});

test('export file names are ASCII (Chrome refuses others) and say what was exported', () => {
  const date = new Date('2026-11-23T10:00:00Z');
  expect(exportFileName('наушники беспроводные', date)).toBe('lupa-wb-naushniki-besprovodnye-2026-11-23.csv');
  expect(exportFileName('/catalog/muzhchinam/odezhda/futbolki', date)).toBe('lupa-wb-catalog-muzhchinam-odezhda-futbolki-2026-11-23.csv');
  expect(exportFileName('😀', date)).toBe('lupa-wb-listing-2026-11-23.csv');
});
