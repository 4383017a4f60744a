// The WB seller cabinet (seller.wildberries.ru): which page is which, and in which words and forms
// it shows a review's and a price row's parts. Its classes are CSS-module names with a hash that
// changes on every deploy (`Not-answered-feedbacks-top-panel__iGMSzlIZC3`, reference §2.1, seen
// July 2025; §3.4) and it has no data-testid: nothing here names a class. Each form says where and
// when it was seen; [U] marks Lupa's own reading, not yet seen on the live cabinet.
import { type CabinetPage, type CabinetSpec, REVIEW_PART_LABEL } from '../cabinet';
import { isOnHost } from '../hosts';

export type { CabinetPage } from '../cabinet';
export { ratingOf } from '../cabinet';

export const isWbCabinet = (url: string): boolean => isOnHost(url, ['seller.wildberries.ru']);

/**
 * Reviews and questions live under three trees (reference §2.1, §3.4): `/feedbacks/…` with tabs
 * `feedbacks-tab/not-answered` and `questions-tab/…` (seen July 2025), `/feedbacks-questions/…` (the
 * new UI, Feb 2026) and `/feedbacks-and-questions/all-feedbacks` (2025–26 code; `all-questions` by
 * analogy [U]). Prices: `/discount-and-prices` and its `/main-table`, `/quarantine`.
 */
const QUESTIONS_PATH = /^\/(?:feedbacks(?:-and)?-questions\/(?:all-)?questions|feedbacks\/questions-tab|questions)(?:\/|$)/;
const REVIEWS_PATH = /^\/(?:feedbacks(?:-and)?-questions|feedbacks)(?:\/|$)/;

export function detectWbCabinetPage(href: string): CabinetPage {
  if (!isWbCabinet(href)) return { type: 'other' };
  const path = new URL(href).pathname;
  if (QUESTIONS_PATH.test(path)) return { type: 'questions' };
  if (REVIEWS_PATH.test(path)) return { type: 'reviews' };
  // The buyer chat (reference §3.4: `/chat-with-clients`); its markup is not known [U].
  if (/^\/chat-with-clients(?:\/|$)/.test(path)) return { type: 'chat' };
  if (/^\/discount-and-prices(?:\/|$)/.test(path)) return { type: 'prices' };
  return { type: 'other' };
}

export const wbCabinet: CabinetSpec = {
  marketplace: 'wb',
  cardFacts: true,
  detect: detectWbCabinetPage,
  review: {
    // "Артикул WB: 146972802" as plain text on a review card (the 2026-style reviews page of
    // issue 15); "Артикул WB" is WB's own name for the nmId (seller API docs, 2026). Not the
    // seller's own "Артикул продавца". "Арт." as cards abbreviate it [U].
    article: /(?:артикул|арт\.)(?:\s*(?:wb|вб))?(?!\s*продавц)\s*[:№]?\s*(\d{5,15})/i,
    // The storefront's product URL (reference §2), where a card links its product.
    productLink: /wildberries\.[a-z]{2,3}\/catalog\/(\d{5,15})\//,
    // Stars only as an aria-label: "Оценка 4 из 5", "4 звезды" (issue 15's reviews page, 2026).
    stars: [/оценк\p{L}*\s*:?\s*([1-5])(?:\s*из\s*5)?(?![\d,.])/iu, /(?:^|\s)([1-5])\s*зв[её]зд/i],
    partLabel: REVIEW_PART_LABEL,
    // feedbacks-api.wildberries.ru lists them (reference §3.1, §3.3), with the user's token.
    listedByApi: true,
  },
  prices: {
    // "Цены и скидки" (`/discount-and-prices`): the nmId alone in its column, or "Артикул WB: N" [U].
    article: /^(?:артикул(?:\s*(?:wb|вб))?(?!\s*продавц)\s*[:№]?\s*)?(\d{6,15})$/i,
    // The price before discount and the discount in percent, by their column or field label [U];
    // "Цена со скидкой" is neither.
    price: /^(?!.*скидк).*цен/i,
    discount: /^(?!.*цен).*скидк/i,
  },
};
