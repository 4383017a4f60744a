// Writes of the user's own data — watch, links, twins, tracked queries, costs — through the
// background's handlers: each goes through the quota guard (a full disk frees history, says so,
// and loses nothing), and each is committed with strict durability (security.md R2, R6).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { BackgroundKit } from '../../utils/background-kit';
import { competitors } from '../../utils/competitors/background';
import { addPoints, isUserDataWrite, LupaDb, USER_TABLES } from '../../utils/db';
import { positions } from '../../utils/positions/background';
import { quotaGuard } from '../../utils/quota';
import { DAY_MS } from '../../utils/stats';
import { twins } from '../../utils/twins/background';
import { watchlist } from '../../utils/watchlist/background';

type Handler = (request: unknown, sender: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('../../utils/messaging', () => ({
  answer: (name: string, _allow: unknown, handle: Handler) => {
    handlers.set(name, handle);
    return () => {};
  },
  ask: async () => {
    throw new Error('no tabs here');
  },
}));

const NOW = Date.parse('2026-11-23T12:00:00Z');
let db: LupaDb;
/** 'free': writes work. 'until-freed': the disk is full until something is deleted. 'stays': deleting frees nothing. */
let disk: 'free' | 'until-freed' | 'stays' = 'free';
let told: number[] = [];

beforeEach(async () => {
  handlers.clear();
  db = new LupaDb(`user-writes-${Math.random()}`);
  disk = 'free';
  told = [];
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (req) => {
            if (req.type === 'delete' || req.type === 'deleteRange') {
              if (disk === 'until-freed') disk = 'free';
            } else if (disk !== 'free') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return table.mutate(req);
          },
        };
      },
    }),
  });
  const anyone = () => true;
  const kit = {
    db,
    guard: quotaGuard({ db, now: () => NOW, onFreed: async (n) => void told.push(n) }),
    settings: async () => ({ wbDest: -1257786, positionDepth: 1 }),
    from: new Proxy({}, { get: () => anyone }),
    overview: { get: async () => ({ product: null, state: 'not-found' }) },
    searchPages: {},
    wb: { dest: async () => -1257786 },
    sources: {},
    badge: { add: () => {}, update: async () => {} },
    notify: async () => {},
    onAlarm: () => {},
    onStart: () => {},
    ports: {},
  } as unknown as BackgroundKit;
  for (const feature of [watchlist, positions, twins, competitors]) feature.register(kit);
  // Two months of observed prices, six a day: what can be thinned when space runs out.
  const points = [];
  for (let d = 60; d >= 1; d--)
    for (let h = 0; h < 6; h++)
      points.push({ marketplace: 'wb', productId: '1', at: NOW - d * DAY_MS + h * 3_600_000, price: 100000 + d, source: 'observed' });
  await addPoints(db, 'pricePoints', points as never);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const call = (name: string, request: unknown) => (handlers.get(name) as Handler)(request, {});
const mine = { marketplace: 'wb', id: '146972802' } as const;
const rival = { marketplace: 'wb', id: '98765432' } as const;
/** Every user write the storefront panel, the options page and the cabinet make. */
const WRITES: Array<[string, unknown, () => Promise<unknown>]> = [
  ['setWatch', { ...mine, role: 'mine' }, () => db.watchlist.get(['wb', mine.id])],
  ['setCompetitorLink', { mine, competitor: rival, linked: true }, () => db.competitorLinks.get(['wb', mine.id, 'wb', rival.id])],
  ['setUnitCosts', { ...mine, costs: { cost: 60000, commissionPct: 19.5, logistics: 8540 } }, () => db.unitCosts.get(['wb', mine.id])],
  ['setTwin', { ...mine, twin: '1649246352' }, () => db.twins.get(['wb', mine.id])],
  [
    'setPositionQueries',
    { marketplace: 'wb', productId: mine.id, queries: ['футболка'] },
    () => db.positionQueries.get(['wb', mine.id, 'футболка']),
  ],
];

test.each(WRITES)('%s: storage full until history is thinned — the write is done and the user told', async (name, request, stored) => {
  disk = 'until-freed';
  await call(name, request);
  expect(await stored()).toBeTruthy();
  expect(told).toHaveLength(1);
  expect(told[0]).toBeGreaterThan(0);
});

test.each(WRITES)('%s: storage stays full — it fails as "storage full", and what was there stays', async (name, request, stored) => {
  await db.watchlist.put({ marketplace: 'wb', id: '111', role: 'competitor', addedAt: 1, looked: null });
  disk = 'stays';
  await expect(call(name, request)).rejects.toMatchObject({ name: 'LupaStorageFull' });
  expect(await stored()).toBeUndefined();
  expect(await db.watchlist.get(['wb', '111'])).toMatchObject({ role: 'competitor' });
});

test('writes of the user data are committed strictly; cache writes and refreshes keep the default', async () => {
  const seen: Array<{ stores: string[]; durability: string | undefined }> = [];
  const original = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    if (mode === 'readwrite') seen.push({ stores: typeof stores === 'string' ? [stores] : [...stores], durability: options?.durability });
    return original.call(this, stores, mode, options);
  });
  // Dexie binds the database's transaction() when it opens it: open again under the spy.
  db.close({ disableAutoOpen: false });
  await db.open();
  const strict = () => seen.filter((s) => s.durability === 'strict').map((s) => s.stores.join('+'));

  for (const [name, request] of WRITES) await call(name, request);
  expect(new Set(strict())).toEqual(new Set(['watchlist', 'competitorLinks', 'unitCosts', 'twins', 'positionQueries']));

  seen.length = 0;
  await db.cards.put({ marketplace: 'wb', id: '1' } as never);
  await db.transaction('rw', [db.cards, db.watchlist], async () => {
    await db.watchlist.put({ marketplace: 'wb', id: '1', role: 'mine', addedAt: 1, looked: null });
  });
  expect(strict()).toEqual([]);
  expect(seen).toHaveLength(2);

  // A restore or a wipe replaces everything: strict too.
  expect(
    isUserDataWrite(
      db.tables.map((t) => t.name),
      'readwrite',
    ),
  ).toBe(true);
  expect(
    isUserDataWrite(
      db.tables.map((t) => t.name),
      'readonly',
    ),
  ).toBe(false);
  expect([...USER_TABLES].sort()).toEqual(['competitorLinks', 'positionQueries', 'twins', 'unitCosts', 'watchlist']);
});
