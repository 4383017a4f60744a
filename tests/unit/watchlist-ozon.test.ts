// Watched Ozon cards in the background refresh: read through an open Ozon tab (its reviews too, so a
// new negative review is a task), or left for a later run when no Ozon tab is open.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LupaDb } from '../../utils/db';
import { createOzonClient } from '../../utils/marketplaces/ozon/client';
import type { RequestContext } from '../../utils/marketplaces/wb/client';
import { Net, type Transport } from '../../utils/net';
import { ozonOverviewSource } from '../../utils/product-overview';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { createWatchlistService, lastRefresh } from '../../utils/watchlist/service';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import { fakeMarket } from './fixture-transport';

const p = ozon.products[1]!;
const id = String(p.sku);

describe('watched Ozon cards', () => {
  let db: LupaDb;
  beforeEach(() => {
    db = new LupaDb(`watch-ozon-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  /** The background's own fetch meets Ozon's wall (a 403 with an incident id), as it usually does. */
  function stand(tab: { open: boolean }) {
    const market = fakeMarket();
    const background: Transport = async (url) => {
      market.calls.push(`background ${url}`);
      return { status: 403, body: '<html>Доступ ограничен. Incident ID: x</html>', retryAfter: null };
    };
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } });
    const client = createOzonClient({ net, background, blockedUntil: { get: async () => 0, set: async () => {} } });
    const openTab = async (): Promise<RequestContext | null> => (tab.open ? { page: market.transport, tabId: 7 } : null);
    const service = createWatchlistService({
      db,
      sources: { ozon: ozonOverviewSource(client, openTab) },
      settings: async () => DEFAULT_SETTINGS,
    });
    return { market, service };
  }

  test('no Ozon tab open: the cards are skipped, said so, and nothing is sent to Ozon', async () => {
    const { service, market } = stand({ open: false });
    await service.set('ozon', id, 'competitor');
    const run = await service.refresh();
    expect(run).toMatchObject({ checked: 0, skipped: 1, problems: 0, problem: null });
    expect(await lastRefresh.get(db)).toMatchObject({ skipped: 1, problem: null, complete: true });
    expect(market.calls).toEqual([]);
    // Not left in a cursor that would make the next run look "resumed".
    expect(await service.interrupted()).toBe(false);
  });

  test('through an open Ozon tab: the card is read, and a new 1–2★ review since the last look is a task', async () => {
    const tab = { open: true };
    const { service, market } = stand(tab);
    await service.set('ozon', id, 'competitor');
    expect(await service.refresh()).toMatchObject({ checked: 1, skipped: 0, problems: 0 });
    expect(market.calls.every((u) => !u.startsWith('background'))).toBe(true);
    // Reviews are read only when the count grew: pretend Lupa last looked when there were fewer.
    expect(market.calls.filter((u) => u.includes('reviews'))).toHaveLength(0);
    const card = (await db.cards.get(['ozon', id]))!;
    const newest = ozon.reviewFigures(p).negatives[0]!;
    await db.cards.put({ ...card, reviewCount: card.reviewCount - 2, fetchedAt: newest.publishedAt * 1000 - 86_400_000 });
    await service.refresh();
    expect(market.calls.filter((u) => u.includes('reviews'))).toHaveLength(2);
    const task = (await service.tasks()).find((t) => t.kind === 'new-negative');
    expect(task).toMatchObject({ marketplace: 'ozon', id, to: newest.content.score, at: newest.publishedAt * 1000 });
  });
});
