// The own catalogue's import from WB's prices & discounts API (the fixture shop's 50 items, 2026
// shape, rubles): kopecks as the fixture's rubles × 100, page by page under a cursor that resumes
// after a stop with nothing doubled, a token without the category said as such with nothing lost,
// and own items becoming "мой товар" unless the user chose otherwise.
import { KERNEL_KV } from '../../utils/kv-keys';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Role, WatchlistPort } from '../../utils/background-kit';
import { kvFamily, LupaDb } from '../../utils/db';
import { createSellerClient, type GroupState, type SellerResponse } from '../../utils/marketplaces/wb/seller-client';
import type { SellerGroup } from '../../utils/marketplaces/wb/seller-limits';
import { createCatalogue } from '../../utils/own-numbers/catalogue';
import { goodsPage, SHOP } from '../fixtures/wb/seller-shop.mjs';
import { makeSellerToken } from '../fixtures/wb/seller-token.mjs';

type FixtureSize = { sizeID: number; techSizeName: string; price: number; discountedPrice: number; clubDiscountedPrice: number };

let db: LupaDb;
let token: string;
let requests: string[];
/** What the "API" answers instead of the shop's page, by request number (0-based). */
let override: Map<number, SellerResponse | 'network'>;
let shop: typeof SHOP;
let roles: Map<string, Role>;

const headers = { retry: null, reset: null, remaining: null, retryAfter: null };
const watchlist: WatchlistPort = {
  roleOf: async (_m, id) => roles.get(id) ?? null,
  set: async (_m, id, role) => {
    if (role) roles.set(id, role);
    return role;
  },
  record: async () => {},
  ownItems: async () => [],
};

function catalogue(pageSize = 20) {
  const state = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
  const client = createSellerClient({
    token: async () => token,
    store: { get: (g) => state(g).get(db), set: (g, s) => state(g).set(db, s) },
    sleep: async () => {},
    transport: async ({ url }) => {
      const n = requests.push(url) - 1;
      const o = override.get(n);
      if (o === 'network') throw new TypeError('Failed to fetch');
      if (o) return o;
      const q = new URL(url).searchParams;
      const body = goodsPage({ limit: Number(q.get('limit')), offset: Number(q.get('offset')), filterNmID: null });
      body.data.listGoods = shop.slice(Number(q.get('offset')), Number(q.get('offset')) + Number(q.get('limit')));
      return { status: 200, body: JSON.stringify(body), headers };
    },
  });
  return createCatalogue({ db, client, guard: (work) => work(), watchlist: () => watchlist, pageSize });
}

beforeEach(async () => {
  db = new LupaDb(`own-catalogue-${Math.random()}`);
  token = makeSellerToken();
  requests = [];
  override = new Map();
  shop = SHOP;
  roles = new Map();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

test('imports the 50 own items in pages, rubles into kopecks, each size kept', async () => {
  const result = await catalogue().run();
  expect(result).toMatchObject({ state: 'done', offset: 50, problem: null });
  expect(requests.map((u) => new URL(u).search)).toEqual(['?limit=20&offset=0', '?limit=20&offset=20', '?limit=20&offset=40']);
  const rows = await db.ownPrices.toArray();
  expect(rows).toHaveLength(50);
  for (const good of SHOP) {
    const row = rows.find((r) => r.id === String(good.nmID));
    const lowest = [...good.sizes].sort((a, b) => a.discountedPrice - b.discountedPrice)[0];
    expect(row).toMatchObject({
      vendorCode: good.vendorCode,
      discount: good.discount,
      clubDiscount: good.clubDiscount,
      price: Math.round(lowest.price * 100),
      discountedPrice: Math.round(lowest.discountedPrice * 100),
      editableSizePrice: good.editableSizePrice,
    });
    expect(row?.sizes.map((s) => [s.sizeId, s.name, s.price, s.discountedPrice, s.clubDiscountedPrice])).toEqual(
      good.sizes.map((s: FixtureSize) => [
        s.sizeID,
        s.techSizeName,
        Math.round(s.price * 100),
        Math.round(s.discountedPrice * 100),
        Math.round(s.clubDiscountedPrice * 100),
      ]),
    );
  }
});

test('own items become "мой товар", but an item the user marked as a competitor keeps that', async () => {
  roles.set(String(SHOP[1]?.nmID), 'competitor');
  await catalogue().run();
  expect(roles.get(String(SHOP[0]?.nmID))).toBe('mine');
  expect(roles.get(String(SHOP[1]?.nmID))).toBe('competitor');
  expect([...roles.values()].filter((r) => r === 'mine')).toHaveLength(49);
});

test('an import stopped after its second page resumes at the third, with nothing doubled or lost', async () => {
  override.set(2, 'network');
  override.set(3, 'network');
  override.set(4, 'network');
  const stopped = await catalogue().run();
  expect(stopped).toMatchObject({ state: 'running', offset: 40, problem: { kind: 'offline' } });
  expect(await db.ownPrices.count()).toBe(40);
  // A new worker: a new catalogue on the same store.
  const resumed = await catalogue().run();
  expect(resumed).toMatchObject({ state: 'done', offset: 50, startedAt: stopped.startedAt });
  expect(new URL(requests.at(-1) as string).searchParams.get('offset')).toBe('40');
  expect(await db.ownPrices.count()).toBe(50);
});

test('a token without «Цены и скидки» fails as such, sends nothing and keeps what was imported', async () => {
  await catalogue().run();
  requests = [];
  token = makeSellerToken({ categories: ['Questions & Feedbacks'] });
  const result = await catalogue().run();
  expect(result).toMatchObject({ state: 'failed', problem: { kind: 'missing-category', category: 'Prices & Discounts' } });
  expect(requests).toHaveLength(0);
  expect(await db.ownPrices.count()).toBe(50);
});

test('a token revoked mid-import (401) fails, keeps the pages it had, and the next import starts afresh', async () => {
  override.set(1, { status: 401, body: '{"title":"unauthorized","detail":"token is invalid or expired"}', headers });
  const failed = await catalogue().run();
  expect(failed).toMatchObject({ state: 'failed', offset: 20, problem: { kind: 'bad-token', status: 401 } });
  expect(await db.ownPrices.count()).toBe(20);
  expect(requests).toHaveLength(2);
  const again = await catalogue().run();
  expect(again).toMatchObject({ state: 'done', offset: 50 });
  expect(new URL(requests[2] as string).searchParams.get('offset')).toBe('0');
});

test('a malformed page is a changed format, nothing written from it', async () => {
  override.set(0, { status: 200, body: JSON.stringify({ data: { listGoods: [{ nmID: 'x', sizes: 'none' }] } }), headers });
  const result = await catalogue().run();
  expect(result).toMatchObject({ state: 'failed', problem: { kind: 'format-changed' } });
  expect(await db.ownPrices.count()).toBe(0);
});

test('items the shop no longer has go with the next complete import, not before', async () => {
  await catalogue().run();
  shop = SHOP.slice(5);
  requests = [];
  // The new import's first page, then a stop: nothing removed yet.
  for (const n of [1, 2, 3]) override.set(n, 'network');
  const c = catalogue();
  const stopped = await c.run();
  expect(stopped.state).toBe('running');
  expect(await db.ownPrices.count()).toBe(50);
  expect((await c.run()).state).toBe('done');
  expect(await db.ownPrices.count()).toBe(45);
  expect(await db.ownPrices.get(['wb', String(SHOP[0]?.nmID)])).toBeUndefined();
});
