// The reply assistant in the WB seller cabinet (fixture of its reviews page).
import { afterAll, beforeAll, expect, test } from 'vitest';
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
