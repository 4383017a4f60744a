import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import { createOzonClient } from '../../utils/marketplaces/ozon/client';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import type { ProductCard } from '../../utils/model';
import { Net } from '../../utils/net';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { createWatchlistService, eventsBetween } from '../../utils/watchlist/service';
import { categoryList } from '../fixtures/wb/search.mjs';
import { fakeMarket } from './fixture-transport';

const card = (over: Partial<ProductCard>): ProductCard => ({
  marketplace: 'wb',
  id: '1',
  rootId: null,
  name: 'Кружка',
  brand: '',
  seller: null,
  rating: 4.8,
  reviewCount: 10,
  priceNow: 100000,
  priceBefore: 100000,
  priceCard: null,
  discountPct: 0,
  sizes: [],
  stockTotal: 5,
  stockByWarehouse: [],
  stockKnown: true,
  photos: 8,
  fetchedAt: 1,
  ...over,
});

describe('what counts as a task', () => {
  const s = { priceMovePct: 5, ratingDrop: 0.1 };
  test.each([
    [{ priceNow: 104900 }, []],
    [{ priceNow: 95000 }, ['price-move']],
    [{ priceNow: 120000 }, ['price-move']],
    [{ priceNow: null }, ['out-of-stock']],
    [{ rating: 4.7 }, ['rating-drop']],
    [{ rating: 4.75 }, []],
    [{ priceNow: 90000, rating: 4.5 }, ['price-move', 'rating-drop']],
  ])('%j → %j', (after, kinds) => {
    expect(eventsBetween(card({}), card(after), s).map((e) => e.kind)).toEqual(kinds);
  });
  test('back in stock', () => {
    expect(eventsBetween(card({ priceNow: null }), card({}), s).map((e) => e.kind)).toEqual(['back-in-stock']);
  });
});

describe('watchlist refresh', () => {
  let db: LupaDb;
  beforeEach(() => {
    db = new LupaDb(`watch-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  function setup() {
    const market = fakeMarket();
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } });
    const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786 });
    const ozon = createOzonClient({ net, background: market.transport, blockedUntil: { get: async () => 0, set: async () => {} } });
    const service = createWatchlistService({ db, wb, ozon, settings: async () => DEFAULT_SETTINGS });
    return { market, service };
  }

  test('250 watched WB products cost three detail requests (the API takes 100 at a time)', async () => {
    const { market, service } = setup();
    const ids = [...categoryList(), ...categoryList().map((p: { id: number }) => ({ id: p.id + 1 }))].slice(0, 250);
    for (const p of ids) await service.set('wb', String(p.id), 'competitor');
    const summary = await service.refresh();
    expect(market.calls.filter((u) => u.includes('/cards/v4/detail'))).toHaveLength(3);
    expect(summary).toMatchObject({ resumed: false, problem: null });
    expect(await service.interrupted()).toBe(false);
  });

  test('a refresh cut off midway resumes where it left off, with no lost or duplicated rows', async () => {
    const market = fakeMarket();
    let detailCalls = 0;
    let dieOnSecondBatch = false;
    // The second detail batch fails once, as when the worker is stopped mid-refresh.
    const transport: typeof market.transport = async (url, signal) => {
      if (url.includes('/cards/v4/detail') && ++detailCalls === 2 && dieOnSecondBatch) {
        dieOnSecondBatch = false;
        throw new TypeError('Failed to fetch');
      }
      return market.transport(url, signal);
    };
    const net = new Net({ defaults: { retries: 0, minIntervalMs: 0 } });
    const wb = createWbClient({ net, background: transport, dest: async () => -1257786 });
    const ozon = createOzonClient({ net, background: transport, blockedUntil: { get: async () => 0, set: async () => {} } });
    const service = createWatchlistService({ db, wb, ozon, settings: async () => DEFAULT_SETTINGS });

    const ids = categoryList()
      .slice(0, 120)
      .map((p: { id: number }) => String(p.id));
    for (const id of ids) await service.set('wb', id, 'competitor');
    // What Lupa saw last time: every price 10 % higher than the fixture's now.
    const now = (await wb.fetchCards(ids.map(Number))).values();
    const seen = [...now].filter((c): c is ProductCard => c !== null);
    await db.cards.bulkPut(seen.map((c) => ({ ...c, priceNow: c.priceNow === null ? null : Math.round(c.priceNow * 1.1) })));
    detailCalls = 0;
    dieOnSecondBatch = true;
    const priced = new Set(seen.filter((c) => c.priceNow !== null).map((c) => c.id));

    const first = await service.refresh();
    expect(first.problem).toBe('offline');
    expect(await service.interrupted()).toBe(true);
    expect(await db.events.count()).toBe(ids.slice(0, 100).filter((id) => priced.has(id)).length);

    const second = await service.refresh();
    expect(second).toMatchObject({ resumed: true, runId: first.runId, problem: null });
    expect(await service.interrupted()).toBe(false);
    const events = await db.events.toArray();
    expect(events).toHaveLength(priced.size);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.every((e) => e.kind === 'price-move')).toBe(true);
  });

  test('stock that lasts under a week at the estimated pace is a task, with the days left', async () => {
    const { service } = setup();
    const id = '146972802';
    await service.set('wb', id, 'mine');
    // The fixture card has 66 in stock; Lupa saw it sell 15 a day over the last four days.
    const now = Date.now();
    await db.stockSnapshots.bulkPut(
      [126, 111, 96, 81].map((total, i) => ({
        marketplace: 'wb' as const,
        productId: id,
        at: now - (4 - i) * 86_400_000,
        total,
        byWarehouse: [],
      })),
    );
    await service.refresh();
    const tasks = await service.tasks();
    const low = tasks.find((task) => task.kind === 'stock-low');
    // Sales: 45 over 3 days, then 81 → 66 in the last day: 60 over 4 days = 15/day; 66 / 15 = 4.4 days.
    expect(low).toMatchObject({ id, to: 4.4 });
    expect((await service.list())[0]?.salesPerDay).toBe(15);
  });

  test('a new negative review since the last look is a task; reviews are read only when the count grew', async () => {
    const { service, market } = setup();
    const id = '255012877';
    await service.set('wb', id, 'competitor');
    await service.refresh();
    expect(market.calls.filter((u) => u.includes('feedbacks'))).toHaveLength(0);
    // Pretend Lupa last looked two days ago, when the card had fewer reviews.
    const card = (await db.cards.get(['wb', id]))!;
    await db.cards.put({ ...card, reviewCount: card.reviewCount - 3, fetchedAt: Date.now() - 2 * 86_400_000 });
    await service.refresh();
    expect(market.calls.filter((u) => u.includes('feedbacks'))).toHaveLength(1);
    const task = (await service.tasks()).find((t) => t.kind === 'new-negative');
    expect(task).toMatchObject({ id, to: 1 });
  });
});
