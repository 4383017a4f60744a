// The Ozon seller cabinet (seller.ozon.ru/app/…): reviews at `reviews`, questions at
// `reviews/questions` or the messenger's customers group [U], prices at `prices/control` [U].
// Ozon's Seller API refuses browsers, so Lupa reads what the cabinet page itself shows.
import type { CabinetPage, CabinetSpec } from '../cabinet';
import { isOnHost } from '../hosts';

export const isOzonCabinet = (url: string): boolean => isOnHost(url, ['seller.ozon.ru']);

export function detectOzonCabinetPage(href: string): CabinetPage {
  if (!isOzonCabinet(href)) return { type: 'other' };
  const u = new URL(href);
  const path = u.pathname;
  if (/^\/app\/reviews\/questions/.test(path) || (/^\/app\/messenger/.test(path) && u.searchParams.get('group') === 'customers_v2'))
    return { type: 'questions' };
  if (/^\/app\/reviews(\/|$)/.test(path)) return { type: 'reviews' };
  if (/^\/app\/prices\/(control|manager)/.test(path)) return { type: 'prices' };
  return { type: 'other' };
}

export const ozonCabinet: CabinetSpec = {
  marketplace: 'ozon',
  detect: detectOzonCabinetPage,
  review: {
    item: ['[data-testid="review-item"]', '[data-testid="question-item"]', '[class*="review-card"]', '[class*="ReviewCard"]'],
    rating: ['[data-rating]', '[class*="rating"]'],
    text: ['[data-testid="review-text"]', '[class*="review-text"]', '[class*="question-text"]'],
    author: ['[data-testid="review-author"]', '[class*="author"]'],
    product: ['[data-testid="review-product"]', '[class*="product-title"]'],
    article: ['[data-testid="review-sku"]', '[class*="sku"]'],
    answer: ['textarea'],
    answered: ['[data-testid="review-answer"]', '[class*="answer-text"]'],
  },
  prices: {
    row: ['[data-testid="price-row"]', 'tr[data-sku]', '[class*="PriceRow"]'],
    article: ['[data-testid="sku"]', '[class*="sku"]'],
    // "Ваша цена" is what the buyer pays before Ozon's own co-funded promotions.
    price: ['input[name="price"]', '[data-testid="your-price"] input', '[data-testid="your-price"]'],
    discount: [],
    slot: ['[data-testid="price-row-extra"]', 'td:last-child'],
    articleAttrs: ['data-sku'],
  },
};
