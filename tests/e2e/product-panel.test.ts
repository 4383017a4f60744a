import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as wb from '../fixtures/wb/catalog.mjs';
import { PRODUCT_LAYOUTS, walletPrice } from '../fixtures/wb/pages.mjs';
import { expectedFor } from './expected';
import { figure, type Lab, panel, panelIn, startLab } from './harness';

const FIGURES = [
  'price-now',
  'price-before',
  'discount',
  'price-min',
  'price-median',
  'price-max',
  'price-lowest',
  'rating',
  'reviews',
  'negative-share',
  'stock-total',
  'seller',
] as const;

type Layout = keyof typeof PRODUCT_LAYOUTS;

/** Where the panel is: `inline` right after the layout's price block, `floating`, or `elsewhere`. */
const whereIsPanel = (page: Page, layout: Layout) =>
  page.evaluate((block) => {
    const host = document.querySelector('[data-lupa="product-panel"]');
    if (!host) return 'none';
    const placement = host.getAttribute('data-placement');
    if (placement === 'floating')
      return host.parentElement === document.body && host.hasAttribute('data-floating') ? 'floating' : 'elsewhere';
    const anchor = block ? document.querySelector(block) : null;
    return placement === 'inline' && anchor?.nextElementSibling === host && !host.hasAttribute('data-floating') ? 'inline' : 'elsewhere';
  }, PRODUCT_LAYOUTS[layout].block);

describe('product panel on the fixture storefront', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterEach(() => lab.server.reset());
  afterAll(async () => {
    await lab?.close();
  });

  for (const product of wb.products) {
    test(`shows figures equal to the fixture's for ${product.id} (${product.name})`, async () => {
      const page = await lab.open(`/catalog/${product.id}/detail.aspx`);
      const p = await panelIn(page, product.id);
      const expected = expectedFor(product, Date.now());
      const seen: Record<string, string | null> = {};
      for (const name of FIGURES) seen[name] = await figure(p, name);
      const want = Object.fromEntries(FIGURES.map((name) => [name, expected[name]]));
      expect(seen).toEqual(want);
      // The questions count comes with the review summary (a card without reviews has none).
      expect(await figure(p, 'questions')).toBe(product.feedbacks > 0 ? String(product.questions) : null);
      // chart.js comes in its own chunk (components/charts/load.ts): the chart is drawn once it is here.
      await expect.poll(() => figure(p, 'price-chart')).toMatch(/^[1-9]\d*$/);

      const warehouses = await p
        .locator('[data-lupa="stock-warehouse"]')
        .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-wh'), Number(r.getAttribute('data-value'))])));
      expect(warehouses).toEqual(expected.warehouses);

      const negatives = await p
        .locator('[data-lupa="negative-review"]')
        .evaluateAll((items) =>
          items.map((i) => ({ answered: i.getAttribute('data-answered') === 'true', text: i.querySelector('q')?.textContent ?? '' })),
        );
      expect(negatives.map((n) => n.answered)).toEqual(expected.lastNegative.map((n) => n.answered));
      for (const [i, n] of negatives.entries()) expect(n.text).toContain(expected.lastNegative[i]!.text);
      // Every basket host comes from WB's live map (or the table): none is probed for, even for
      // articles past the table of 2025, and the history came from the host the map names.
      expect(lab.server.count(/card\.json/)).toBe(0);
      if (product.history)
        expect(
          lab.server.count(new RegExp(`^basket-${String(product.basket).padStart(2, '0')}\\.wbbasket\\.ru/.*/price-history\\.json`)),
        ).toBe(1);
      await page.close();
    });
  }

  test('renders HTML in review text as text, never as markup', async () => {
    const page = await lab.open('/catalog/301245689/detail.aspx');
    const p = await panelIn(page, 301245689);
    await expect.poll(() => p.locator('[data-lupa="negative-review"] q').first().textContent()).toContain('<b>Ужасно</b>');
    expect(await p.locator('img, b').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });

  test('client-side navigation to a second product shows its figures in exactly one panel', async () => {
    const [first, second] = [wb.products[0]!, wb.products[1]!];
    const page = await lab.open(`/catalog/${first.id}/detail.aspx`);
    await panelIn(page, first.id);
    await page.locator('a.other-product', { hasText: second.name }).click();
    const p = await panelIn(page, second.id);
    expect(await figure(p, 'price-now')).toBe(expectedFor(second, Date.now())['price-now']);
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.goBack();
    await panelIn(page, first.id);
    await expect.poll(() => panel(page).count()).toBe(1);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  // Reference §2.1's three BEM layouts of July 2025 and §2's 2026 CSS-module markup.
  const KNOWN: Layout[] = ['bem-aside', 'bem-grid', 'bem-top-blocks', 'css-modules-2026'];
  const inStock = wb.products.filter((p) => expectedFor(p, Date.now())['price-now'] !== '');
  for (const [i, layout] of KNOWN.entries()) {
    test(`sits right after the price block of the ${layout} markup, and shows the page's own wallet price`, async () => {
      lab.server.settings.productLayout = layout;
      const product = inStock[i]!;
      const page = await lab.open(`/catalog/${product.id}/detail.aspx`);
      const p = await panelIn(page, product.id);
      await page.locator(PRODUCT_LAYOUTS[layout].block!).waitFor();
      await expect.poll(() => whereIsPanel(page, layout)).toBe('inline');
      const priceNow = Number(expectedFor(product, Date.now())['price-now']);
      await expect.poll(() => figure(p, 'price-wallet')).toBe(String(walletPrice(priceNow)));
      expect(await p.locator('[data-lupa="price-wallet"]').textContent()).toMatch(/по странице/);
      await page.close();
    });
  }

  test('a page that renders its price block 400 ms after load ends with the panel inline, every time', async () => {
    expect(lab.server.settings.shellDelayMs).toBe(400);
    for (const [i, layout] of ['css-modules-2026', 'bem-aside', 'css-modules-2026', 'bem-top-blocks', 'css-modules-2026'].entries()) {
      lab.server.settings.productLayout = layout;
      const product = wb.products[i % 3]!;
      const page = await lab.open(`/catalog/${product.id}/detail.aspx`);
      // The panel may be fresh before the page has rendered (a loaded machine): it ends beside the block all the same.
      await panelIn(page, product.id);
      await expect.poll(() => whereIsPanel(page, layout as Layout), { message: `load ${i + 1} (${layout})` }).toBe('inline');
      await page.close();
    }
  });

  test('a seller typing in the floating panel keeps the field and every key when the page renders and the panel moves inline', async () => {
    // The page renders its price block late enough for the panel (and its sections) to be here first.
    lab.server.settings.shellDelayMs = 5_000;
    lab.server.settings.productLayout = 'css-modules-2026';
    const product = wb.products[0]!;
    const page = await lab.open(`/catalog/${product.id}/detail.aspx`);
    const p = await panelIn(page, product.id);
    const field = p.locator('[data-lupa="seo-query-input"]');
    await field.fill('');
    await field.pressSequentially('футболка');
    expect(await p.getAttribute('data-placement')).toBe('floating');
    await expect.poll(() => whereIsPanel(page, 'css-modules-2026'), { timeout: 15_000 }).toBe('inline');
    // The next keys, typed with no new click, still go into the same field.
    await page.keyboard.type(' оверсайз');
    expect(await field.inputValue()).toBe('футболка оверсайз');
    await page.close();
  });

  test('floats and says so when the price block is nowhere on the page', async () => {
    lab.server.settings.productLayout = 'unknown';
    const product = wb.products[4]!;
    const page = await lab.open(`/catalog/${product.id}/detail.aspx`);
    const p = await panelIn(page, product.id);
    await page.locator('.renamed-by-wb-2027').waitFor();
    expect(await whereIsPanel(page, 'unknown')).toBe('floating');
    expect(await p.getAttribute('data-placement')).toBe('floating');
    await expect.poll(() => p.locator('.lupa-floating .lupa-note').count()).toBe(1);
    // A wallet price Lupa cannot tell from the markup is not shown.
    expect(await p.locator('[data-lupa="price-wallet"]').count()).toBe(0);
    // The page's own markup is untouched.
    expect(await page.locator('.product-page__title').textContent()).toBe(product.name);
    await page.close();
  });
  test("asks for the region the site keeps for the user; without it, the one WB's geo service gives — never Moscow by default", async () => {
    const DETAIL = /cards\/v4\/detail\?/;
    const destOf = (request: string) => new URLSearchParams(request.split('?')[1]).get('dest');
    /** Opens a product, asks for it afresh with the panel's button, and returns the detail requests that made. */
    const refreshed = async (id: number, siteGeo?: unknown) => {
      const page = await lab.context.newPage();
      if (siteGeo) await page.addInitScript((geo) => localStorage.setItem('geo-data-v1-0', geo), JSON.stringify(siteGeo));
      await page.goto(`https://www.wildberries.ru/catalog/${id}/detail.aspx`);
      const p = await panelIn(page, id);
      const before = lab.server.requests(DETAIL).length;
      await p.locator('[data-lupa="refresh"]').click();
      await expect.poll(() => lab.server.requests(DETAIL).length).toBeGreaterThan(before);
      await panelIn(page, id);
      await page.close();
      return lab.server.requests(DETAIL).slice(before);
    };
    // No record on the site: WB's geo service's region (the fixture's is not Moscow).
    const own = await refreshed(wb.products[1]!.id);
    expect(own.map(destOf)).toEqual(own.map(() => '12354108'));
    // The user picked an address on the site: it keeps the region in localStorage, and Lupa follows it.
    const site = await refreshed(wb.products[0]!.id, wb.siteGeo(123585462));
    expect(site.map(destOf)).toEqual(site.map(() => '123585462'));
  });
});
