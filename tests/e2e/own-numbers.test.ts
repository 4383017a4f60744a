// The seller's own numbers in the built extension: the options page reads the saved token (type,
// categories, expiry exactly as the fixture's generator encoded them), loads the fixture shop's 50
// own items from its prices & discounts API within WB's limits, and they become "мой товар"; a token
// without the category says so and sends nothing. The token stays out of the page.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { warehouseName } from '../../utils/marketplaces/wb/warehouses';
import { FIXTURE_SELLER_TOKEN } from '../fixtures/server.mjs';
import { CABINET_PRICES } from '../fixtures/wb/cabinet.mjs';
import * as wb from '../fixtures/wb/catalog.mjs';
import { boxTariffs, CATALOGUE_SUBJECT, commissionReport, dimensionsOf, funnelPeriod, SHOP } from '../fixtures/wb/seller-shop.mjs';
import { allSales, moscowDay } from '../fixtures/wb/seller-supplies.mjs';
import { ALL_CATEGORIES, makeSellerToken, verifySellerToken } from '../fixtures/wb/seller-token.mjs';
import { type Lab, panelIn, startLab } from './harness';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

const options = async () => {
  const page = await lab.context.newPage();
  await page.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await page.locator('[data-lupa="token-input"]').waitFor();
  return page;
};
const value = (page: Awaited<ReturnType<typeof options>>, name: string) =>
  page.locator(`[data-lupa="${name}"]`).first().getAttribute('data-value');

test('a Personal token: its claims as encoded, then the 50 own items loaded and marked as mine', async () => {
  const page = await options();
  await page.locator('[data-lupa="token-input"]').fill(FIXTURE_SELLER_TOKEN);
  await page.locator('[data-lupa="token-check"]').click();
  await page.locator('[data-lupa="token-type"][data-value="personal"]').waitFor();
  const payload = verifySellerToken(FIXTURE_SELLER_TOKEN);
  expect(await value(page, 'token-categories')).toBe(ALL_CATEGORIES.join(','));
  expect(await value(page, 'token-expires')).toBe(String(payload.exp * 1000));
  expect(await page.locator('[data-lupa="token-warning"]').count()).toBe(0);
  expect(await page.locator('[data-lupa="token-category"][data-value="missing"]').count()).toBe(0);

  await page.locator('[data-lupa="own-catalogue-state"][data-value="done"]').waitFor();
  expect(await value(page, 'own-catalogue')).toBe(String(SHOP.length));
  // One page of up to 1000 goods, within the bucket: the fixture refused nothing for speed.
  expect(lab.server.count(/^discounts-prices-api\.wildberries\.ru\/api\/v2\/list\/goods\/filter$/)).toBe(1);
  expect(lab.server.settings.sellerOverLimit).toBe(0);
  expect(await page.content()).not.toContain(FIXTURE_SELLER_TOKEN);

  // Own items: the options' own-items list (the watchlist's "мой товар") holds every one of them.
  await page.reload();
  await expect.poll(() => value(page, 'own-items'), { timeout: 15_000 }).toBe(String(SHOP.length));
  await page.close();
});

/** The fixture shop's funnel for one item over the `days` whole WB days ending yesterday (Moscow time). */
function expectedFunnel(nm: number, days: number) {
  const yesterday = Math.floor((Date.now() + 3 * 3_600_000) / 86_400_000) - 1;
  return funnelPeriod(
    SHOP.find((g) => g.nmID === nm),
    yesterday - days + 1,
    yesterday,
  );
}

test("an own item's panel: «Мои продажи» only on the seller's click, then orders, buyouts and the funnel as WB's funnel has them", async () => {
  const MINE = 146972802;
  const shop = await lab.context.newPage();
  await shop.goto(`https://www.wildberries.ru/catalog/${MINE}/detail.aspx`);
  const panel = await panelIn(shop, MINE);
  const show = panel.locator('[data-lupa="own-sales-show"]');
  await show.waitFor();
  // Nothing of the seller's is in the page before the click, and WB was not asked for it.
  expect(await panel.locator('[data-lupa^="own-orders"], [data-lupa="own-funnel"]').count()).toBe(0);
  expect(lab.server.count(/^seller-analytics-api\.wildberries\.ru/)).toBe(0);
  await show.click();
  await panel.locator('[data-lupa="own-orders-7d"]').waitFor({ timeout: 20_000 });

  const w7 = expectedFunnel(MINE, 7);
  const w30 = expectedFunnel(MINE, 30);
  expect(w7.orderCount).toBeGreaterThan(0);
  const fig = (name: string, attr = 'data-value') => panel.locator(`[data-lupa="${name}"]`).getAttribute(attr);
  expect(await fig('own-orders-7d')).toBe(String(Math.round((w7.orderCount / 7) * 10) / 10));
  expect(await fig('own-orders-30d')).toBe(String(Math.round((w30.orderCount / 30) * 10) / 10));
  expect(await fig('own-buyout-pct')).toBe(String(Math.round((w30.buyoutCount / w30.orderCount) * 1000) / 10));
  expect(await fig('own-revenue-7d')).toBe(String(w7.orderSum * 100));
  expect(await fig('own-funnel', 'data-views')).toBe(String(w7.openCount));
  expect(await fig('own-funnel', 'data-cart')).toBe(String(w7.cartCount));
  expect(await fig('own-funnel', 'data-orders')).toBe(String(w7.orderCount));
  // The statistics API's week: buyouts and returns of the last 7 Moscow days, and what WB pays for them.
  const today = moscowDay(Date.now());
  const week = (allSales(today) as Array<{ nmId?: number; saleID?: string; date: string; forPay: number }>).filter((l) => {
    const day = Math.floor(Date.parse(`${l.date}Z`) / 86_400_000);
    return l.nmId === MINE && /^[SR]/.test(l.saleID ?? '') && day >= today - 6 && day <= today;
  });
  expect(week.length).toBeGreaterThan(0);
  expect(await fig('own-buyouts-7d')).toBe(String(week.filter((l) => l.saleID?.startsWith('S')).length));
  expect(await fig('own-returns-7d')).toBe(String(week.filter((l) => l.saleID?.startsWith('R')).length));
  expect(await fig('own-for-pay-7d')).toBe(String(week.reduce((sum, l) => sum + Math.round(l.forPay * 100), 0)));
  // Within WB's limits (3 a minute for the funnel, 1 a minute for sales): nothing refused.
  expect(lab.server.settings.sellerOverLimit).toBe(0);

  await shop.close();
});

test("the prices page: SPP from the storefront card and the seller's prices, the buyer price at it; unknown SPP said so", async () => {
  const MINE = 146972802;
  // The storefront card's price now: its cheapest size in stock (fixture catalogue).
  type Size = { price?: { product: number }; stocks: Array<{ qty: number }> };
  const card = wb.byId.get(MINE) as unknown as { sizes: Size[] };
  const storefront = Math.min(...card.sizes.filter((z) => z.price && z.stocks.some((st) => st.qty > 0)).map((z) => z.price?.product ?? 0));
  // The seller's price after their discount, as the fixture shop's API sends it (rubles).
  const good = SHOP.find((g) => g.nmID === MINE) as { sizes: Array<{ discountedPrice: number }> };
  const discounted = Math.round(Math.min(...good.sizes.map((z) => z.discountedPrice)) * 100);
  const spp = Math.round((1 - storefront / discounted) * 1000) / 10;
  expect(spp).toBeGreaterThan(0);

  const shop = await lab.context.newPage();
  await shop.goto(`https://www.wildberries.ru/catalog/${MINE}/detail.aspx`);
  await panelIn(shop, MINE);
  await shop.close();

  const cabinet = await lab.context.newPage();
  await cabinet.goto('https://seller.wildberries.ru/discount-and-prices');
  const rowOf = (article: number) => cabinet.getByText(String(article), { exact: true }).first().locator('xpath=ancestor::*[.//input][1]');
  const row = rowOf(MINE);
  await row.locator('[data-lupa="spp-pct"]').waitFor({ timeout: 20_000 });
  expect(await row.locator('[data-lupa="spp-pct"]').getAttribute('data-value')).toBe(String(spp));
  const { price, discount } = CABINET_PRICES[0] as { price: number; discount: number };
  const buyer = Math.round((price * 100 * (100 - discount) * (100 - spp)) / 10_000);
  expect(await row.locator('[data-lupa="buyer-price"]').getAttribute('data-value')).toBe(String(buyer));
  // The storefront's own price, within a kopeck per ruble of rounding.
  expect(Math.abs(buyer - storefront)).toBeLessThanOrEqual(100);

  // An own item whose storefront card Lupa has not read: the SPP is unknown and said so.
  const other = rowOf(CABINET_PRICES[1]?.article as number);
  const unknown = other.locator('[data-lupa="spp-pct"]');
  await unknown.waitFor();
  expect(await unknown.getAttribute('data-value')).toBe('');
  expect(await unknown.textContent()).toContain('СПП неизвестна');
  const { price: p2, discount: d2 } = CABINET_PRICES[1] as { price: number; discount: number };
  expect(await other.locator('[data-lupa="buyer-price"]').getAttribute('data-value')).toBe(
    String(Math.round((p2 * 100 * (100 - d2)) / 100)),
  );
  // WB's commission for the card's subject (the seller API's tariffs, FBO rate), and the margin at it.
  const rate = commissionReport().report.find((r) => r.subjectID === CATALOGUE_SUBJECT)?.paidStorageKgvp as number;
  const commission = row.locator('[data-lupa="commission-pct"]');
  expect(await commission.getAttribute('data-source')).toBe('api');
  expect(await commission.getAttribute('data-value')).toBe(String(rate));
  // WB's logistics: the box tariff of the warehouse with most of the card's stock, for its package volume.
  const byWh = new Map<number, number>();
  for (const z of (wb.byId.get(MINE) as unknown as { sizes: Array<{ stocks: Array<{ wh: number; qty: number }> }> }).sizes)
    for (const st of z.stocks) byWh.set(st.wh, (byWh.get(st.wh) ?? 0) + st.qty);
  const main = warehouseName([...byWh].sort((a, b) => b[1] - a[1])[0]?.[0] as number);
  const tariff = boxTariffs().response.data.warehouseList.find((w) => w.warehouseName === main) as {
    boxDeliveryBase: string;
    boxDeliveryLiter: string;
  };
  const kop = (rub: string) => Math.round(Number(rub.replace(',', '.')) * 100);
  const dims = dimensionsOf(MINE) as { length: number; width: number; height: number };
  const liters = Math.round((dims.length * dims.width * dims.height) / 10) / 100;
  const logistics = kop(tariff.boxDeliveryBase) + Math.max(0, Math.ceil(liters - 1)) * kop(tariff.boxDeliveryLiter);
  const route = row.locator('[data-lupa="logistics"]');
  expect(await route.getAttribute('data-source')).toBe('api');
  expect(await route.getAttribute('data-warehouse')).toBe(main);
  expect(await route.getAttribute('data-value')).toBe(String(logistics));
  // The seller's revenue is the price after their own discount (the SPP is WB's money).
  const revenue = Math.round((price * 100 * (100 - discount)) / 100);
  await row.locator('[data-lupa="costs-edit"]').click();
  await row.locator('input[name="cost"]').fill('500');
  await row.locator('[data-lupa="costs-form"] button').click();
  await row.locator(`[data-lupa="margin"][data-value="${revenue - Math.round((revenue * rate) / 100) - logistics - 50000}"]`).waitFor();
  // A rate the seller types wins, and is marked as theirs.
  await row.locator('[data-lupa="costs-edit"]').click();
  await row.locator('input[name="commission"]').fill('19,5');
  await row.locator('[data-lupa="costs-form"] button').click();
  await row.locator('[data-lupa="commission-pct"][data-source="manual"][data-value="19.5"]').waitFor();
  await row.locator(`[data-lupa="margin"][data-value="${revenue - Math.round(revenue * 0.195) - logistics - 50000}"]`).waitFor();
  // The item's orders per day over 7 days, as its panel showed them (the funnel read there).
  expect(await row.locator('[data-lupa="own-orders-7d"]').getAttribute('data-value')).toBe(
    String(Math.round((expectedFunnel(MINE, 7).orderCount / 7) * 10) / 10),
  );
  // The rates are read once a day, not once a view.
  const asked = lab.server.settings.commissionRequests;
  expect(asked).toBeGreaterThan(0);
  await cabinet.reload();
  await rowOf(MINE).locator('[data-lupa="commission-pct"]').waitFor({ timeout: 20_000 });
  expect(lab.server.settings.commissionRequests).toBe(asked);

  await cabinet.close();
});

test('a Basic token without «Цены и скидки»: warned, the category said missing, an import sends nothing', async () => {
  const before = lab.server.count(/^discounts-prices-api\.wildberries\.ru/);
  const page = await options();
  await page.locator('[data-lupa="token-input"]').fill(makeSellerToken({ type: 'basic', categories: ['Questions & Feedbacks'] }));
  await page.locator('[data-lupa="token-check"]').click();
  await page.locator('[data-lupa="token-type"][data-value="basic"]').waitFor();
  expect(await value(page, 'token-categories')).toBe('Questions & Feedbacks');
  await page.locator('[data-lupa="token-warning"][data-value="basic"]').waitFor();
  expect(await page.locator('[data-lupa="token-category"][data-category="Prices & Discounts"]').getAttribute('data-value')).toBe('missing');

  await page.locator('[data-lupa="own-catalogue-import"]').click();
  const state = page.locator('[data-lupa="own-catalogue-state"][data-value="failed"][data-problem="missing-category"]');
  await state.waitFor();
  expect(await state.textContent()).toContain('Токен без категории «Цены и скидки»');
  expect(lab.server.count(/^discounts-prices-api\.wildberries\.ru/)).toBe(before);
  // What the earlier import brought is kept.
  expect(await value(page, 'own-catalogue')).toBe(String(SHOP.length));
  await page.close();
});
