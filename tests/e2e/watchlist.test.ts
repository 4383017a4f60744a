import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import { figure, type Lab, panelIn, startLab } from './harness';

/** Runs in the service worker: what the user would see outside the page. */
const badgeText = () =>
  (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({});
const notifications = () =>
  (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } }).chrome.notifications
    .getAll()
    .then((n) => Object.keys(n).length);
const tabIdOf = (url: string) =>
  (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome.tabs
    .query({ url })
    .then((t) => t[0]?.id);
/** Fires the watchlist alarm now, as Chrome would on schedule. */
const fireAlarm = () =>
  (globalThis as unknown as { chrome: { alarms: { create(n: string, a: object): Promise<void> } } }).chrome.alarms.create('lupa-watch', {
    when: Date.now() + 10,
  });

describe('popup, watchlist and tasks', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.close();
  });

  const popup = async (query = '') => {
    const page = await lab.context.newPage();
    await page.goto(`chrome-extension://${lab.extensionId}/popup.html${query}`);
    return page;
  };

  test('the popup shows the product of the current tab', async () => {
    const shop = await lab.open('/catalog/146972802/detail.aspx');
    await panelIn(shop, 146972802);
    const tabId = await lab.worker.evaluate(tabIdOf, 'https://www.wildberries.ru/catalog/146972802/*');
    const p = await popup(`?tabId=${tabId}`);
    const summary = p.locator('[data-lupa="summary"][data-nm="146972802"]');
    await summary.waitFor();
    expect(await figure(summary, 'price-now')).toBe('134500');
    expect(await figure(summary, 'rating')).toBe('4.7');
    expect(await figure(summary, 'stock-total')).toBe('66');
    // Track it from the popup, as "my item": the product's panel shows the same.
    await summary.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
    await summary.locator('[data-lupa="watch-toggle"][data-value="mine"]').waitFor();
    await shop.reload();
    await (await panelIn(shop, 146972802)).locator('[data-lupa="watch-toggle"][data-value="mine"]').waitFor();
    await p.close();
    await shop.close();
  });

  test('tracking a product, a price change and a refresh give a task, a notification and a badge', async () => {
    const shop = await lab.open('/catalog/211695539/detail.aspx');
    const panel = await panelIn(shop, 211695539);
    await panel.locator('[data-lupa="watch-toggle"] button[data-role="competitor"]').click();
    await panel.locator('[data-lupa="watch-toggle"][data-value="competitor"]').waitFor();
    // The user looks at the watchlist once (its arrows compare with this look)…
    const look = await popup();
    await look.locator('[data-lupa="watch-row"][data-nm="211695539"]').waitFor();
    await look.close();
    // …then the competitor cuts the price from 4 590 ₽ to 3 990 ₽ (−13 %, beyond the 5 % threshold).
    lab.server.settings.wbPriceOverride = { 211695539: 399000 };
    await lab.worker.evaluate(fireAlarm);
    await expect.poll(() => lab.worker.evaluate(badgeText), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => lab.worker.evaluate(notifications)).toBe(1);
    const p = await popup();
    const task = p.locator('[data-lupa="task"][data-kind="price-move"][data-nm="211695539"]');
    await task.waitFor();
    expect(await task.getAttribute('data-value')).toBe('399000');
    expect(await p.locator('[data-lupa="watch-row"][data-nm="211695539"]').getAttribute('data-value')).toBe('399000');
    expect(await p.locator('[data-lupa="watch-row"][data-nm="211695539"] [data-lupa="watch-change"]').getAttribute('data-value')).toBe(
      '-60000',
    );
    // Done: the task is closed and the badge is cleared.
    await p.locator('[data-lupa="tasks-done"]').click();
    await expect.poll(() => lab.worker.evaluate(badgeText)).toBe('');
    await p.close();
    // The change log on the product's panel has the move.
    await shop.reload();
    const again = await panelIn(shop, 211695539);
    const change = again.locator('[data-lupa="change-event"][data-field="price"]');
    await change.waitFor();
    expect(await change.getAttribute('data-value')).toBe('399000');
    await shop.close();
  });

  test('lookup by article and by URL works for both marketplaces', async () => {
    const p = await popup();
    const look = async (query: string) => {
      await p.locator('[data-lupa="lookup-input"]').fill(query);
      await p.locator('.lupa-lookup button').click();
    };
    await look('255012877');
    await expect.poll(() => figure(p.locator('[data-lupa="summary"][data-nm="255012877"]'), 'price-now')).toBe('189000');
    await look('https://www.wildberries.ru/catalog/183453012/detail.aspx?size=298760001');
    await expect.poll(() => figure(p.locator('[data-lupa="summary"][data-nm="183453012"]'), 'price-now')).toBe('39900');
    const o = ozon.products[0]!;
    await look(`https://www.ozon.ru/product/${o.slug}-${o.sku}/`);
    await expect.poll(() => figure(p.locator(`[data-lupa="summary"][data-nm="${o.sku}"]`), 'price-now')).toBe('129000');
    await look(String(ozon.products[2]!.sku));
    await expect.poll(() => figure(p.locator(`[data-lupa="summary"][data-nm="${ozon.products[2]!.sku}"]`), 'price-now')).toBe('7999000');
    await p.close();
  });
});
