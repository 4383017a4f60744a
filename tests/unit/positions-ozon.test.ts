// Position scans on Ozon's search: the listing page JSON page by page, places counted across the
// pages, no regions; resumable after the worker stops; without an Ozon tab, a clear "needs-tab".
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import { createOzonClient } from '../../utils/marketplaces/ozon/client';
import { ozonEndpoints } from '../../utils/marketplaces/ozon/endpoints';
import { FetchProblem, Net } from '../../utils/net';
import { createPositionsService, NO_REGION, type ScanPages } from '../../utils/positions/service';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import { fakeMarket } from './fixture-transport';

const QUERY = 'термокружка';
/** Where the fixture places each of our cards for the query (1-based, across pages). */
const placed = ozon.QUERIES[QUERY].placed as Record<string, number>;

describe('Ozon position scans', () => {
  let db: LupaDb;
  beforeEach(() => {
    db = new LupaDb(`pos-ozon-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  function pages() {
    const market = fakeMarket();
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } });
    const client = createOzonClient({ net, background: market.transport, blockedUntil: { get: async () => 0, set: async () => {} } });
    const real: ScanPages = ({ query, page }) => client.fetchListingPage(ozonEndpoints.search(query, page));
    return { market, real };
  }
  const service = (ozonPages: ScanPages) =>
    createPositionsService({
      db,
      markets: { ozon: ozonPages },
      searchPages: async () => {
        throw new Error('WB search is not for Ozon scans');
      },
      region: async () => -1257786,
      depth: async () => 3,
    });
  const done = async (s: ReturnType<typeof service>, id: string) =>
    expect.poll(async () => (await s.get('ozon', id, null)).scan?.state).not.toBe('running');

  test('places are counted across pages; no region, no ad slot; the scan stops where the card is found', async () => {
    const { real, market } = pages();
    const s = service(real);
    for (const id of Object.keys(placed)) {
      await s.setQueries('ozon', id, [QUERY]);
      await s.start('ozon', id);
      await done(s, id);
      const { rows, region, regions } = await s.get('ozon', id, null);
      expect(rows).toMatchObject([
        { query: QUERY, organic: placed[id], ad: null, region: NO_REGION, page: Math.ceil(placed[id]! / ozon.TILES_PER_PAGE) },
      ]);
      expect(region).toBe(NO_REGION);
      expect(regions).toEqual([]);
    }
    // Place 3 is on page 1, place 15 on page 2: three pages in all.
    expect(market.calls).toHaveLength(3);
  });

  test('a card past the pages there are is "not found", after the last page', async () => {
    const { real, market } = pages();
    const s = service(real);
    await s.setQueries('ozon', '987654321', [QUERY]);
    await s.start('ozon', '987654321');
    await done(s, '987654321');
    expect((await s.get('ozon', '987654321', null)).rows).toMatchObject([{ organic: null, depth: 3 }]);
    // Two pages of 12, the third empty: the results ended.
    expect(market.calls).toHaveLength(3);
  });

  test('a scan the worker stopped on page 2 resumes there, counting page 1 tiles it no longer reads', async () => {
    const { real } = pages();
    let calls = 0;
    const dying = service((ask) => (++calls === 2 ? new Promise(() => {}) : real(ask)));
    const id = '754321987';
    await dying.setQueries('ozon', id, [QUERY]);
    await dying.start('ozon', id);
    await expect.poll(() => calls).toBe(2);
    const asked: number[] = [];
    const woken = service((ask) => {
      asked.push(ask.page);
      return real(ask);
    });
    expect(await woken.resume()).toBe(1);
    await done(woken, id);
    expect(asked).toEqual([2]);
    expect((await woken.get('ozon', id, null)).rows).toMatchObject([{ organic: placed[id], page: 2 }]);
  });

  test('no Ozon tab open: the scan fails as "needs-tab", not offline, and stores no row', async () => {
    const s = service(async () => {
      throw new FetchProblem('needs-tab', 'ozon: no Ozon tab open for the scan');
    });
    await s.setQueries('ozon', '1649246352', [QUERY]);
    await s.start('ozon', '1649246352');
    await done(s, '1649246352');
    const { scan, rows } = await s.get('ozon', '1649246352', null);
    expect(scan).toMatchObject({ state: 'failed', problem: 'needs-tab' });
    expect(rows).toEqual([]);
  });
});
