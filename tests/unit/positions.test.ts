import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import { Net } from '../../utils/net';
import { createPositionsService, suggestQueries } from '../../utils/positions/service';
import { createSearchPages } from '../../utils/search-pages';
import { fakeMarket } from './fixture-transport';

const DAY = 86_400_000;
let db: LupaDb;
let clock = Date.parse('2026-11-20T10:00:00Z');

function setup() {
  const market = fakeMarket(() => clock);
  const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
  const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786, now: () => clock });
  const searchPages = createSearchPages({ db, wb, now: () => clock });
  const service = createPositionsService({ db, searchPages, region: async () => -1257786, depth: async () => 10, now: () => clock });
  return { market, service };
}

async function scanToEnd(service: ReturnType<typeof setup>['service'], id: string) {
  await service.start('wb', id);
  for (;;) {
    const { scan } = await service.get('wb', id, null);
    if (scan && scan.state !== 'running') return scan;
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeEach(() => {
  db = new LupaDb(`positions-${Math.random()}`);
  clock = Date.parse('2026-11-20T10:00:00Z');
});
afterEach(async () => {
  await db.delete();
});

describe('position scans', () => {
  test('finds a product on page 7 and stops there; the row says where', async () => {
    const { service, market } = setup();
    await service.setQueries('wb', '146972802', ['Футболка  оверсайз ']);
    const scan = await scanToEnd(service, '146972802');
    expect(scan).toMatchObject({ state: 'done', done: 10, total: 10 });
    expect(market.calls.filter((u) => u.includes('/search?'))).toHaveLength(7);
    const { rows, queries } = await service.get('wb', '146972802', null);
    expect(queries).toEqual(['футболка оверсайз']);
    expect(rows).toEqual([
      {
        marketplace: 'wb',
        productId: '146972802',
        query: 'футболка оверсайз',
        region: -1257786,
        at: clock,
        organic: 612,
        ad: null,
        cpm: null,
        page: 7,
        depth: 10,
      },
    ]);
  });

  test('an advertised product: its paid slot, its organic place and its bid', async () => {
    const { service } = setup();
    await service.setQueries('wb', '255012877', ['наушники беспроводные']);
    await scanToEnd(service, '255012877');
    expect((await service.get('wb', '255012877', null)).rows[0]).toMatchObject({ organic: 148, ad: 2, cpm: 35000, page: 1 });
  });

  test('a product absent from all pages is stored as not found within the depth', async () => {
    const { service, market } = setup();
    await service.setQueries('wb', '211695539', ['кроссовки мужские']);
    await scanToEnd(service, '211695539');
    expect((await service.get('wb', '211695539', null)).rows[0]).toMatchObject({ organic: null, ad: null, page: null, depth: 10 });
    expect(market.calls.filter((u) => u.includes('/search?'))).toHaveLength(10);
  });

  test('two scans at different times make two rows; a scan asks the marketplace, not the cache', async () => {
    const { service, market } = setup();
    await service.setQueries('wb', '146972802', ['футболка оверсайз']);
    await scanToEnd(service, '146972802');
    clock += 3 * DAY;
    market.shift.value = 30;
    await scanToEnd(service, '146972802');
    const { rows } = await service.get('wb', '146972802', null);
    expect(rows.map((r) => [r.organic, r.page])).toEqual([
      [612, 7],
      [582, 6],
    ]);
    expect(rows[1]!.at - rows[0]!.at).toBe(3 * DAY);
  });

  test('a fall of ten places or more between checks is a task; a small one is not', async () => {
    const market = fakeMarket(() => clock);
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
    const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786, now: () => clock });
    const drops: unknown[] = [];
    const service = createPositionsService({
      db,
      searchPages: createSearchPages({ db, wb, now: () => clock }),
      region: async () => -1257786,
      depth: async () => 10,
      now: () => clock,
      onDrop: async (events) => void drops.push(...events),
    });
    await service.setQueries('wb', '146972802', ['футболка оверсайз']);
    market.shift.value = 30; // 582
    await scanToEnd(service, '146972802');
    clock += DAY;
    market.shift.value = 25; // 587: five places lost
    await scanToEnd(service, '146972802');
    expect(drops).toEqual([]);
    clock += DAY;
    market.shift.value = 0; // 612: 25 places lost
    await scanToEnd(service, '146972802');
    expect(drops).toMatchObject([{ kind: 'position-drop', id: '146972802', from: 587, to: 612 }]);
  });

  test('a scan cut short by the worker stopping resumes from the page it reached, with one row per query', async () => {
    const market = fakeMarket(() => clock);
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
    const wb = createWbClient({ net, background: market.transport, dest: async () => -1257786, now: () => clock });
    const real = createSearchPages({ db, wb, now: () => clock });
    const asked: string[] = [];
    let calls = 0;
    // The first worker: its 12th page request never returns (the worker was stopped there).
    const dying = createPositionsService({
      db,
      searchPages: (request) => (++calls === 12 ? new Promise(() => {}) : real(request)),
      region: async () => -1257786,
      depth: async () => 10,
      now: () => clock,
    });
    await dying.setQueries('wb', '146972802', ['кроссовки мужские', 'футболка оверсайз']);
    await dying.start('wb', '146972802');
    await expect.poll(() => calls).toBe(12);
    // 10 pages of the first query (absent), one of the second: its row is stored, the second's not.
    expect((await dying.get('wb', '146972802', null)).rows.map((r) => r.query)).toEqual(['кроссовки мужские']);

    const woken = createPositionsService({
      db,
      searchPages: (request) => {
        asked.push(`${request.query}#${request.page}`);
        return real(request);
      },
      region: async () => -1257786,
      depth: async () => 10,
      now: () => clock,
    });
    expect(await woken.resume()).toBe(1);
    await expect.poll(async () => (await woken.get('wb', '146972802', null)).scan?.state).toBe('done');
    expect(asked[0]).toBe('футболка оверсайз#2');
    const { rows, scan } = await woken.get('wb', '146972802', null);
    expect(rows.map((r) => [r.query, r.organic])).toEqual([
      ['кроссовки мужские', null],
      ['футболка оверсайз', 612],
    ]);
    expect(scan).toMatchObject({ done: 20, total: 20 });
    expect(await woken.resume()).toBe(0);
  });

  test('cancel stops the walk and stores nothing half-done', async () => {
    const { service } = setup();
    await service.setQueries('wb', '211695539', ['кроссовки мужские', 'футболка оверсайз']);
    const started = await service.start('wb', '211695539');
    expect(started).toMatchObject({ state: 'running', total: 20 });
    service.cancel('wb', '211695539');
    const scan = await scanToEnd(service, '211695539');
    expect(scan.state).toBe('cancelled');
    expect(scan.done).toBeLessThan(20);
    expect((await service.get('wb', '211695539', null)).rows).toEqual([]);
  });

  test('a failing search ends the scan as failed with the reason', async () => {
    const { service, market } = setup();
    market.fail(/search/, { status: 403 }, 5);
    await service.setQueries('wb', '146972802', ['футболка оверсайз']);
    expect(await scanToEnd(service, '146972802')).toMatchObject({ state: 'failed', problem: 'blocked' });
  });
});

describe('positions by region', () => {
  const OWN = -1257786;
  // The fixture's search stands our products 500 places higher in 12358062, 200 in -5818883
  // (a place is as shown: ads lifted from below into page 1 count above it).
  const KAZAN = 12358062;
  const OMSK = -5818883;

  test('a scan walks each query in the own region, then in each region added; the reply puts them side by side', async () => {
    const { service, market } = setup();
    await service.setQueries('wb', '146972802', ['футболка оверсайз', 'кроссовки мужские']);
    await service.addRegion(KAZAN, 'г. Казань, улица Баумана, 12');
    await service.addRegion(OMSK, 'Регион -5818883');
    const started = await service.start('wb', '146972802');
    expect(started.total).toBe(3 * 2 * 10);
    const scan = await scanToEnd(service, '146972802');
    expect(scan).toMatchObject({ state: 'done', done: 60, total: 60 });
    // Every search asked with the region it was for.
    const dests = market.calls.filter((u) => u.includes('/search?')).map((u) => Number(new URL(u).searchParams.get('dest')));
    expect(new Set(dests)).toEqual(new Set([OWN, KAZAN, OMSK]));
    const reply = await service.get('wb', '146972802', null);
    expect(reply.rows.map((r) => [r.query, r.region, r.organic]).sort()).toEqual(
      [
        ['футболка оверсайз', OWN, 612],
        ['кроссовки мужские', OWN, null],
      ].sort(),
    );
    expect(reply.regions).toEqual([
      { dest: KAZAN, name: 'г. Казань, улица Баумана, 12' },
      { dest: OMSK, name: 'Регион -5818883' },
    ]);
    expect(reply.regionRows.map((r) => [r.query, r.region, r.organic, r.page]).sort()).toEqual(
      [
        ['футболка оверсайз', KAZAN, 115, 2], // 112 in the organic order, three ads shown above it
        ['футболка оверсайз', OMSK, 412, 5],
        ['кроссовки мужские', KAZAN, null, null],
        ['кроссовки мужские', OMSK, null, null],
      ].sort(),
    );
  });

  test('a fall in another region is no task; the own region is never listed among the added', async () => {
    const drops: unknown[] = [];
    const market = fakeMarket(() => clock);
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });
    const wb = createWbClient({ net, background: market.transport, dest: async () => OWN, now: () => clock });
    const service = createPositionsService({
      db,
      searchPages: createSearchPages({ db, wb, now: () => clock }),
      region: async () => OWN,
      depth: async () => 10,
      now: () => clock,
      onDrop: async (events) => void drops.push(...events),
    });
    await service.setQueries('wb', '146972802', ['футболка оверсайз']);
    await service.addRegion(KAZAN, 'Казань');
    await service.addRegion(OWN, 'Москва');
    await scanToEnd(service, '146972802');
    clock += DAY;
    await service.removeRegion(OWN);
    await service.addRegion(KAZAN, 'Казань, другой адрес');
    // Kazan now as Moscow: 500 places lost there, none at home.
    market.fail(/dest=12358062/, { status: 200, body: JSON.stringify({ products: [], total: 0 }) }, 100);
    await scanToEnd(service, '146972802');
    expect(drops).toEqual([]);
    const reply = await service.get('wb', '146972802', null);
    expect(reply.regions).toEqual([{ dest: KAZAN, name: 'Казань, другой адрес' }]);
    expect(reply.regionRows.map((r) => [r.region, r.organic])).toEqual([[KAZAN, null]]);
  });

  test('at most five regions; a scan stored before regions existed resumes in its own region', async () => {
    const { service } = setup();
    for (let i = 1; i <= 5; i++) await service.addRegion(1000 + i, `Регион ${i}`);
    await expect(service.addRegion(2000, 'Шестой')).rejects.toThrow(RangeError);
    // Progress as an older version stored it: no region on its queries.
    await db.kv.put({
      key: 'scan:wb:146972802',
      value: {
        marketplace: 'wb',
        productId: '146972802',
        region: OWN,
        depth: 10,
        startedAt: clock,
        done: 0,
        total: 10,
        left: [{ query: 'футболка оверсайз', page: 6 }],
      },
    });
    expect(await service.resume()).toBe(1);
    await expect.poll(async () => (await service.get('wb', '146972802', null)).scan?.state).toBe('done');
    expect((await service.get('wb', '146972802', null)).rows.map((r) => [r.region, r.organic])).toEqual([[OWN, 612]]);
  });
});

test('query suggestions come from the title, without filler words, and skip what is tracked', async () => {
  expect(suggestQueries('Футболка оверсайз из хлопка с принтом', 'URBAN TIGER')).toEqual([
    'футболка оверсайз',
    'футболка оверсайз хлопка',
    'футболка хлопка',
    'футболка urban tiger',
  ]);
  expect(suggestQueries('Ноутбук-трансформер 14" 16/512 ГБ')).toEqual(['ноутбук-трансформер']);
  const { service } = setup();
  await service.setQueries('wb', '1', ['футболка оверсайз']);
  expect((await service.get('wb', '1', { name: 'Футболка оверсайз из хлопка', brand: '' })).suggestions).not.toContain('футболка оверсайз');
});
