import { afterAll, beforeAll, expect, test } from 'vitest';
import { figure, type Lab, panel, panelIn, startLab } from './harness';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

test('a WB product linked to its Ozon twin shows the twin beside it, and the Ozon page shows the WB one', async () => {
  const wbPage = await lab.open('/catalog/255012877/detail.aspx');
  const wbPanel = await panelIn(wbPage, 255012877);
  await wbPanel
    .locator('[data-lupa="twin-input"]')
    .fill('https://www.ozon.ru/product/naushniki-besprovodnye-tws-pro-s-shumopodavleniem-987654321/');
  await wbPanel.locator('[data-lupa="twin"] button[type="submit"]').click();
  // The Ozon fixture: 2 899 ₽, ★4.5, 1 532 reviews; the WB price is 1 890 ₽.
  await expect.poll(() => figure(wbPanel, 'twin-price'), { timeout: 20_000 }).toBe('289900');
  expect(await figure(wbPanel, 'twin-rating')).toBe('4.5');
  expect(await figure(wbPanel, 'twin-reviews')).toBe('1532');
  expect(await figure(wbPanel, 'twin-diff')).toBe(String(Math.round(((289900 - 189000) / 189000) * 1000) / 10));

  const ozonPage = await lab.context.newPage();
  await ozonPage.goto('https://www.ozon.ru/product/naushniki-besprovodnye-tws-pro-s-shumopodavleniem-987654321/');
  const ozonPanel = await panelIn(ozonPage, 987654321);
  await expect.poll(() => figure(ozonPanel, 'twin-price'), { timeout: 20_000 }).toBe('189000');
  expect(await figure(ozonPanel, 'twin-rating')).toBe('3.4');

  await ozonPanel.locator('[data-lupa="twin-unlink"]').click();
  await ozonPanel.locator('[data-lupa="twin-input"]').waitFor();
  await wbPage.reload();
  await panelIn(wbPage, 255012877);
  await panel(wbPage, 255012877).locator('[data-lupa="twin-input"]').waitFor();
  expect(lab.errors).toEqual([]);
});

test('pasting something that is not an Ozon product says so and links nothing', async () => {
  const page = await lab.open('/catalog/146972802/detail.aspx');
  const p = await panelIn(page, 146972802);
  await p.locator('[data-lupa="twin-input"]').fill('футболка');
  await p.locator('[data-lupa="twin"] button[type="submit"]').click();
  await p.locator('[data-lupa="twin"] .lupa-note').waitFor();
  expect(await p.locator('[data-lupa="twin-price"]').count()).toBe(0);
});
