import { expect, test } from 'vitest';
import { detectWbCabinetPage, ratingOf } from '../../utils/marketplaces/wb/cabinet';

test.each([
  ['https://seller.wildberries.ru/feedbacks-questions/feedbacks', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks-questions/feedbacks?isAnswered=false', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks-questions', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks/list', 'reviews'],
  ['https://seller.wildberries.ru/feedbacks-questions/questions', 'questions'],
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
