import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import { Net } from '../../utils/net';
import { createProductOverviewService, TTL, wbOverviewSource } from '../../utils/product-overview';
import * as wb from '../fixtures/wb/catalog.mjs';
import { fakeMarket } from './fixture-transport';

let db: LupaDb;
let clock = Date.parse('2026-11-20T10:00:00Z');
const now = () => clock;

function setup() {
  const market = fakeMarket(now);
  const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
  const client = createWbClient({ net, background: market.transport, dest: async () => -1257786, now });
  const service = createProductOverviewService({ db, sources: { wb: wbOverviewSource(client) }, windowDays: async () => 90, now });
  return { market, service };
}

beforeEach(() => {
  db = new LupaDb(`test-${Math.random()}`);
  clock = Date.parse('2026-11-20T10:00:00Z');
});
afterEach(async () => {
  await db.delete();
});

describe('product overview service', () => {
  test('assembles card, history and reviews from one fetch and stores them', async () => {
    const { service } = setup();
    const p = wb.products[0]!;
    const o = await service.get({ marketplace: 'wb', id: String(p.id), mode: 'cached' });
    expect(o.state).toBe('fresh');
    expect(o.product?.priceNow).toBe(134500);
    expect(o.reviews.summary?.count).toBe(1532);
    expect(o.priceHistory.points.length).toBe(31); // 30 published weeks + today's observation
    expect(await db.cards.count()).toBe(1);
    expect(await db.reviewSummaries.count()).toBe(1);
  });

  test('every reviews route failing marks the reviews section and keeps the rest fresh; each route is tried once with its retries', async () => {
    const { service, market } = setup();
    market.fail(/feedback/, { status: 500 }, 100);
    const p = wb.products[4]!;
    const o = await service.get({ marketplace: 'wb', id: String(p.id), mode: 'cached' });
    expect(o.state).toBe('fresh');
    expect(o.reviews.problem).toBe('server');
    for (const host of ['feedback-bt', 'feedbacks1', 'feedbacks2']) expect(market.calls.filter((u) => u.includes(host)).length).toBe(4);
  });

  test('the questions count rides with the reviews; its failure costs the count only', async () => {
    const { service, market } = setup();
    const p = wb.products[4]!;
    expect((await service.get({ marketplace: 'wb', id: String(p.id), mode: 'cached' })).reviews.summary?.questions).toBe(389);
    clock += TTL.reviews + 1;
    market.fail(/questions/, { status: 500 }, 10);
    const o = await service.get({ marketplace: 'wb', id: String(p.id), mode: 'refresh' });
    expect(o.reviews).toMatchObject({ problem: null, summary: { count: 1500, questions: null } });
  });

  test('answers from the store while the card is young, and says "stale" when it is old', async () => {
    const { service, market } = setup();
    const id = String(wb.products[1]!.id);
    await service.get({ marketplace: 'wb', id, mode: 'cached' });
    const calls = market.calls.length;
    clock += TTL.card - 1000;
    expect((await service.get({ marketplace: 'wb', id, mode: 'cached' })).state).toBe('fresh');
    clock += 2000;
    const stale = await service.get({ marketplace: 'wb', id, mode: 'cached' });
    expect(stale.state).toBe('stale');
    expect(stale.product?.id).toBe(id);
    expect(market.calls.length).toBe(calls);
  });

  test('concurrent asks for one product make one detail request', async () => {
    const { service, market } = setup();
    const id = String(wb.products[2]!.id);
    await Promise.all(Array.from({ length: 5 }, () => service.get({ marketplace: 'wb', id, mode: 'refresh' })));
    expect(market.calls.filter((u) => u.includes('/cards/v4/detail')).length).toBe(1);
  });

  test('an offline refresh keeps showing the stored card with the offline state', async () => {
    const { service, market } = setup();
    const id = String(wb.products[0]!.id);
    await service.get({ marketplace: 'wb', id, mode: 'cached' });
    clock += TTL.card * 2;
    market.fail(/./, 'network', 100);
    const o = await service.get({ marketplace: 'wb', id, mode: 'refresh' });
    expect(o.state).toBe('offline');
    expect(o.product?.priceNow).toBe(134500);
  });

  test('an article missing from the detail response is "not found"', async () => {
    const { service } = setup();
    const o = await service.get({ marketplace: 'wb', id: '12345678', mode: 'cached' });
    expect(o.state).toBe('not-found');
    expect(o.product).toBeNull();
  });
});

test('an ask while a refresh is under way joins it instead of answering half a card', async () => {
  const { service, market } = setup();
  market.fail(/feedback/, { status: 500 }, 100);
  const id = String(wb.products[4]!.id);
  const first = service.get({ marketplace: 'wb', id, mode: 'cached' });
  // Let the refresh store the card and start on the reviews.
  await new Promise((r) => setTimeout(r, 5));
  const second = await service.get({ marketplace: 'wb', id, mode: 'cached' });
  expect(second.reviews.problem).toBe('server');
  expect(await first).toEqual(second);
});
