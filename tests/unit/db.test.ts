import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import { LupaDb, STORES_V1, validRows } from '../../utils/db';
import { PricePointSchema } from '../../utils/model';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

test('a database written by version 1 opens after the upgrade with its data, price points marked as observed', async () => {
  const name = `lupa-upgrade-${Math.random()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(STORES_V1);
  await v1.table('pricePoints').bulkPut([
    { marketplace: 'wb', productId: '146972802', at: 1_700_000_000_000, price: 134500 },
    { marketplace: 'wb', productId: '146972802', at: 1_700_086_400_000, price: 129900 },
  ]);
  await v1.table('cards').put({ marketplace: 'wb', id: '146972802', fetchedAt: 1_700_086_400_000, name: 'Футболка' });
  v1.close();

  const db = new LupaDb(name);
  const points = await db.pricePoints.toArray();
  expect(points.map((p) => p.source)).toEqual(['observed', 'observed']);
  expect(points.map((p) => p.price)).toEqual([134500, 129900]);
  expect(validRows(PricePointSchema, points, 'pricePoints')).toHaveLength(2);
  expect(await db.cards.count()).toBe(1);
  expect(await db.pricePoints.where('source').equals('observed').count()).toBe(2);
  expect(db.verno).toBe(2);
  db.close();
});

test('stored rows that no longer fit are skipped with one warning, never deleted', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const good = { marketplace: 'wb', productId: '1', at: 1, price: 100, source: 'observed' };
  const rows = validRows(PricePointSchema, [good, { ...good, price: '100 ₽' }, null], 'pricePoints');
  expect(rows).toEqual([good]);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toContain('2 stored row(s) in pricePoints');
  warn.mockRestore();
});
