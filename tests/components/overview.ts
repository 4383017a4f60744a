// Shared by the panel's component tests: an overview as the background would send it, made by the
// real service from the fixture catalogue, and a jsdom without canvas (the chart simply does not draw).
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { LupaDb } from '../../utils/db';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import type { ProductOverview } from '../../utils/messages';
import { Net } from '../../utils/net';
import { createProductOverviewService, wbOverviewSource } from '../../utils/product-overview';
import * as wb from '../fixtures/wb/catalog.mjs';
import { fakeMarket } from '../unit/fixture-transport';

/** Call once at the top of a panel test file. */
export function setUpPanelTests(): void {
  beforeAll(() => {
    HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  });
  afterEach(() => {
    cleanup();
    document.body.replaceChildren();
  });
}

/** The overview of the fixture's product number `index`, from a fresh database. */
export async function overviewOf(index: number): Promise<ProductOverview> {
  const db = new LupaDb(`panel-${Math.random()}`);
  const market = fakeMarket();
  const net = new Net({ defaults: { minIntervalMs: 0 } });
  const client = createWbClient({ net, background: market.transport, dest: async () => -1257786 });
  const service = createProductOverviewService({ db, sources: { wb: wbOverviewSource(client) }, windowDays: async () => 90 });
  const overview = await service.get({ marketplace: 'wb', id: String(wb.products[index]!.id), mode: 'cached' });
  await db.delete();
  return overview;
}
