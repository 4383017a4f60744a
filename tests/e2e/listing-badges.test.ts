import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { carouselOf } from '../fixtures/server.mjs';
import * as wb from '../fixtures/wb/catalog.mjs';
import { categoryList, detailResponseAll, searchPage } from '../fixtures/wb/search.mjs';
import { expectedBadge, READ_BADGES } from './expected-listing';
import { completedDownloads, type Lab, panelIn, useLab } from './harness';

const DETAIL = /\/cards\/v4\/detail/;
/** The public search host; from a storefront tab the site's own proxy of it comes first. */
const SEARCH = /search\.wb\.ru\/exactmatch/;
const SITE_SEARCH = /^www\.wildberries\.ru\/__internal\/u-search\/exactmatch/;
/** The products of a search page as the API (v5) sends them. */
const results = (query: string, page: number): unknown[] => searchPage(query, page).products ?? [];
const searchUrl = (q: string) => `/catalog/0/search.aspx?search=${encodeURIComponent(q)}`;

async function badgedCount(page: Page, n: number) {
  await page
    .locator('lupa-listing-status [data-lupa="listing-count"]')
    .and(page.locator(`[data-value="${n}"]`))
    .waitFor({ state: 'attached', timeout: 20_000 });
}

describe('listing badges on the fixture storefront', () => {
  let lab: Lab;
  useLab((l) => {
    lab = l;
  });

  test('every tile of a search page gets a badge equal to the search payload, ads with slot and bid', async () => {
    const query = 'наушники беспроводные';
    const page = await lab.open(searchUrl(query));
    await badgedCount(page, 100);
    const expected = results(query, 1).map((p, i) => expectedBadge(p, i + 1));
    expect(await page.evaluate(READ_BADGES)).toEqual(expected);
    // The advertised product sits in slot 2 with its organic place and bid.
    expect(expected[1]).toMatchObject({ nm: '255012877', 'tile-position': '148', 'tile-ad-position': '2', 'tile-cpm': '35000' });
    expect(lab.server.count(DETAIL)).toBe(0);
    // One search request, through the site's own proxy from the tab (the public host is the fallback).
    expect(lab.server.count(SITE_SEARCH)).toBe(1);
    expect(lab.server.count(SEARCH)).toBe(0);
    expect(await page.locator('lupa-tile-badge').count()).toBe(100);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('badges sit where real tiles have room: in the tips row on the photo, else just before the order buttons', async () => {
    const page = await lab.open(searchUrl('наушники беспроводные'));
    await badgedCount(page, 100);
    const places = await page.evaluate(() =>
      [...document.querySelectorAll('article.product-card')].map((tile) => {
        const badge = tile.querySelector('lupa-tile-badge');
        const tips = tile.querySelector('.product-card__tips--top');
        if (tips) return badge?.parentElement === tips && tips.firstElementChild === badge ? 'tips' : 'wrong';
        return badge?.nextElementSibling === tile.querySelector('.product-card__bottom-wrap .product-card__order-wrap') ? 'order' : 'wrong';
      }),
    );
    expect(places.filter((p) => p === 'wrong')).toEqual([]);
    // The fixture's tiles have tips two in three times, as real ones do only sometimes.
    expect(places.filter((p) => p === 'tips').length).toBe(67);
    await page.close();
  });

  test("a product page's carousel tiles (data-popup-nm-id) get badges from their cards, with no place of their own", async () => {
    lab.server.settings.carousel = true;
    const product = wb.products[0]!;
    const page = await lab.open(`/catalog/${product.id}/detail.aspx`);
    const similar = carouselOf(product);
    await badgedCount(page, similar.length);
    const cards = detailResponseAll(similar.map((p) => p.id)).products as unknown[];
    expect(await page.evaluate(READ_BADGES)).toEqual(cards.map((p, i) => expectedBadge(p, i + 1, false)));
    expect(await page.locator('.cards-list__container lupa-tile-badge').count()).toBe(similar.length);
    // The panel is there as ever.
    await panelIn(page, product.id);
    await page.close();
  });

  test('scrolling loads more tiles and they get badges, one search page each, no detail requests', async () => {
    const query = 'футболка оверсайз';
    const page = await lab.open(searchUrl(query));
    await badgedCount(page, 100);
    await page.locator('.catalog-page__loader').scrollIntoViewIfNeeded();
    await badgedCount(page, 200);
    const expected = [...results(query, 1), ...results(query, 2)].map((p, i) => expectedBadge(p, i + 1));
    expect(await page.evaluate(READ_BADGES)).toEqual(expected);
    expect(lab.server.count(SITE_SEARCH)).toBe(2);
    expect(lab.server.count(DETAIL)).toBeLessThanOrEqual(2);
    await page.close();
  });

  test('when v18 no longer answers, the search is found in an older version and the badges are the same', async () => {
    lab.server.settings.searchVersions = [13, 9, 5];
    const query = 'кроссовки мужские';
    const page = await lab.open(searchUrl(query));
    await badgedCount(page, 100);
    expect(await page.evaluate(READ_BADGES)).toEqual(results(query, 1).map((p, i) => expectedBadge(p, i + 1)));
    const asked = Object.keys(lab.server.counts()).filter((k) => /exactmatch/.test(k));
    expect(asked).toEqual(expect.arrayContaining(['search.wb.ru/exactmatch/ru/common/v13/search']));
    expect(asked.some((k) => /v(9|5)\/search/.test(k))).toBe(false);
    await page.close();
  });

  test('a category page costs at most one detail request per 100 tiles, and none on a second visit', async () => {
    const page = await lab.open('/catalog/muzhchinam/odezhda/futbolki');
    await badgedCount(page, 100);
    await page.locator('.catalog-page__loader').scrollIntoViewIfNeeded();
    const all = categoryList();
    await badgedCount(page, all.length);
    expect(await page.evaluate(READ_BADGES)).toEqual(all.map((p, i) => expectedBadge(p, i + 1)));
    expect(lab.server.count(DETAIL)).toBeLessThanOrEqual(Math.ceil(all.length / 100));
    await page.close();

    const before = lab.server.count(DETAIL);
    const again = await lab.open('/catalog/muzhchinam/odezhda/futbolki');
    await badgedCount(again, 100);
    expect(lab.server.count(DETAIL)).toBe(before);
    await again.close();
  });

  test('client-side navigation to another query re-badges with no duplicates', async () => {
    const page = await lab.open(searchUrl('футболка оверсайз'));
    await badgedCount(page, 100);
    await page.locator('.search-tags__item', { hasText: 'кроссовки мужские' }).click();
    const expected = results('кроссовки мужские', 1).map((p, i) => expectedBadge(p, i + 1));
    await expect.poll(() => page.evaluate(READ_BADGES), { timeout: 20_000 }).toEqual(expected);
    await badgedCount(page, 100);
    expect(
      await page.evaluate(() => [...document.querySelectorAll('article')].every((a) => a.querySelectorAll('lupa-tile-badge').length === 1)),
    ).toBe(true);
    expect(await page.locator('lupa-listing-status').count()).toBe(1);
    await page.close();
  });

  test('a broken search payload leaves the page untouched and says so once', async () => {
    lab.server.fault({ path: /exactmatch/, kind: 'changed-schema', times: 50 });
    // A sort of its own, so that no search page cached by an earlier test answers.
    const page = await lab.open(`${searchUrl('кроссовки мужские')}&sort=priceup`);
    await page
      .locator('lupa-listing-status')
      .and(page.locator('[data-value="format-changed"]'))
      .waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('lupa-tile-badge').count()).toBe(0);
    expect(await page.locator('article.product-card').count()).toBe(100);
    expect(await page.locator('article.product-card .product-card__name').first().textContent()).toContain('Кроссовки');
    expect(await page.locator('lupa-listing-status').count()).toBe(1);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('when tiles can no longer be found the chip says so and the page is untouched', async () => {
    lab.server.settings.tileClass = 'goods-tile';
    lab.server.settings.tileIds = false;
    const page = await lab.open(searchUrl('кроссовки мужские'));
    await page.locator('lupa-listing-status').and(page.locator('[data-value="no-tiles"]')).waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('article.goods-tile').count()).toBe(100);
    expect(await page.locator('lupa-tile-badge').count()).toBe(0);
    await page.close();
  });

  test('CSV export has one row per badge with the figures shown', async () => {
    const query = 'наушники беспроводные';
    const page = await lab.open(searchUrl(query));
    await badgedCount(page, 100);
    await page.locator('lupa-listing-status [data-lupa="listing-export"]').click();
    // Saved by the background through the downloads API: ask it what it saved and read the file.
    const saved = await expect
      .poll(() => lab.worker.evaluate(completedDownloads), { timeout: 15_000 })
      .toHaveLength(1)
      .then(async () => (await lab.worker.evaluate(completedDownloads))[0] as string);
    const text = readFileSync(saved, 'utf8');
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Позиция;Рекламная позиция;CPM, ₽;Артикул;Бренд;Название;Цена, ₽;Рейтинг;Отзывы;Остаток, шт.');
    expect(lines).toHaveLength(101);
    const ad = lines[2]!.split(';');
    expect(ad.slice(0, 4)).toEqual(['148', '2', '350', '255012877']);
    await page.close();
  });
});
