import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { addPoints, LupaDb } from '../../utils/db';
import { createOzonClient } from '../../utils/marketplaces/ozon/client';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import type { ProductCard, WatchEvent } from '../../utils/model';
import { Net } from '../../utils/net';
import { ozonOverviewSource, wbOverviewSource } from '../../utils/product-overview';
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

/** The watchlist service on the real clients against the fake marketplace (retries off, no pacing). */
function stand(db: LupaDb, now?: () => number) {
  const market = fakeMarket();
  const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } });
  const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786 });
  const ozon = createOzonClient({ net, background: market.transport, blockedUntil: { get: async () => 0, set: async () => {} } });
  const service = createWatchlistService({
    db,
    sources: { wb: wbOverviewSource(wb), ozon: ozonOverviewSource(ozon) },
    settings: async () => DEFAULT_SETTINGS,
    now,
  });
  return { market, service, wb };
}

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

  const setup = (now?: () => number) => stand(db, now);

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
    const service = createWatchlistService({
      db,
      sources: { wb: wbOverviewSource(wb), ozon: ozonOverviewSource(ozon) },
      settings: async () => DEFAULT_SETTINGS,
    });

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
    await addPoints(
      db,
      'stockSnapshots',
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

describe('tasks: one open per product and condition', () => {
  let db: LupaDb;
  beforeEach(() => {
    db = new LupaDb(`tasks-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const setup = () => stand(db);
  const id = '146972802';
  /** Stock history for the last four days (the fixture's card has 66 in stock now). */
  async function stockHistory(totals: number[]) {
    await db.stockMonths.clear();
    const now = Date.now();
    await addPoints(
      db,
      'stockSnapshots',
      totals.map((total, i) => ({
        marketplace: 'wb' as const,
        productId: id,
        at: now - (totals.length - i) * 86_400_000,
        total,
        byWarehouse: [],
      })),
    );
  }
  const stockLow = async () => (await db.events.toArray()).filter((e) => e.kind === 'stock-low');

  test('low stock that persists is one task, updated; done, it stays done while it lasts; cleared, it closes; back, it is new', async () => {
    const { service } = setup();
    await service.set('wb', id, 'mine');
    await stockHistory([126, 111, 96, 81]);
    await service.refresh();
    await service.refresh();
    await service.refresh();
    expect(await stockLow()).toHaveLength(1);
    const [task] = await service.tasks();
    expect(task).toMatchObject({ kind: 'stock-low', read: 0, to: 4.4 });

    // Marked done while the stock is still low: no new task on the next refreshes.
    await service.markRead([task!.key]);
    await service.refresh();
    expect(await service.tasks()).toEqual([]);
    expect(await stockLow()).toHaveLength(1);

    // The pace slows (1 a day): the condition clears and its task is closed.
    await stockHistory([70, 69, 68, 67]);
    await service.refresh();
    expect((await stockLow())[0]).toMatchObject({ read: 1, cleared: expect.any(Number) });

    // Fast again: a new task.
    await stockHistory([126, 111, 96, 81]);
    await service.refresh();
    const open = await service.tasks();
    expect(open.map((e) => e.kind)).toEqual(['stock-low']);
    expect(open[0]?.key).not.toBe(task!.key);
    expect(await stockLow()).toHaveLength(2);
  });

  test('an open low-stock task clears by itself: it leaves the open tasks without the user', async () => {
    const { service } = setup();
    await service.set('wb', id, 'mine');
    await stockHistory([126, 111, 96, 81]);
    await service.refresh();
    expect(await service.tasks()).toHaveLength(1);
    await stockHistory([70, 69, 68, 67]);
    await service.refresh();
    expect(await service.tasks()).toHaveLength(0);
  });

  test('a price that keeps moving while its task is open updates that task; once done, the next move is a new task', async () => {
    const { service, wb } = setup();
    await service.set('wb', id, 'competitor');
    const [fresh] = [...(await wb.fetchCards([Number(id)])).values()];
    const seenAt = async (factor: number) => db.cards.put({ ...fresh!, priceNow: Math.round(fresh!.priceNow! * factor) });
    await seenAt(1.1);
    await service.refresh();
    await seenAt(1.2);
    await service.refresh();
    const open = await service.tasks();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'price-move', from: Math.round(fresh!.priceNow! * 1.1), to: fresh!.priceNow });
    await service.markRead([open[0]!.key]);
    await seenAt(0.8);
    await service.refresh();
    expect((await service.tasks()).map((e) => e.kind)).toEqual(['price-move']);
    expect(await db.events.count()).toBe(2);
  });

  test('events stored with the old run keys stay readable and are merged into one open task', async () => {
    const { service } = setup();
    await service.set('wb', id, 'mine');
    const old = { marketplace: 'wb' as const, id, name: 'Футболка', kind: 'stock-low' as const, from: null, to: 3, read: 0 as const };
    await db.events.bulkPut([
      { ...old, key: `1700000000000:wb:${id}:stock-low`, at: 1 },
      { ...old, key: `1700000100000:wb:${id}:stock-low`, at: 2 },
    ]);
    expect(await service.tasks()).toHaveLength(2);
    await stockHistory([126, 111, 96, 81]);
    await service.refresh();
    const open = await service.tasks();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ key: `1700000100000:wb:${id}:stock-low`, to: 4.4 });
  });
});

describe('refresh says what happened', () => {
  let db: LupaDb;
  beforeEach(() => {
    db = new LupaDb(`said-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  const setup = (now?: () => number) => stand(db, now);

  test('a card the marketplace no longer returns is kept and marked not found with the date; found again, the mark goes', async () => {
    const { service } = setup();
    await service.set('wb', '146972802', 'mine');
    await service.set('wb', '1', 'competitor');
    const summary = await service.refresh();
    expect(summary).toMatchObject({ checked: 2, notFound: 1, problems: 0, problem: null });
    const rows = await service.list();
    expect(rows.find((r) => r.id === '1')?.notFoundAt).toEqual(expect.any(Number));
    expect(rows.find((r) => r.id === '146972802')?.notFoundAt).toBeNull();
    expect(await service.lastRefresh()).toMatchObject({
      checked: 2,
      notFound: 1,
      changed: 0,
      complete: true,
      finishedAt: expect.any(Number),
    });
    const since = rows.find((r) => r.id === '1')?.notFoundAt;
    await service.refresh();
    expect((await service.list()).find((r) => r.id === '1')?.notFoundAt).toBe(since);
    // A card that was missing and is returned again loses its mark.
    const row = (await db.watchlist.get(['wb', '146972802']))!;
    await db.watchlist.put({ ...row, notFoundAt: 1 });
    await service.refresh();
    expect((await service.list()).find((r) => r.id === '146972802')?.notFoundAt).toBeNull();
  });

  test('a detail API answering 500 stops the run as a server problem and keeps the rest for the next one', async () => {
    const { service, market } = setup();
    const ids = categoryList()
      .slice(0, 120)
      .map((p: { id: number }) => String(p.id));
    for (const id of ids) await service.set('wb', id, 'competitor');
    market.fail(/cards\/v4\/detail/, { status: 500 }, 2);
    const first = await service.refresh();
    expect(first).toMatchObject({ problem: 'server', problems: expect.any(Number) });
    expect(await service.interrupted()).toBe(true);
    expect(await service.lastRefresh()).toMatchObject({ problem: 'server', complete: false });
    const second = await setup().service.refresh();
    expect(second).toMatchObject({ resumed: true, problem: null, runId: first.runId });
    expect(await service.interrupted()).toBe(false);
  });

  test('a run stuck on an error takes in the items added since and drops the ones removed', async () => {
    const { service, market } = setup();
    const ids = categoryList()
      .slice(0, 120)
      .map((p: { id: number }) => String(p.id));
    for (const id of ids) await service.set('wb', id, 'competitor');
    market.fail(/cards\/v4\/detail/, { status: 500 }, 2);
    const first = await service.refresh();
    expect(first).toMatchObject({ problem: 'server', checked: 0 });
    // While the run waits for the next alarm, the user watches two more and stops watching one.
    const added = ['211695539', '255012877'];
    for (const id of added) await service.set('wb', id, 'mine');
    const removed = ids[7] as string;
    await service.set('wb', removed, null);

    const calls = market.calls.length;
    const second = await service.refresh();
    expect(second).toMatchObject({ resumed: true, runId: first.runId, problem: null, checked: 121 });
    expect(await service.interrupted()).toBe(false);
    for (const id of added) expect((await db.watchlist.get(['wb', id]))?.latest?.priceNow).not.toBeUndefined();
    const asked = market.calls
      .slice(calls)
      .filter((u) => u.includes('/cards/v4/detail'))
      .flatMap((u) => (new URL(u).searchParams.get('nm') ?? '').split(';'));
    expect(asked).toHaveLength(121);
    expect(asked).toEqual(expect.arrayContaining(added));
    expect(asked).not.toContain(removed);
  });

  test('opening the watchlist writes nothing per row: the look is one stored time, the arrows move with it', async () => {
    let clock = Date.now();
    const { service, wb } = setup(() => (clock += 1000));
    const id = '146972802';
    await service.set('wb', id, 'competitor');
    const [fresh] = [...(await wb.fetchCards([Number(id)])).values()];
    await db.cards.put({ ...fresh!, priceNow: fresh!.priceNow! + 5000 });
    await service.markLooked();
    const rowsBefore = await db.watchlist.toArray();
    await service.list();
    await service.markLooked();
    expect(await db.watchlist.toArray()).toEqual(rowsBefore);

    await service.refresh();
    expect((await service.list())[0]?.priceChange).toBe(-5000);
    const kvBefore = await db.kv.toArray();
    await service.markLooked();
    await service.markLooked();
    const kvAfter = await db.kv.toArray();
    expect(kvAfter.filter((r) => !kvBefore.some((b) => JSON.stringify(b) === JSON.stringify(r)))).toHaveLength(1);
    // Looked since the refresh: nothing changed since that look.
    expect((await service.list())[0]?.priceChange).toBeNull();
  });
});

describe('the popup gets tasks grouped by kind', () => {
  let db: LupaDb;
  beforeEach(() => {
    db = new LupaDb(`groups-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  const service = () => createWatchlistService({ db, sources: {}, settings: async () => DEFAULT_SETTINGS });
  const task = (id: number, kind: WatchEvent['kind'], at: number, read: 0 | 1 = 0): WatchEvent => ({
    key: `wb:${id}:${kind}:${at}`,
    marketplace: 'wb',
    id: String(id),
    name: `Товар ${id}`,
    kind,
    at,
    from: 100_000,
    to: 90_000,
    read,
  });

  test('each kind with its count of open tasks and its newest few; done tasks are left out', async () => {
    await db.events.bulkPut([
      ...Array.from({ length: 30 }, (_, i) => task(i, 'price-move', 1_000 + i)),
      ...Array.from({ length: 4 }, (_, i) => task(i, 'stock-low', 5_000 + i)),
      task(7, 'rating-drop', 10, 1),
      task(8, 'rating-drop', 20),
      task(9, 'out-of-stock', 9_000, 1),
    ]);
    const { tasks, counts } = await service().taskGroups(20);
    // Kinds in the order of their newest task.
    expect(counts).toEqual([
      { kind: 'stock-low', count: 4 },
      { kind: 'price-move', count: 30 },
      { kind: 'rating-drop', count: 1 },
    ]);
    expect(tasks.filter((t) => t.kind === 'price-move').map((t) => t.at)).toEqual(Array.from({ length: 20 }, (_, i) => 1_029 - i));
    expect(tasks).toHaveLength(25);
    expect(tasks.map((t) => t.at)).toEqual([...tasks.map((t) => t.at)].sort((a, b) => b - a));
    expect(tasks.every((t) => t.read === 0)).toBe(true);
  });

  test("the seller's own items are the rows marked mine, named from the last refresh or the stored card", async () => {
    const row = (marketplace: 'wb' | 'ozon', id: string, role: 'mine' | 'competitor') => ({
      marketplace,
      id,
      role,
      addedAt: 1,
      looked: null,
    });
    await db.watchlist.bulkPut([
      { ...row('wb', '1', 'mine'), latest: { name: 'Кружка', priceNow: 100, rating: null, fetchedAt: 1 } },
      row('wb', '2', 'competitor'),
      row('wb', '3', 'mine'),
      row('ozon', '4', 'mine'),
    ]);
    await db.cards.put(card({ id: '3', name: 'Чайник' }));
    expect(await service().mine()).toEqual([
      { marketplace: 'ozon', id: '4', name: '' },
      { marketplace: 'wb', id: '1', name: 'Кружка' },
      { marketplace: 'wb', id: '3', name: 'Чайник' },
    ]);
  });

  test('marking a kind done closes every open task of it, not only those shown', async () => {
    await db.events.bulkPut([...Array.from({ length: 30 }, (_, i) => task(i, 'price-move', 1_000 + i)), task(1, 'stock-low', 5_000)]);
    expect(await service().markRead([], ['price-move'])).toBe(1);
    expect((await service().taskGroups(20)).counts).toEqual([{ kind: 'stock-low', count: 1 }]);
  });
});
