// WB's commission on own items: the tariffs report read as WB sends it (numbers, strings with a
// decimal comma, odd rows skipped), each item's subject from its storefront card (fetched once when
// missing), read once a day, any token category, and unknown where the report lacks the subject.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { kvFamily, LupaDb } from '../../utils/db';
import { KERNEL_KV } from '../../utils/kv-keys';
import { createSellerClient, type GroupState, type SellerResponse } from '../../utils/marketplaces/wb/seller-client';
import type { SellerGroup } from '../../utils/marketplaces/wb/seller-limits';
import { CommissionReportSchema, commissionRates } from '../../utils/marketplaces/wb/seller-tariffs';
import type { ProductCard } from '../../utils/model';
import { COMMISSION_MAX_AGE_MS, createCommission } from '../../utils/own-numbers/commission';
import { CATALOGUE_SUBJECT, commissionReport } from '../fixtures/wb/seller-shop.mjs';
import { makeSellerToken } from '../fixtures/wb/seller-token.mjs';
import { productCard } from './product-card';

test('the report: FBO and FBS rates per subject; a decimal comma read; rows without rates or subject skipped', () => {
  const { rates, dropped } = commissionRates(CommissionReportSchema.parse(commissionReport()));
  expect(rates).toContainEqual([CATALOGUE_SUBJECT, 24.5, 27.5]);
  expect(rates).toContainEqual([5067, 23.5, 26.5]);
  expect(rates.map(([s]) => s)).not.toContain(3979);
  expect(dropped).toBe(2);
  expect(commissionRates({ report: [{ subjectID: 1, paidStorageKgvp: 140, kgvpMarketplace: 'n/a' }] })).toEqual({ rates: [], dropped: 1 });
  expect(CommissionReportSchema.safeParse({ data: [] }).success).toBe(false);
});

let db: LupaDb;
let now: number;
let requests: string[];
let answer: SellerResponse;
let fetched: string[][];
const headers = { retry: null, reset: null, remaining: null, retryAfter: null };

const card = (id: string, subjectId?: number): ProductCard =>
  productCard({ marketplace: 'wb', id, name: id, priceNow: 100000, fetchedAt: 1, ...(subjectId ? { subjectId } : {}) });

function commission(token = makeSellerToken({ categories: ['Statistics'] })) {
  const state = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
  const client = createSellerClient({
    token: async () => token,
    store: { get: (g) => state(g).get(db), set: (g, s) => state(g).set(db, s) },
    sleep: async () => {},
    now: () => now,
    transport: async ({ url }) => {
      requests.push(url);
      return answer;
    },
  });
  return createCommission({
    db,
    client,
    now: () => now,
    cards: {
      batch: 2,
      fetchCards: async (ids) => {
        fetched.push([...ids]);
        return new Map(ids.map((id) => [id, id === '404' ? null : card(id, id === '3' ? 217 : CATALOGUE_SUBJECT)]));
      },
    },
  });
}

beforeEach(() => {
  db = new LupaDb(`own-commission-${Math.random()}`);
  now = Date.now();
  requests = [];
  fetched = [];
  answer = { status: 200, body: JSON.stringify(commissionReport()), headers };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

test("each item's rate by its card's subject; missing cards fetched once in batches; an unknown subject left out", async () => {
  await db.cards.bulkPut([card('1', CATALOGUE_SUBJECT), card('2', 3979), card('5')]);
  const c = commission();
  const got = await c.of('wb', ['1', '2', '3', '404', '5']);
  expect(requests).toEqual(['https://common-api.wildberries.ru/api/v1/tariffs/commission?locale=ru']);
  expect(fetched).toEqual([['3', '404'], ['5']]);
  expect(got.get('1')).toEqual({ pct: 24.5, fbs: 27.5, subject: CATALOGUE_SUBJECT, at: now });
  expect(got.get('3')).toMatchObject({ pct: 25.5, subject: 217 });
  expect(got.get('5')).toMatchObject({ pct: 24.5 });
  // Subject 3979 has no rates in the report; 404 has no card.
  expect(got.has('2')).toBe(false);
  expect(got.has('404')).toBe(false);
  // The fetched cards are stored, and a card WB does not know is not asked for again within the hour.
  fetched = [];
  await c.of('wb', ['3', '5', '404']);
  expect(fetched).toEqual([]);
  now += 60 * 60 * 1000;
  await c.of('wb', ['3', '5', '404']);
  expect(fetched).toEqual([['404']]);
  expect(requests).toHaveLength(1);
});

test('read once a day; while WB refuses, the old rates stay in use', async () => {
  await db.cards.put(card('1', CATALOGUE_SUBJECT));
  const c = commission();
  await c.of('wb', ['1']);
  now += COMMISSION_MAX_AGE_MS - 1;
  await c.of('wb', ['1']);
  expect(requests).toHaveLength(1);
  now += 2;
  answer = { status: 500, body: '{}', headers };
  const got = await c.of('wb', ['1']);
  expect(requests.length).toBeGreaterThan(1);
  expect(got.get('1')?.pct).toBe(24.5);
});

test('nothing known without a token, on Ozon, or when the report has no rates at all', async () => {
  await db.cards.put(card('1', CATALOGUE_SUBJECT));
  expect((await commission('').of('wb', ['1'])).size).toBe(0);
  expect(requests).toEqual([]);
  expect((await commission().of('ozon', ['1'])).size).toBe(0);
  answer = { status: 200, body: JSON.stringify({ report: [{ subjectName: 'x' }] }), headers };
  expect((await commission().of('wb', ['1'])).size).toBe(0);
  expect(await db.kv.get('wb-commission')).toBeUndefined();
});
