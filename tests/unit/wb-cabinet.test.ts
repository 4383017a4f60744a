import { expect, test } from 'vitest';
import { detectWbCabinetPage, ratingOf } from '../../utils/marketplaces/wb/cabinet';

test.each([
  ['https://seller.wildberries.ru/feedbacks-questions/feedbacks', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks-questions/feedbacks?isAnswered=false', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks-questions', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks/list', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks-questions/questions', 'questions'],
  // The older cabinet's tabs (reference §2.1, seen July 2025) and the 2026 "all" lists (§3.4).
  ['https://seller.wildberries.ru/feedbacks/feedbacks-tab/not-answered', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks/feedbacks-tab/answered', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks/questions-tab/not-answered', 'questions'],
  ['https://seller.wildberries.ru/feedbacks/questions-tab/answered', 'questions'],
  ['https://seller.wildberries.ru/feedbacks-and-questions/all-feedbacks?feedback=a1b2', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks-and-questions/all-questions', 'questions'],
  ['https://seller.wildberries.ru/discount-and-prices/main-table', 'prices'],
  ['https://seller.wildberries.ru/chat-with-clients', 'other'],
  ['https://seller.wildberries.ru/new-goods/all-goods', 'other'],
  ['https://seller.wildberries.ru/discount-and-prices', 'prices'],
  ['https://seller.wildberries.ru/analytics', 'other'],
  ['https://www.wildberries.ru/catalog/146972802/feedbacks', 'other'],
  ['http://seller.wildberries.ru/feedbacks-questions/feedbacks', 'other'],
])('%s → %s', (url, type) => {
  expect(detectWbCabinetPage(url).type).toBe(type);
});

test('stars from a data attribute or from the ★ shown', () => {
  const el = (html: { attr?: string; text?: string }) =>
    ({ getAttribute: () => html.attr ?? null, textContent: html.text ?? '' }) as unknown as Element;
  expect(ratingOf(el({ attr: '2' }))).toBe(2);
  expect(ratingOf(el({ text: '★★★★' }))).toBe(4);
  expect(ratingOf(el({ text: 'нет' }))).toBeNull();
  expect(ratingOf(null)).toBeNull();
});
