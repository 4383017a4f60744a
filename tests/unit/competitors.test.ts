import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCompetitorsService, FRESH_MS } from '../../utils/competitors/service';
import { LupaDb } from '../../utils/db';
import { detectOzonCabinetPage } from '../../utils/marketplaces/ozon/cabinet';
import type { OzonClient } from '../../utils/marketplaces/ozon/client';
import type { WbClient } from '../../utils/marketplaces/wb/client';
import type { ProductCard } from '../../utils/model';
import { ozonOverviewSource, wbOverviewSource } from '../../utils/product-overview';
import { productCard } from './product-card';

let db: LupaDb;
beforeEach(() => {
  db = new LupaDb(`competitors-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = 1_790_000_000_000;
const card = (marketplace: 'wb' | 'ozon', id: string, priceNow: number | null, fetchedAt = NOW): ProductCard =>
  productCard({ marketplace, id, priceNow, fetchedAt });

function service(fetched: string[] = [], fail = false) {
  const watched: string[] = [];
  const s = createCompetitorsService({
    db,
    now: () => NOW,
    // The kit's own sources (WB's detail batches, Ozon's one page each) over fake clients.
    sources: {
      wb: wbOverviewSource({
        fetchCards: async (ids: number[]) => {
          fetched.push(...ids.map((id) => `wb:${id}`));
          if (fail) throw new Error('429 from card.wb.ru');
          return new Map(ids.map((id) => [id, card('wb', String(id), 150000)]));
        },
      } as unknown as WbClient),
      ozon: ozonOverviewSource({
        fetchCard: async (sku: number) => {
          fetched.push(`ozon:${sku}`);
          return card('ozon', String(sku), 99000);
        },
      } as unknown as OzonClient),
    },
    watch: async (ref, role) => {
      watched.push(`${ref.marketplace}:${ref.id}:${role}`);
    },
  });
  return { s, watched };
}

test('figures come from stored cards when fresh; stale and missing ones are fetched first (WB in one batch)', async () => {
  await db.cards.bulkPut([card('wb', '2', 120000), card('wb', '3', null), card('wb', '4', 90000, NOW - FRESH_MS - 1)]);
  const fetched: string[] = [];
  const { s, watched } = service(fetched);
  for (const id of ['2', '3', '4', '5']) await s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'wb', id });
  await s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'ozon', id: '777' });
  expect(watched).toContain('wb:1:mine');
  expect(watched).toContain('ozon:777:competitor');
  await s.setCosts({ marketplace: 'wb', id: '1' }, { cost: 50000, commissionPct: 20, logistics: 7000 });

  const [f] = await s.figures('wb', ['1']);
  expect(fetched).toEqual(['wb:4', 'wb:5', 'ozon:777']);
  // 2 → 120000, 3 → out of stock, 4 and 5 refreshed → 150000, Ozon 777 → 99000
  expect(f?.competitors).toEqual({ min: 99000, median: 135000, priced: 4, linked: 5 });
  expect(f?.costs).toEqual({ marketplace: 'wb', id: '1', cost: 50000, commissionPct: 20, logistics: 7000, updatedAt: NOW });
  expect(f?.problem).toBeNull();
});

test('a failed refresh falls back to the last stored price and says so only when a price is missing', async () => {
  await db.cards.put(card('wb', '2', 120000, NOW - FRESH_MS - 1));
  const { s } = service([], true);
  await s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'wb', id: '2' });
  await s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'wb', id: '9' });
  const [f] = await s.figures('wb', ['1']);
  expect(f?.competitors).toMatchObject({ min: 120000, priced: 1, linked: 2 });
  expect(f?.problem).toContain('429');
});

test('links: a product is not its own competitor; unlink; the items a competitor is linked to', async () => {
  const { s } = service();
  await expect(s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'wb', id: '1' })).rejects.toThrow();
  await s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'wb', id: '2' });
  await s.link({ marketplace: 'ozon', id: '10' }, { marketplace: 'wb', id: '2' });
  expect(await s.mineFor({ marketplace: 'wb', id: '2' })).toEqual([
    { marketplace: 'ozon', id: '10' },
    { marketplace: 'wb', id: '1' },
  ]);
  await s.unlink({ marketplace: 'wb', id: '1' }, { marketplace: 'wb', id: '2' });
  expect(await s.mineFor({ marketplace: 'wb', id: '2' })).toEqual([{ marketplace: 'ozon', id: '10' }]);
  const [f] = await s.figures('wb', ['1']);
  expect(f?.competitors.linked).toBe(0);
});

test('own items for the options page: each with its competitors (name, price now) and costs, in the order given, no fetching', async () => {
  await db.cards.bulkPut([card('wb', '1', 100000), card('wb', '2', 120000), card('wb', '3', null), card('ozon', '777', 99000)]);
  const fetched: string[] = [];
  const { s } = service(fetched);
  await s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'wb', id: '2' });
  await s.link({ marketplace: 'wb', id: '1' }, { marketplace: 'ozon', id: '777' });
  await s.link({ marketplace: 'ozon', id: '10' }, { marketplace: 'wb', id: '3' });
  await s.setCosts({ marketplace: 'ozon', id: '10' }, { cost: 50000, commissionPct: 20, logistics: null });
  const items = await s.ownItems([
    { marketplace: 'ozon', id: '10', name: 'Кружка' },
    { marketplace: 'wb', id: '1' },
    { marketplace: 'wb', id: '5' },
  ]);
  expect(fetched).toEqual([]);
  expect(items).toEqual([
    {
      marketplace: 'ozon',
      id: '10',
      name: 'Кружка',
      costs: { marketplace: 'ozon', id: '10', cost: 50000, commissionPct: 20, logistics: null, updatedAt: NOW },
      competitors: [{ marketplace: 'wb', id: '3', name: 'товар 3', priceNow: null }],
    },
    {
      marketplace: 'wb',
      id: '1',
      name: 'товар 1',
      costs: null,
      competitors: [
        { marketplace: 'ozon', id: '777', name: 'товар 777', priceNow: 99000 },
        { marketplace: 'wb', id: '2', name: 'товар 2', priceNow: 120000 },
      ],
    },
    { marketplace: 'wb', id: '5', name: '', costs: null, competitors: [] },
  ]);
});

test.each([
  ['https://seller.ozon.ru/app/reviews', 'reviews'],
  ['https://seller.ozon.ru/app/reviews?filter=new', 'reviews'],
  ['https://seller.ozon.ru/app/reviews/questions', 'questions'],
  ['https://seller.ozon.ru/app/messenger?group=customers_v2', 'questions'],
  ['https://seller.ozon.ru/app/messenger?group=support', 'other'],
  ['https://seller.ozon.ru/app/prices/control', 'prices'],
  ['https://seller.ozon.ru/app/prices/manager/12345/prices', 'prices'],
  ['https://seller.ozon.ru/app/products', 'other'],
  ['https://www.ozon.ru/app/reviews', 'other'],
])('Ozon cabinet %s → %s', (url, type) => {
  expect(detectOzonCabinetPage(url).type).toBe(type);
});
