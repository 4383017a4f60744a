import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import { completedDownloads, figure, type Lab, panel, panelIn, startLab, submitIn, useLab } from './harness';

/** Faults match a request's path and query; counters its host and path. */
const PAGE_JSON = /\/api\/entrypoint-api\.bx\/page\/json/;
type OzonFixture = (typeof ozon.products)[number];
/** A request for a card's own page JSON (not its reviews pages). */
const PRODUCT_PAGE_JSON = /page\/json\/v2\?url=%2Fproduct%2F\d+%2F$/;

/** Kopecks from an Ozon price string, computed here without Lupa's parser. */
const kopecks = (s: string | null | undefined) => (s ? Math.round(Number(s.replace(/[^\d,]/g, '').replace(',', '.')) * 100) : null);

function expected(p: OzonFixture) {
  const now = p.price === null ? null : kopecks(p.price);
  const before =
    now === null
      ? null
      : p.layout === 'widgets' && (p as { showOriginalPrice?: boolean }).showOriginalPrice !== false
        ? kopecks((p as { originalPrice?: string }).originalPrice)
        : now;
  const card = p.layout === 'widgets' ? kopecks((p as { cardPrice?: string | null }).cardPrice) : null;
  return {
    'price-now': now === null ? '' : String(now),
    'price-before': before === null ? null : String(before),
    'price-card': card === null ? null : String(card),
    discount: now === null || before === null ? null : String(Math.round(((before - now) / before) * 100)),
    rating: String(p.rating),
    reviews: String(p.reviews),
    seller: p.seller.name,
    availability: String(now !== null),
    // Ozon publishes no history: on a first visit the only point is the price now.
    'price-min': now === null ? null : String(now),
    'price-max': now === null ? null : String(now),
    'price-points': now === null ? null : '1',
  };
}

describe('Ozon product panel on the fixture storefront', () => {
  let lab: Lab;
  useLab((l) => {
    lab = l;
  });

  const openOzon = async (p: OzonFixture) => {
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/product/${p.slug}-${p.sku}/`);
    return page;
  };

  for (const p of ozon.products) {
    test(`shows the fixture's figures for ${p.sku} (${p.name})`, async () => {
      const page = await openOzon(p);
      const panelEl = await panelIn(page, p.sku);
      const want = expected(p);
      const seen: Record<string, string | null> = {};
      for (const name of Object.keys(want)) seen[name] = await figure(panelEl, name);
      expect(seen).toEqual(want);
      // The chart (its own chunk, loaded on first draw) shows the same points.
      if (want['price-points'] !== null) await expect.poll(() => figure(panelEl, 'price-chart')).toBe(want['price-points']);
      expect(await figure(panelEl, 'stock-total')).toBeNull();
      expect(lab.errors).toEqual([]);
      await page.close();
    });
  }

  test('client-side navigation shows the second product in exactly one panel', async () => {
    const [first, second] = [ozon.products[0]!, ozon.products[1]!];
    const page = await openOzon(first);
    await panelIn(page, first.sku);
    await page.locator('a.other-product', { hasText: second.name }).click();
    const p = await panelIn(page, second.sku);
    expect(await figure(p, 'price-now')).toBe(expected(second)['price-now']);
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.close();
  });

  test('a position scan walks the search page JSON page by page: place 15 is on page 2, no region to add', async () => {
    const p = ozon.products[3]!;
    const query = 'термокружка';
    const page = await openOzon(p);
    const shown = await panelIn(page, p.sku);
    await submitIn(shown, '[data-lupa="position-query-input"]', query, `tr[data-query="${query}"]`);
    await shown.locator('[data-lupa="scan-start"]').click();
    await shown.locator('[data-lupa="scan-state"][data-value="done"]').waitFor({ timeout: 15_000 });
    const want = (ozon.QUERIES[query].placed as Record<string, number>)[p.sku]!;
    expect(await figure(shown, 'position-organic')).toBe(String(want));
    expect(await figure(shown, 'position-page')).toBe(String(Math.ceil(want / ozon.TILES_PER_PAGE)));
    expect(await figure(shown, 'position-ad')).toBe('');
    expect(lab.server.requests(/page\/json\/v2\?url=%2Fsearch%2F/)).toHaveLength(2);
    expect(await shown.locator('[data-lupa="position-region-add"]').count()).toBe(0);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('every fetch adds a point to the history Lupa keeps', async () => {
    const p = ozon.products[2]!;
    const page = await openOzon(p);
    const before = Number(await figure(await panelIn(page, p.sku), 'price-points'));
    await panel(page, p.sku).locator('[data-lupa="refresh"]').click();
    await expect.poll(async () => Number(await figure(panel(page, p.sku), 'price-points'))).toBe(before + 1);
    await page.close();
  });

  test('a 429 with Retry-After is waited out and the figures come', async () => {
    const p = ozon.products[3]!;
    const page = await openOzon(p);
    const shown = await panelIn(page, p.sku);
    const age = await figure(shown, 'data-age');
    lab.server.fault({ path: PAGE_JSON, kind: 'status', status: 429, retryAfter: '1' });
    await shown.locator('[data-lupa="refresh"]').click();
    // A new fetch: the data's age moves, after the 429 and one retry.
    await expect.poll(() => figure(panel(page, p.sku), 'data-age'), { timeout: 15_000 }).not.toBe(age);
    expect(await figure(panel(page, p.sku), 'state')).toBe('fresh');
    expect(lab.server.count(PAGE_JSON)).toBe(2);
    expect(await figure(panel(page, p.sku), 'availability')).toBe('false');
    await page.close();
  });

  test('when the page JSON changes shape, the figures come from the data the page itself embeds', async () => {
    const p = ozon.products[0]!;
    const page = await openOzon(p);
    const shown = await panelIn(page, p.sku);
    const age = await figure(shown, 'data-age');
    // The page's own markup (and the JSON-LD it embeds) arrives late: wait for it as a user would.
    await page.locator('[data-widget="webPrice"]').waitFor();
    lab.server.fault({ path: PAGE_JSON, kind: 'changed-schema', times: 5 });
    await shown.locator('[data-lupa="refresh"]').click();
    await expect.poll(() => figure(panel(page, p.sku), 'data-age'), { timeout: 15_000 }).not.toBe(age);
    expect(await figure(panel(page, p.sku), 'state')).toBe('fresh');
    // JSON-LD has the price and rating, not the card price.
    expect(await figure(panel(page, p.sku), 'price-now')).toBe(expected(p)['price-now']);
    expect(await figure(panel(page, p.sku), 'rating')).toBe(String(p.rating));
    await page.close();
  });

  test('when neither the page JSON nor the page has readable data: "format changed", the page left alone', async () => {
    lab.server.settings.ozonEmbedLd = false;
    const p = ozon.products[2]!;
    const page = await openOzon(p);
    const shown = await panelIn(page, p.sku);
    lab.server.fault({ path: PAGE_JSON, kind: 'changed-schema', times: 5 });
    await shown.locator('[data-lupa="refresh"]').click();
    await panelIn(page, p.sku, ['format-changed']);
    // Data already shown stays; the page's own widgets are untouched.
    expect(await figure(panel(page, p.sku), 'price-now')).toBe(expected(p)['price-now']);
    await page.locator('[data-widget="webPrice"]').waitFor();
    expect(await page.locator('[data-widget="webPrice"]').textContent()).toBe(p.price);
    expect(lab.errors).toEqual([]);
    await page.close();
  });
});

// Its own browser: no review summary cached, so each panel reads the card's reviews pages.
describe('Ozon reviews on the product panel', () => {
  let lab: Lab;
  useLab((l) => {
    lab = l;
  });

  test('distribution, negative share and the latest negatives equal the fixture reviews pages; HTML stays text', async () => {
    const p = ozon.products[1]!;
    const want = ozon.reviewFigures(p);
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/product/${p.slug}-${p.sku}/`);
    const shown = await panelIn(page, p.sku);
    const dist = await shown
      .locator('[data-lupa="review-dist"]')
      .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-stars')), Number(e.getAttribute('data-value'))]));
    expect(Object.fromEntries(dist)).toEqual({ 1: want.dist[0], 2: want.dist[1], 3: want.dist[2], 4: want.dist[3], 5: want.dist[4] });
    expect(await figure(shown, 'review-dist-of')).toBe(String(want.shown.length));
    expect(await figure(shown, 'negative-share')).toBe(String(Math.round((want.negativeCount / want.shown.length) * 1000) / 10));
    const negatives = await shown
      .locator('[data-lupa="negative-review"]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-value'), e.getAttribute('data-answered'), e.querySelector('q')?.textContent]),
      );
    type R = ReturnType<typeof ozon.reviewsOf>[number];
    expect(negatives).toEqual(
      want.negatives
        .slice(0, 3)
        .map((r: R) => [
          String(r.content.score),
          String(r.commentsAmount === undefined ? null : r.commentsAmount > 0),
          [r.content.comment, r.content.negative ? `Недостатки: ${r.content.negative}` : ''].filter(Boolean).join('\n'),
        ]),
    );
    // The buyer's markup is shown as text: no element made of it, nothing of it run.
    expect(negatives[0]?.[2]).toContain('<img src=x');
    expect(await shown.locator('.lupa-negative img, .lupa-negative b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __lupaXss?: number }).__lupaXss)).toBeUndefined();
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('a reviews widget that changed shape: the card figures stay, the reviews part says it is unavailable', async () => {
    const p = ozon.products[0]!;
    lab.server.fault({ path: /reviews/, kind: 'changed-schema', times: 2 });
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/product/${p.slug}-${p.sku}/`);
    const shown = await panelIn(page, p.sku);
    expect(await figure(shown, 'reviews')).toBe(String(p.reviews));
    expect(await figure(shown, 'price-now')).toBe(expected(p)['price-now']);
    expect(await shown.locator('[data-lupa="review-dist"]').count()).toBe(0);
    await expect.poll(() => shown.locator('.lupa-note').allTextContents()).toContain('Этот раздел сейчас недоступен');
    expect(lab.errors).toEqual([]);
    await page.close();
  });
});

// Its own browser: nothing cached, so every panel needs Ozon — and must not get it while blocked.
describe('Ozon anti-bot back-off', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.close();
  });

  test('a captcha shows "blocked" and Lupa sends nothing more to Ozon for a while', async () => {
    lab.server.fault({ path: PAGE_JSON, kind: 'captcha', times: 5 });
    const [p, q] = [ozon.products[1]!, ozon.products[4]!];
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/product/${p.slug}-${p.sku}/`);
    const blocked = await panelIn(page, p.sku, ['blocked']);
    expect(await blocked.locator('[data-lupa="state"]').textContent()).toContain('Ozon просит пройти проверку');
    expect(lab.server.count(PAGE_JSON)).toBe(1);
    // Another product in another tab: blocked at once, no request while the back-off lasts.
    const other = await lab.context.newPage();
    await other.goto(`https://www.ozon.ru/product/${q.slug}-${q.sku}/`);
    await panelIn(other, q.sku, ['blocked']);
    expect(lab.server.count(PAGE_JSON)).toBe(1);
    // The user passed the check and presses Refresh: one new try, and the figures come (the card's
    // page once; its two reviews pages follow it).
    lab.server.reset();
    await panel(other, q.sku).locator('[data-lupa="refresh"]').click();
    await panelIn(other, q.sku, ['fresh']);
    expect(lab.server.requests(PRODUCT_PAGE_JSON)).toHaveLength(1);
    expect(await figure(panel(other, q.sku), 'price-now')).toBe('349000');
    await page.close();
    await other.close();
  });
});

describe('Ozon listing badges', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterEach(() => lab.server.reset());
  afterAll(async () => {
    await lab?.close();
  });

  const READ = () =>
    [...document.querySelectorAll('lupa-tile-badge')].map((host) => {
      const get = (name: string) => host.shadowRoot?.querySelector(`[data-lupa="${name}"]`)?.getAttribute('data-value') ?? null;
      return {
        nm: host.getAttribute('data-nm'),
        position: get('tile-position'),
        price: get('tile-price'),
        rating: get('tile-rating'),
        reviews: get('tile-reviews'),
        stock: get('tile-stock'),
      };
    });

  test('every tile of a search page gets a badge equal to the listing JSON; two pages read for 24 tiles', async () => {
    const text = 'термокружка';
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/search/?text=${encodeURIComponent(text)}&from_global=true`);
    const tiles = ozon.searchResults(text);
    const want = tiles.map((t: (typeof tiles)[number], i: number) => ({
      nm: String(t.id),
      position: String(i + 1),
      price: String(kopecks(t.mainState[0]!.priceV2!.price[0]!.text)),
      rating: String(Number(t.mainState[2]!.labelList!.items[0]!.title)),
      reviews: t.mainState[2]!.labelList!.items[1]!.title!.replace(/\D/g, ''),
      // Ozon shows no stock: the badge says nothing rather than "0".
      stock: null,
    }));
    await expect.poll(() => page.evaluate(READ), { timeout: 20_000 }).toEqual(want);
    expect(want[2]).toMatchObject({ nm: '1649246352', position: '3', price: '129000' });
    expect(lab.server.count(PAGE_JSON)).toBe(2);
    expect(await page.locator('lupa-listing-status').getAttribute('data-value')).toBe('fresh');
    await page.close();
  });

  test('CSV export of an Ozon listing is saved with one row per badge', async () => {
    const text = 'термокружка';
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/search/?text=${encodeURIComponent(text)}&from_global=true`);
    const tiles = ozon.searchResults(text);
    await expect.poll(() => page.locator('lupa-tile-badge').count(), { timeout: 20_000 }).toBe(tiles.length);
    await page.locator('lupa-listing-status [data-lupa="listing-export"]').click();
    const saved = await expect
      .poll(() => lab.worker.evaluate(completedDownloads), { timeout: 15_000 })
      .toHaveLength(1)
      .then(async () => (await lab.worker.evaluate(completedDownloads))[0] as string);
    const lines = readFileSync(saved, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(tiles.length + 1);
    // The third tile: place 3, its article and price as the listing JSON has them.
    const third = lines[3]!.split(';');
    expect(third[0]).toBe('3');
    expect(third[3]).toBe(String(tiles[2]!.id));
    await page.close();
  });

  test('a blocked listing says so once and leaves the tiles alone', async () => {
    lab.server.fault({ path: PAGE_JSON, kind: 'status', status: 403, times: 5 });
    const page = await lab.context.newPage();
    await page.goto(`https://www.ozon.ru/search/?text=${encodeURIComponent('наушники беспроводные')}`);
    await page.locator('lupa-listing-status[data-value="blocked"]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('lupa-tile-badge').count()).toBe(0);
    expect(await page.locator('[data-widget="searchResultsV2"] .tile').count()).toBe(24);
    expect(await page.locator('lupa-listing-status').count()).toBe(1);
    await page.close();
  });
});
