import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import { categoryList, searchPage } from '../fixtures/wb/search.mjs';
import { completedDownloads, type Lab, useLab } from './harness';

// Every figure below is computed from the fixture's payloads alone (no Lupa code): what the bar
// must show for the tiles on the page.

interface Entry {
  id: number;
  brand: string;
  supplierId: number;
  feedbacks: number;
  reviewRating: number;
  log?: { cpm?: number; position: number; promoPosition: number };
  sizes: Array<{ stocks: Array<{ qty: number }>; price?: { product: number } }>;
}

const NICHE = 'чехол для телефона';
const searchUrl = (q: string) => `/catalog/0/search.aspx?search=${encodeURIComponent(q)}`;
const entries = (query: string, pages: number): Entry[] =>
  Array.from({ length: pages }, (_, i) => (searchPage(query, i + 1).products ?? []) as Entry[]).flat();

const priceOf = (e: Entry) => {
  const prices = e.sizes.filter((s) => s.price && s.stocks.some((st) => st.qty > 0)).map((s) => s.price!.product);
  return prices.length ? Math.min(...prices) : null;
};
const medianOf = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
};

function expectedSummary(list: Entry[]) {
  const prices = list.map(priceOf).filter((p): p is number => p !== null);
  const ads = list.filter((e) => e.log).length;
  return {
    'summary-tiles': String(list.length),
    'summary-median-price': String(medianOf(prices)),
    'summary-ad-share': String(Math.round((ads / list.length) * 1000) / 10),
    'summary-sellers': String(new Set(list.map((e) => e.supplierId)).size),
    'summary-brands': String(new Set(list.map((e) => e.brand)).size),
    'summary-covered': '0',
    'summary-orders': '',
    prices,
  };
}

const FIGURES = [
  'summary-tiles',
  'summary-median-price',
  'summary-ad-share',
  'summary-sellers',
  'summary-brands',
  'summary-covered',
  'summary-orders',
];

async function readSummary(page: Page) {
  return page.evaluate((names) => {
    const root = document.querySelector('lupa-listing-summary')?.shadowRoot;
    const out: Record<string, string | null> = {};
    for (const name of names) out[name] = root?.querySelector(`[data-lupa="${name}"]`)?.getAttribute('data-value') ?? null;
    return out;
  }, FIGURES);
}

const bands = async (page: Page): Promise<Array<[number, number, number]>> =>
  JSON.parse((await page.locator('lupa-listing-summary [data-lupa="summary-bands"]').getAttribute('data-value')) ?? '[]');

async function summaryOf(page: Page, tiles: number) {
  await page
    .locator('lupa-listing-summary [data-lupa="summary-tiles"]')
    .and(page.locator(`[data-value="${tiles}"]`))
    .waitFor({ state: 'attached', timeout: 20_000 });
}

const slots = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('lupa-listing-summary')?.shadowRoot?.querySelectorAll('[data-lupa="bid-slot"]') ?? [])].map((li) => ({
      slot: li.getAttribute('data-slot'),
      cpm: li.getAttribute('data-value'),
      nm: li.getAttribute('data-nm'),
      page: li.getAttribute('data-page'),
    })),
  );

const breakEven = (page: Page) => page.locator('lupa-listing-summary [data-lupa="break-even-cpm"]').getAttribute('data-value');

describe('the page summary above a listing', () => {
  let lab: Lab;
  useLab((l) => {
    lab = l;
  });

  test('a search niche: tiles, median price, bands, ad share, sellers and brands as the payload says; more as tiles load', async () => {
    const page = await lab.open(searchUrl(NICHE));
    await summaryOf(page, 100);
    const first = expectedSummary(entries(NICHE, 1));
    const { prices, ...figures } = first;
    expect(await readSummary(page)).toEqual(figures);
    // Each price in exactly one band, and the bands count every priced tile.
    const shown = await bands(page);
    expect(shown.reduce((n, b) => n + b[2], 0)).toBe(prices.length);
    for (const p of prices)
      expect(shown.filter(([from, to], i) => p >= from && (p < to || (i === shown.length - 1 && p <= to)))).toHaveLength(1);
    // The bar sits above the results, once.
    expect(await page.evaluate(() => document.querySelector('lupa-listing-summary')?.nextElementSibling?.className)).toContain(
      'product-card-list',
    );
    expect(await page.locator('lupa-listing-summary').count()).toBe(1);

    await page.locator('.catalog-page__loader').scrollIntoViewIfNeeded();
    await summaryOf(page, 200);
    const { prices: _p, ...two } = expectedSummary(entries(NICHE, 2));
    expect(await readSummary(page)).toEqual(two);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('the bid ladder lists every ad slot of the pages loaded with its bid and page; a log without cpm is an unknown bid', async () => {
    const page = await lab.open(searchUrl(NICHE));
    await summaryOf(page, 100);
    await page.locator('.catalog-page__loader').scrollIntoViewIfNeeded();
    await summaryOf(page, 200);
    const expected = entries(NICHE, 2)
      .map((e, i) => ({ e, slot: i + 1 }))
      .filter(({ e }) => e.log)
      .map(({ e, slot }) => ({
        slot: String(slot),
        cpm: e.log!.cpm === undefined ? '' : String(Math.round(e.log!.cpm * 100)),
        nm: String(e.id),
        page: String(Math.ceil(slot / 100)),
      }));
    expect(expected).toHaveLength(7);
    expect(expected.some((s) => s.cpm === '')).toBe(true);
    expect(await slots(page)).toEqual(expected);
    await page.close();
  });

  test('break-even CPM from the typed margin and the shown assumptions, kept for the next page', async () => {
    const page = await lab.open(searchUrl(NICHE));
    await summaryOf(page, 100);
    expect(await breakEven(page)).toBe('');
    const margin = page.locator('lupa-listing-summary [data-lupa="bid-margin"]');
    await margin.fill('500');
    await margin.press('Tab');
    // 1000 views × 3 % CTR × 5 % conversion × 500 ₽.
    await expect.poll(() => breakEven(page)).toBe('75000');
    const ctr = page.locator('lupa-listing-summary [data-lupa="bid-ctr"]');
    await ctr.fill('2');
    await ctr.press('Tab');
    await expect.poll(() => breakEven(page)).toBe('50000');
    // Slots dearer than the break-even say so.
    const dearer = await page.evaluate(
      () =>
        [...(document.querySelector('lupa-listing-summary')?.shadowRoot?.querySelectorAll('[data-lupa="bid-slot"] .loses') ?? [])].length,
    );
    const bids = (await slots(page)).filter((s) => s.cpm !== '').map((s) => Number(s.cpm));
    expect(dearer).toBe(bids.filter((c) => c > 50_000).length);
    await page.close();

    const again = await lab.open(searchUrl(NICHE));
    await summaryOf(again, 100);
    await expect.poll(() => breakEven(again)).toBe('50000');
    expect(await again.locator('lupa-listing-summary [data-lupa="bid-margin"]').inputValue()).toBe('500');
    await again.close();
  });

  test('one card found: its price band is that one price', async () => {
    const page = await lab.open(searchUrl('чехол редкий'));
    await summaryOf(page, 1);
    const [only] = entries('чехол редкий', 1);
    const price = priceOf(only!);
    expect(await bands(page)).toEqual(price === null ? [] : [[price, price, 1]]);
    expect(await page.locator('lupa-listing-summary [data-lupa="summary-median-price"]').getAttribute('data-value')).toBe(
      price === null ? '' : String(price),
    );
    await page.close();
  });

  test('a category page gets the summary too (no ladder there), from the same cards as the badges', async () => {
    const page = await lab.open('/catalog/muzhchinam/odezhda/futbolki');
    await summaryOf(page, 100);
    const list = categoryList().slice(0, 100) as Entry[];
    const { prices: _p, ...figures } = expectedSummary(list);
    expect(await readSummary(page)).toEqual(figures);
    expect(await page.locator('lupa-listing-summary [data-lupa="bid-slot"]').count()).toBe(0);
    expect(lab.server.count(/\/cards\/v4\/detail/)).toBeLessThanOrEqual(1);
    await page.close();
  });

  test('CSV of the summary with its tiles', async () => {
    const page = await lab.open(searchUrl(NICHE));
    await summaryOf(page, 100);
    await page.locator('lupa-listing-summary [data-lupa="summary-export"]').click();
    const saved = await expect
      .poll(() => lab.worker.evaluate(completedDownloads), { timeout: 15_000 })
      .toHaveLength(1)
      .then(async () => (await lab.worker.evaluate(completedDownloads))[0] as string);
    const lines = readFileSync(saved, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[1]).toBe('Карточек;100');
    const header = lines.findIndex((l) => l.startsWith('Место на странице;'));
    expect(lines.length - header - 1).toBe(100);
    const first = entries(NICHE, 1)[0]!;
    expect(lines[header + 1]!.split(';').slice(0, 5)).toEqual([
      '1',
      String(first.log!.position),
      '1',
      String(first.log!.cpm),
      String(first.id),
    ]);
    await page.close();
  });

  test('an Ozon search gets the summary from the listing JSON the badges read: brands and sellers unknown there, no ladder', async () => {
    const text = 'термокружка';
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/search/?text=${encodeURIComponent(text)}&from_global=true`);
    await summaryOf(page, 24);
    const tiles = ozon.searchResults(text) as Array<{ mainState: Array<{ priceV2?: { price: Array<{ text: string }> } }> }>;
    // Kopecks from the price text, without Lupa's parser.
    const prices = tiles.map((t) =>
      Math.round(Number(t.mainState[0]!.priceV2!.price[0]!.text.replace(/[^\d,]/g, '').replace(',', '.')) * 100),
    );
    expect(await readSummary(page)).toEqual({
      'summary-tiles': '24',
      'summary-median-price': String(medianOf(prices)),
      // Ozon's listing JSON is not known to mark promoted tiles: the share is unknown, not 0 %.
      'summary-ad-share': '',
      'summary-sellers': '',
      'summary-brands': '',
      'summary-covered': '0',
      'summary-orders': '',
    });
    expect(await page.locator('lupa-listing-summary [data-lupa="bid-slot"]').count()).toBe(0);
    // The badges' two listing pages, read once for both features.
    expect(lab.server.count(/\/api\/entrypoint-api\.bx\/page\/json/)).toBe(2);
    await page.close();
  });

  test('collapsed stays collapsed on the next page, figures still in place', async () => {
    const page = await lab.open(searchUrl(NICHE));
    await summaryOf(page, 100);
    const toggle = page.locator('lupa-listing-summary [data-lupa="summary-toggle"]');
    expect(await toggle.getAttribute('data-value')).toBe('open');
    await toggle.click();
    expect(await toggle.getAttribute('data-value')).toBe('closed');
    await page.close();
    const again = await lab.open(searchUrl(NICHE));
    await summaryOf(again, 100);
    await expect.poll(() => again.locator('lupa-listing-summary [data-lupa="summary-toggle"]').getAttribute('data-value')).toBe('closed');
    expect(await again.locator('lupa-listing-summary [data-lupa="summary-median-price"]').isVisible()).toBe(false);
    expect(lab.errors).toEqual([]);
    await again.close();
  });
});
