import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { addPoints, LupaDb } from '../../utils/db';
import { createListingBadgesService } from '../../utils/listing-badges/wb';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import { Net } from '../../utils/net';
import { createSearchPages, SEARCH_TTL } from '../../utils/search-pages';
import { categoryList, searchPage } from '../fixtures/wb/search.mjs';
import { fakeMarket } from './fixture-transport';

const DAY = 86_400_000;
let db: LupaDb;
let clock = Date.parse('2026-11-20T10:00:00Z');

function setup() {
  const market = fakeMarket(() => clock);
  const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
  const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786, now: () => clock });
  const searchPages = createSearchPages({ db, wb, now: () => clock });
  return { market, service: createListingBadgesService({ db, wb, searchPages, now: () => clock }) };
}
const ids = (list: Array<{ id: number }>) => list.map((p, index) => ({ id: String(p.id), index }));
const search = { type: 'search' as const, query: 'наушники беспроводные', sort: 'popular' };

beforeEach(() => {
  db = new LupaDb(`listing-${Math.random()}`);
  clock = Date.parse('2026-11-20T10:00:00Z');
});
afterEach(async () => {
  await db.delete();
});

test('search tiles are answered from one search page; the cached page answers again within 10 minutes', async () => {
  const { service, market } = setup();
  const tiles = ids(searchPage(search.query, 1).products ?? []);
  const reply = await service.badges({ marketplace: 'wb', listing: search, tiles });
  expect(reply.badges).toHaveLength(100);
  expect(reply.badges[1]).toMatchObject({ id: '255012877', position: 148, ad: { position: 2, cpm: 35000 } });
  expect(market.calls).toHaveLength(1);
  clock += SEARCH_TTL - 1;
  await service.badges({ marketplace: 'wb', listing: search, tiles });
  expect(market.calls).toHaveLength(1);
  clock += 2;
  await service.badges({ marketplace: 'wb', listing: search, tiles });
  expect(market.calls).toHaveLength(2);
});

test('category tiles cost one detail request per 100, and none while the cards are fresh', async () => {
  const { service, market } = setup();
  const tiles = ids(categoryList());
  const reply = await service.badges({ marketplace: 'wb', listing: { type: 'catalog', key: '/catalog/x' }, tiles });
  expect(reply.badges.map((b) => b.position)).toEqual(tiles.map((t) => t.index + 1));
  expect(market.calls.filter((u) => u.includes('/cards/v4/detail'))).toHaveLength(2);
  await service.badges({ marketplace: 'wb', listing: { type: 'catalog', key: '/catalog/x' }, tiles });
  expect(market.calls.filter((u) => u.includes('/cards/v4/detail'))).toHaveLength(2);
});

test('the price trend compares with the 30-day median of what Lupa saw, and needs a day of history', async () => {
  const { service } = setup();
  const tiles = ids((searchPage(search.query, 1).products ?? []).slice(0, 3));
  const first = await service.badges({ marketplace: 'wb', listing: search, tiles });
  expect(first.badges.every((b) => b.trendPct === null)).toBe(true);
  // Ten days ago the first product cost 25 % more.
  const id = first.badges[0]!.id;
  const price = first.badges[0]!.priceNow as number;
  await addPoints(db, 'pricePoints', [
    { marketplace: 'wb', productId: id, at: clock - 10 * DAY, price: Math.round(price * 1.25), source: 'observed' },
    { marketplace: 'wb', productId: id, at: clock - 40 * DAY, price: price * 10, source: 'observed' },
  ]);
  clock += SEARCH_TTL + 1;
  const next = await service.badges({ marketplace: 'wb', listing: search, tiles });
  // Window: the 10-day-old point and today's observation; median = (1.25p + p) / 2.
  const median = Math.round((Math.round(price * 1.25) + price) / 2);
  expect(next.badges[0]!.trendPct).toBe(Math.round(((price - median) / median) * 1000) / 10);
});

test('a search answered 429 for good gives the rate-limited state and no badges', async () => {
  const { service, market } = setup();
  market.fail(/search/, { status: 429, retryAfter: '3600' }, 1);
  const reply = await service.badges({ marketplace: 'wb', listing: search, tiles: [{ id: '255012877', index: 1 }] });
  expect(reply).toMatchObject({ state: 'rate-limited', badges: [] });
});
