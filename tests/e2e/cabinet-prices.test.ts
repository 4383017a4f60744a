// Competitor prices beside the seller's own items on the cabinets' prices pages: links made on a
// storefront panel and in the options page, costs in the options page and in the cabinet row,
// figures checked against the cards Lupa stored for those competitors.
import type { Worker } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { OZON_PRICES } from '../fixtures/ozon/cabinet.mjs';
import { CABINET_PRICES } from '../fixtures/wb/cabinet.mjs';
import { type Lab, panelIn, useLab } from './harness';

let lab: Lab;
describe('prices pages', () => {
  useLab((l) => {
    lab = l;
  });

  /** The stored cards' prices now (kopecks or null), read from Lupa's IndexedDB in the worker. */
  const storedPrices = (worker: Worker, keys: Array<[string, string]>) =>
    worker.evaluate(
      (keys) =>
        new Promise<Array<number | null>>((resolve, reject) => {
          const open = indexedDB.open('lupa');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('cards').objectStore('cards');
            Promise.all(
              keys.map(
                (k) =>
                  new Promise<number | null>((res) => {
                    const get = store.get(k);
                    get.onsuccess = () => res(get.result ? get.result.priceNow : null);
                  }),
              ),
            ).then((prices) => {
              open.result.close();
              resolve(prices);
            });
          };
        }),
      keys,
    );

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? (s[m] as number) : Math.round(((s[m - 1] as number) + (s[m] as number)) / 2);
  };
  /** Whole-ruble price before discount whose buyer price is the highest not above `target`. */
  const matchPrice = (target: number, discount: number) => {
    let rub = Math.floor(target / 100 / (1 - discount / 100)) + 2;
    while (Math.round((rub * 100 * (100 - discount)) / 100) > target) rub--;
    return rub * 100;
  };

  const MINE = 146972802;
  const FILLERS = [478011137, 478000037, 478000111, 478012987];

  test('WB prices page: competitor min and median equal the stored cards, margin and price to match follow the cabinet fields', async () => {
    const shop = await lab.context.newPage();
    await shop.goto(`https://www.wildberries.ru/catalog/${MINE}/detail.aspx`);
    const own = await panelIn(shop, MINE);
    await own.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
    await own.locator('[data-lupa="watch-toggle"][data-value="mine"]').waitFor();

    // On another product's panel: "competitor of my item" (this one is out of stock: no price).
    await shop.goto('https://www.wildberries.ru/catalog/98765432/detail.aspx');
    const rival = await panelIn(shop, 98765432);
    await rival.locator('[data-lupa="competitor-of-open"]').click();
    await rival.locator(`[data-lupa="competitor-of"] button[data-mine="wb:${MINE}"]`).click();
    await rival.locator('[data-lupa="competitor-of"][data-value="1"]').waitFor();

    // In the options page: competitors by link and by article; a bad one is explained; costs.
    const options = await lab.context.newPage();
    await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
    const item = options.locator(`[data-lupa="own-item"][data-nm="${MINE}"]`);
    await item.locator('[data-lupa="own-competitor"][data-nm="98765432"]').waitFor();
    for (const [i, id] of FILLERS.entries()) {
      await item
        .locator('[data-lupa="competitor-input"]')
        .fill(i % 2 ? String(id) : `https://www.wildberries.ru/catalog/${id}/detail.aspx`);
      await item.locator('[data-lupa="competitor-input"]').press('Enter');
      await item.locator(`[data-lupa="own-competitor"][data-nm="${id}"]`).waitFor();
    }
    await item.locator('[data-lupa="competitor-input"]').fill('https://example.com/не-товар');
    await item.locator('[data-lupa="competitor-input"]').press('Enter');
    await options.locator('[data-lupa="options-problem"]', { hasText: 'Не похоже на ссылку' }).waitFor();
    await item.locator('input[name="cost"]').fill('600');
    await item.locator('input[name="commission"]').fill('19,5');
    await item.locator('input[name="logistics"]').fill('85.40');
    await item.locator('button[type="submit"]', { hasText: 'Сохранить' }).click();
    await options.locator('[data-lupa="options-message"]', { hasText: 'Сохранено' }).waitFor();

    // The cabinet: reviews first, then "Цены и скидки" by the cabinet's own client-side link.
    const cabinet = await lab.context.newPage();
    await cabinet.goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
    await cabinet.locator('lupa-reply-assistant').first().waitFor({ state: 'attached' });
    await cabinet.click('a[href="/discount-and-prices"]');
    const row = cabinet.locator(`tr[data-nm-id="${MINE}"]`);
    await row.locator('[data-lupa="competitor-min"]').waitFor({ timeout: 20_000 });

    const prices = await storedPrices(
      lab.worker,
      [98765432, ...FILLERS].map((id) => ['wb', String(id)]),
    );
    const priced = prices.filter((p): p is number => p !== null);
    expect(prices[0]).toBeNull(); // out of stock: linked, not priced
    expect(priced.length).toBeGreaterThanOrEqual(2);
    const fig = (name: string) => row.locator(`[data-lupa="${name}"]`).getAttribute('data-value');
    const min = Math.min(...priced);
    expect(Number(await fig('competitor-min'))).toBe(min);
    expect(Number(await fig('competitor-median'))).toBe(median(priced));

    const { price, discount } = CABINET_PRICES[0] as { price: number; discount: number };
    const expectMargin = async (rubles: number) => {
      const buyer = Math.round((rubles * 100 * (100 - discount)) / 100);
      await row.locator(`[data-lupa="buyer-price"][data-value="${buyer}"]`).waitFor();
      const margin = buyer - Math.round((buyer * 19.5) / 100) - 8540 - 60000;
      expect(Number(await fig('margin'))).toBe(margin);
      expect(Number(await fig('margin-pct'))).toBe(Math.round((margin / buyer) * 1000) / 10);
      return buyer;
    };
    const buyer = await expectMargin(price);
    expect(buyer).toBeGreaterThan(min);
    expect(Number(await fig('price-to-match'))).toBe(matchPrice(min, discount));
    const matchBuyer = Math.round((matchPrice(min, discount) * (100 - discount)) / 100);
    expect(Number(await fig('margin-at-match'))).toBe(matchBuyer - Math.round((matchBuyer * 19.5) / 100) - 8540 - 60000);

    // The seller edits the price in the cabinet's own field: the figures follow, and so does the page.
    await row.locator('input[name="price"]').fill('1500');
    await expectMargin(1500);
    expect(await row.locator('.price-row__final').textContent()).toBe(`${Math.round((1500 * (100 - discount)) / 100)} ₽`);

    // An item with no competitors says how to add them; costs saved from the cabinet row stick.
    const other = cabinet.locator(`tr[data-nm-id="${CABINET_PRICES[1]?.article}"]`);
    await other.locator('lupa-competitor-prices').getByText('Конкуренты не выбраны').waitFor();
    await other.locator('[data-lupa="costs-edit"]').click();
    await other.locator('input[name="cost"]').fill('2100');
    await other.locator('[data-lupa="costs-form"] button').click();
    const otherBuyer = Math.round((6990 * 100 * 70) / 100);
    await other.locator(`[data-lupa="margin"][data-value="${otherBuyer - 210000}"]`).waitFor();
    await cabinet.reload();
    await other.locator(`[data-lupa="margin"][data-value="${otherBuyer - 210000}"]`).waitFor({ timeout: 20_000 });

    expect(lab.errors).toEqual([]);
  });

  test('Ozon prices page: "Ваша цена" is the buyer price, with a WB competitor and the cost set in the row', async () => {
    const sku = OZON_PRICES[0]?.sku as number;
    const options = await lab.context.newPage();
    // Mark the Ozon item as the seller's own from its storefront panel.
    const shop = await lab.context.newPage();
    await shop.goto(`https://www.ozon.ru/product/${sku}/`);
    const own = await panelIn(shop, sku);
    await own.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
    await own.locator('[data-lupa="watch-toggle"][data-value="mine"]').waitFor();
    await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
    const item = options.locator(`[data-lupa="own-item"][data-nm="${sku}"]`);
    await item.locator('[data-lupa="competitor-input"]').fill(`https://www.wildberries.ru/catalog/${FILLERS[3]}/detail.aspx`);
    await item.locator('[data-lupa="competitor-input"]').press('Enter');
    await item.locator(`[data-lupa="own-competitor"][data-nm="${FILLERS[3]}"]`).waitFor();

    const cabinet = await lab.context.newPage();
    await cabinet.goto('https://seller.ozon.ru/app/prices/control');
    const row = cabinet.locator(`tr[data-sku="${sku}"]`);
    await row.locator('[data-lupa="competitor-min"]').waitFor({ timeout: 20_000 });
    const [competitor] = await storedPrices(lab.worker, [['wb', String(FILLERS[3])]]);
    expect(Number(await row.locator('[data-lupa="competitor-min"]').getAttribute('data-value'))).toBe(competitor);
    const yours = (OZON_PRICES[0]?.price as number) * 100;
    expect(Number(await row.locator('[data-lupa="buyer-price"]').getAttribute('data-value'))).toBe(yours);
    expect(await row.locator('[data-lupa="margin"]').getAttribute('data-value')).toBe('');
    await row.locator('[data-lupa="costs-edit"]').click();
    await row.locator('input[name="cost"]').fill('700');
    await row.locator('input[name="commission"]').fill('15');
    await row.locator('[data-lupa="costs-form"] button').click();
    await row.locator(`[data-lupa="margin"][data-value="${yours - Math.round(yours * 0.15) - 70000}"]`).waitFor();
    expect(lab.errors).toEqual([]);
  });
});
