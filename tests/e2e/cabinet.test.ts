// The reply assistant in the WB seller cabinet (fixture of its reviews page).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OZON_REVIEWS } from '../fixtures/ozon/cabinet.mjs';
import { CABINET_REVIEWS } from '../fixtures/wb/cabinet.mjs';
import { type Lab, startLab } from './harness';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

test("a suggested template goes into the cabinet's own field and the page sees it; a blaming phrase raises a warning", async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
  const item = (id: string) => page.locator(`[data-feedback-id="${id}"]`);
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);

  // 1★ with a defect: the first suggestion is the defect template, filled with the buyer's name.
  const insert = item('fb-1').locator('[data-lupa="reply-insert"]');
  expect(await insert.getAttribute('data-template')).toBe('defect');
  await insert.click();
  const value = await item('fb-1').locator('textarea').inputValue();
  expect(value).toMatch(/^Здравствуйте, Анна! Приносим извинения/);
  // The cabinet's own input handler ran: its counter and its publish button follow the text.
  expect(await item('fb-1').locator('.feedback-item__counter').textContent()).toBe(`${value.length} / 5000`);
  expect(await item('fb-1').locator('.feedback-item__publish').isDisabled()).toBe(false);
  expect(await item('fb-1').locator('[data-lupa="tone-warning"]').count()).toBe(0);

  // 2★ "маломерит": the size template comes first.
  expect(await item('fb-2').locator('[data-lupa="reply-insert"]').getAttribute('data-template')).toBe('size');

  // The seller types a blaming reply: the warning names the phrase; nothing is sent.
  await item('fb-2').locator('textarea').fill('Надо было смотреть таблицу размеров.');
  const warnings = await item('fb-2')
    .locator('[data-lupa="tone-warning"]')
    .evaluateAll((w) => w.map((x) => x.getAttribute('data-value')));
  expect(warnings).toEqual(['blame', 'no-way-out']);
  expect(lab.server.count(/feedbacks-api/)).toBe(0);
  expect(lab.errors).toEqual([]);
  await page.close();
});

test('client-side navigation to the questions page: question templates under each question', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/discount-and-prices');
  await page.locator('tr[data-nm-id]').first().waitFor();
  await page.click('a[href="/feedbacks-questions/questions"]');
  const q = (id: string) => page.locator(`[data-feedback-id="${id}"]`);
  await q('q-1').locator('[data-lupa="reply-insert"]').waitFor({ timeout: 20_000 });
  expect(await q('q-1').locator('[data-lupa="reply-insert"]').getAttribute('data-template')).toBe('q-size');
  expect(await q('q-2').locator('[data-lupa="reply-insert"]').getAttribute('data-template')).toBe('q-delivery');
  await q('q-2').locator('[data-lupa="reply-insert"]').click();
  expect(await q('q-2').locator('textarea').inputValue()).toMatch(/^Здравствуйте! Срок доставки/);
  // On to reviews by the cabinet's link, then back with the browser's button: each list rendered
  // anew gets its assistant again, once per item.
  await page.click('a[href="/feedbacks-questions/feedbacks"]');
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
  await page.goBack();
  await q('q-1').locator('[data-lupa="reply-insert"]').waitFor({ timeout: 20_000 });
  expect(await page.locator('lupa-reply-assistant').count()).toBe(2);
  expect(lab.errors).toEqual([]);
  await page.close();
});

test('Ozon cabinet: the review read off the page (pros, cons, comment) gets the size template; unanswered counted for the popup', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.ozon.ru/app/reviews');
  const card = (uuid: string) => page.locator(`[data-review-uuid="${uuid}"]`);
  const first = OZON_REVIEWS[0] as (typeof OZON_REVIEWS)[number];
  const insert = card(first.uuid).locator('[data-lupa="reply-insert"]');
  await insert.waitFor({ timeout: 20_000 });
  expect(await insert.getAttribute('data-template')).toBe('size');
  await insert.click();
  const value = await card(first.uuid).locator('textarea').inputValue();
  expect(value).toMatch(/^Здравствуйте, Екатерина!/);
  expect(await card(first.uuid).locator('.review-card__counter').textContent()).toBe(`${value.length} / 3000`);
  expect(await card(first.uuid).locator('.review-card__send').isDisabled()).toBe(false);
  // An answered review has no field and no assistant.
  const answered = OZON_REVIEWS.filter((r) => r.answer);
  expect(await page.locator('lupa-reply-assistant').count()).toBe(OZON_REVIEWS.length - answered.length);
  // Blaming the buyer is flagged on Ozon too.
  await card(first.uuid).locator('textarea').fill('Вы сами виноваты, читайте описание.');
  await card(first.uuid).locator('[data-lupa="tone-warning"][data-value="blame"]').first().waitFor();

  // The popup counts what waits for an answer on Ozon, from the page.
  const popup = await lab.context.newPage();
  await popup.goto(`chrome-extension://${lab.extensionId}/popup.html`);
  const task = popup.locator('[data-lupa="task"][data-kind="ozon-unanswered-reviews"]');
  await task.waitFor();
  expect(Number(await task.getAttribute('data-value'))).toBe(OZON_REVIEWS.length - answered.length);
  // The cabinet's own list endpoint was asked by the page, never by Lupa.
  expect(lab.server.count(/review\/list/)).toBe(1);
  expect(lab.errors).toEqual([]);
  await page.close();
  await popup.close();
});
