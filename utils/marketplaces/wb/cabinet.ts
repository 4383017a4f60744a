// The WB seller cabinet (seller.wildberries.ru): which page is which, and where a review's and a
// price row's parts are. The cabinet is a React SPA whose paths and classes move [U]: paths by a
// table, every selector with fallbacks, the answer field found inside the review it belongs to.
import type { CabinetPage, CabinetSpec } from '../cabinet';
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
  if (/^\/discount-and-prices(?:\/|$)/.test(path)) return { type: 'prices' };
  return { type: 'other' };
}

export const wbCabinet: CabinetSpec = {
  marketplace: 'wb',
  detect: detectWbCabinetPage,
  review: {
    item: [
      '[data-testid="feedback-item"]',
      '[data-testid="question-item"]',
      '.feedback-item',
      '[class*="Feedback-card"]',
      '[class*="feedback-card"]',
    ],
    rating: ['[data-rating]', '.feedback-item__rating', '[class*="rating"]'],
    text: ['.feedback-item__text', '[class*="feedback-text"]', '[class*="Feedback-text"]', '[class*="question-text"]'],
    author: ['.feedback-item__author', '[class*="author"]'],
    product: ['.feedback-item__product', '[class*="product-name"]'],
    article: ['.feedback-item__article', '[class*="article"]'],
    answer: ['textarea'],
  },
  prices: {
    row: ['[data-testid="price-row"]', 'tr[data-nm-id]', '[class*="Price-row"]'],
    article: ['[data-testid="nm-id"]', '.price-row__article', '[class*="nm-id"]'],
    price: ['input[name="price"]', '[data-testid="price"] input', '[data-testid="price"]'],
    discount: ['input[name="discount"]', '[data-testid="discount"] input', '[data-testid="discount"]'],
    slot: ['[data-testid="price-row-extra"]', '.price-row__extra', 'td:last-child'],
    articleAttrs: ['data-nm-id', 'data-nmid'],
  },
};
