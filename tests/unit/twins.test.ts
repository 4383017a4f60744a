import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import type { ProductOverview } from '../../utils/messages';
import type { ProductOverviewService } from '../../utils/product-overview';
import { createTwinsService, parseTwinInput, TwinInputError } from '../../utils/twins/service';

let db: LupaDb;
beforeEach(() => {
  db = new LupaDb(`twins-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

/** An overview service that knows two products. */
const overview = {
  async get({ marketplace, id }) {
    const product = {
      marketplace,
      id,
      name: `${marketplace} ${id}`,
      priceNow: marketplace === 'wb' ? 189000 : 289900,
      rating: 4.5,
      reviewCount: 10,
      fetchedAt: 1,
    };
    return { state: 'fresh', product } as unknown as ProductOverview;
  },
} as ProductOverviewService;

test('a twin is read from a product URL of the other marketplace, or a bare article', () => {
  expect(parseTwinInput('https://www.ozon.ru/product/naushniki-tws-987654321/?asb=1', 'ozon')).toBe('987654321');
  expect(parseTwinInput('ozon.ru/product/987654321/', 'ozon')).toBe('987654321');
  expect(parseTwinInput(' 987654321 ', 'ozon')).toBe('987654321');
  expect(parseTwinInput('https://www.wildberries.ru/catalog/255012877/detail.aspx?size=1', 'wb')).toBe('255012877');
  expect(parseTwinInput('https://www.wildberries.ru/catalog/255012877/detail.aspx', 'ozon')).toBeNull();
  expect(parseTwinInput('наушники', 'ozon')).toBeNull();
});

test('a link is stored both ways; relinking drops the old pair; unlinking removes both sides', async () => {
  const twins = createTwinsService({ db, overview, now: () => 5 });
  const linked = await twins.set('wb', '255012877', 'https://www.ozon.ru/product/x-987654321/');
  expect(linked).toMatchObject({ linkedId: '987654321', twin: { marketplace: 'ozon', id: '987654321', priceNow: 289900 } });
  expect(await twins.get('ozon', '987654321')).toMatchObject({ linkedId: '255012877', twin: { marketplace: 'wb', priceNow: 189000 } });
  await twins.set('wb', '255012877', '1649246352');
  expect((await twins.get('ozon', '987654321')).linkedId).toBeNull();
  expect((await twins.get('ozon', '1649246352')).linkedId).toBe('255012877');
  await twins.set('ozon', '1649246352', null);
  expect(await db.twins.count()).toBe(0);
});

test('something that is not a product of the other marketplace is refused', async () => {
  const twins = createTwinsService({ db, overview });
  await expect(twins.set('wb', '1', 'https://evil.example/product/x-123456/')).rejects.toBeInstanceOf(TwinInputError);
  expect(await db.twins.count()).toBe(0);
});
