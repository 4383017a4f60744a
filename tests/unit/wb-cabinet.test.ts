import { expect, test } from 'vitest';
import { detectWbCabinetPage, ratingOf, wbCabinet } from '../../utils/marketplaces/wb/cabinet';

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
  ['https://seller.wildberries.ru/chat-with-clients', 'chat'],
  ['https://seller.wildberries.ru/chat-with-clients?chatId=9f1c2a', 'chat'],
  ['https://seller.wildberries.ru/chat-with-clients-archive', 'other'],
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

test.each([
  ['Артикул WB: 146972802', '146972802'],
  ['Арт. 1649246352 · Размер 46', '1649246352'],
  ['2026 · артикул 255012877', '255012877'], // a year is not an article
  ['Артикул продавца: 123456', null], // the seller's own code is not WB's article
  ['Размер 46, рост 170', null],
  ['', null],
])('an article on a review card: %j → %s', (text, article) => {
  expect(wbCabinet.review.article.exec(text)?.[1] ?? null).toBe(article);
});
