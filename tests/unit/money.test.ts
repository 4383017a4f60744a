import { expect, test } from 'vitest';
import { csvRubles } from '../../utils/money';

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
