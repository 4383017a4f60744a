// A manager walks through hundreds of cards in one tab: what Lupa puts on a page must go with it.
// After many client-side navigations the page must be back near where it was after the first few:
// event listeners and DOM nodes (CDP Memory.getDOMCounters, every world of the page, Lupa's
// isolated one included) and JS heap (Runtime.getHeapUsage), each read after a forced GC.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import * as wb from '../fixtures/wb/catalog.mjs';
import { figure, type Lab, panelIn, useLab } from './harness';

const LIMITS = { listeners: 60, nodes: 150, heapBytes: 1024 * 1024 };

interface Counters {
  listeners: number;
  nodes: number;
  heapBytes: number;
}

async function read(cdp: CDPSession): Promise<Counters> {
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { listeners: dom.jsEventListeners, nodes: dom.nodes, heapBytes: heap.usedSize };
}

/** The counters after collecting garbage until the DOM counts hold still (nodes are swept lazily, and one collection can free more for the next). */
async function counters(cdp: CDPSession): Promise<Counters> {
  let last = await read(cdp);
  for (let i = 0; i < 10; i++) {
    const next = await read(cdp);
    if (next.nodes === last.nodes && next.listeners === last.listeners) return next;
    last = next;
  }
  return last;
}

function expectBackWithin(before: Counters, after: Counters) {
  if (process.env.LUPA_LEAK_LOG) console.log({ before, after });
  const grown = {
    listeners: after.listeners - before.listeners,
    nodes: after.nodes - before.nodes,
    heapBytes: after.heapBytes - before.heapBytes,
  };
  expect(grown.listeners, `listeners ${before.listeners} → ${after.listeners}`).toBeLessThanOrEqual(LIMITS.listeners);
  expect(grown.nodes, `nodes ${before.nodes} → ${after.nodes}`).toBeLessThanOrEqual(LIMITS.nodes);
  expect(grown.heapBytes, `heap ${before.heapBytes} → ${after.heapBytes}`).toBeLessThanOrEqual(LIMITS.heapBytes);
}

describe('nothing of Lupa stays behind on a page navigated client-side', () => {
  let lab: Lab;
  useLab((l) => {
    lab = l;
  });

  test('90 navigations between three products: listeners, nodes and heap back near where they were after the first few', async () => {
    lab.server.settings.shellDelayMs = 0;
    const three = wb.products.slice(0, 3);
    const page = await lab.open(`/catalog/${three[0]!.id}/detail.aspx`);
    const cdp = await lab.context.newCDPSession(page);
    // Each visit ends with the whole panel: React, its sections and the drawn chart.
    const visit = async (n: number) => {
      const product = three[n % 3]!;
      if (n > 0) await page.locator(`a.other-product[href="/catalog/${product.id}/detail.aspx"]`).click();
      const p = await panelIn(page, product.id);
      await expect.poll(() => figure(p, 'price-chart')).toMatch(/^[1-9]\d*$/);
    };
    // The first few: every product, chunk and chart once, and the page's and Lupa's code warmed up
    // (V8 keeps compiling hot functions for a while: that is heap too, and not a leak).
    const FIRST_FEW = 15;
    for (let n = 0; n < FIRST_FEW; n++) await visit(n);
    const before = await counters(cdp);
    for (let n = FIRST_FEW; n < FIRST_FEW + 90; n++) await visit(n);
    const after = await counters(cdp);
    expectBackWithin(before, after);
    expect(await page.locator('[data-lupa="product-panel"]').count()).toBe(1);
    await page.close();
  }, 240_000);

  test('24 navigations between search pages: listeners, nodes and heap back near where they were after the first few', async () => {
    lab.server.settings.shellDelayMs = 0;
    const queries = ['наушники беспроводные', 'футболка оверсайз', 'кроссовки мужские'];
    const page: Page = await lab.open(`/catalog/0/search.aspx?search=${encodeURIComponent(queries[0]!)}`);
    const cdp = await lab.context.newCDPSession(page);
    const visit = async (n: number) => {
      const query = queries[n % 3]!;
      if (n > 0) await page.locator('.search-tags__item', { hasText: query }).click();
      await page.locator('.searching-results__title', { hasText: query }).waitFor();
      // Every tile of this query badged, each once, with its own article.
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const tiles = [...document.querySelectorAll('article.product-card')];
              const right = tiles.filter((t) => {
                const badges = t.querySelectorAll('lupa-tile-badge');
                return badges.length === 1 && badges[0]?.getAttribute('data-nm') === t.getAttribute('data-nm-id');
              });
              return right.length === tiles.length ? tiles.length : -1;
            }),
          { timeout: 20_000 },
        )
        .toBe(100);
    };
    const FIRST_FEW = 6;
    for (let n = 0; n < FIRST_FEW; n++) await visit(n);
    const before = await counters(cdp);
    for (let n = FIRST_FEW; n < FIRST_FEW + 24; n++) await visit(n);
    const after = await counters(cdp);
    expectBackWithin(before, after);
    expect(await page.locator('lupa-listing-status').count()).toBe(1);
    // One page summary too, for the query shown.
    await expect.poll(() => page.locator('lupa-listing-summary').count(), { timeout: 20_000 }).toBe(1);
    await page
      .locator('lupa-listing-summary [data-lupa="summary-tiles"][data-value="100"]')
      .waitFor({ state: 'attached', timeout: 20_000 });
    await page.close();
  }, 240_000);
});
