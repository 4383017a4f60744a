import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { historyCsv } from '../../utils/backup/data';
import { addPoints, LupaDb } from '../../utils/db';

let db: LupaDb;
beforeEach(() => {
  db = new LupaDb(`options-data-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

test('the price history CSV writes rubles the way the listing export does', async () => {
  await addPoints(db, 'pricePoints', [
    { marketplace: 'wb', productId: '146972802', at: Date.UTC(2026, 10, 1), price: 189000, source: 'history' },
    { marketplace: 'ozon', productId: '1649246352', at: Date.UTC(2026, 10, 2), price: 197750, source: 'observed' },
  ]);
  const [head, ...rows] = (await historyCsv(db)).replace(/^\ufeff/, '').split(/\r\n/);
  expect(head).toBe('Маркетплейс;Артикул;Дата;Цена, ₽;Источник');
  expect(rows).toEqual([
    'Wildberries;146972802;2026-11-01T00:00:00.000Z;1890;маркетплейс',
    'Ozon;1649246352;2026-11-02T00:00:00.000Z;1977,50;Lupa',
  ]);
});
