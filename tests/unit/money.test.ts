import { expect, test } from 'vitest';
import { csvRubles, formatNumber, formatPct, formatRub } from '../../utils/money';

test.each([
  [189000, '1890'],
  [197750, '1977,50'],
  [35000, '350'],
  [129905, '1299,05'],
  [99, '0,99'],
  [0, '0'],
  [123456789, '1234567,89'],
  [null, ''],
])('%s kopecks are "%s" in a CSV cell', (kopecks, cell) => {
  expect(csvRubles(kopecks)).toBe(cell);
});

// formatRub and formatNumber write numbers by hand; they must read exactly as ru-RU's Intl writes them.
const intlRub = (kopecks: number) =>
  `${new Intl.NumberFormat('ru-RU', kopecks % 100 === 0 ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(kopecks / 100)}\u00a0₽`;

test.each([0, 99, 100, 5, 35000, 150000, 197750, 129905, 100000, 99999999, 123456789, -150000, -197750, -5])(
  '%s kopecks read as Intl ru-RU writes them',
  (kopecks) => {
    expect(formatRub(kopecks)).toBe(intlRub(kopecks));
  },
);

test.each([
  [0, 3],
  [7, 3],
  [999, 3],
  [1000, 3],
  [1234, 3],
  [98765, 0],
  [1234567, 3],
  [4.7, 3],
  [4.75, 1],
  [12.34, 1],
  [0.05, 1],
  [-3.5, 1],
  [-1234.5, 1],
  [2.0, 1],
])('%s with at most %s fraction digits reads as toLocaleString("ru-RU")', (value, max) => {
  expect(formatNumber(value, max)).toBe(value.toLocaleString('ru-RU', { maximumFractionDigits: max }));
});

test('percent with one fraction digit', () => {
  expect(formatPct(12.34)).toBe('12,3\u00a0%');
  expect(formatPct(-5)).toBe('-5\u00a0%');
});
