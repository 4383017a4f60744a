// The WB seller cabinet (seller.wildberries.ru): which page is which, and where a review's parts
// are. The cabinet is a React SPA whose paths and classes move [U]: paths by a table, every
// selector with fallbacks, the answer field found inside the review it belongs to.
export type CabinetPage = { type: 'reviews' } | { type: 'questions' } | { type: 'prices' } | { type: 'other' };

export function isWbCabinet(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname === 'seller.wildberries.ru';
  } catch {
    return false;
  }
}

export function detectWbCabinetPage(href: string): CabinetPage {
  if (!isWbCabinet(href)) return { type: 'other' };
  const path = new URL(href).pathname;
  if (/\/feedbacks-questions\/questions|\/questions(\/|$)/.test(path)) return { type: 'questions' };
  if (/\/feedbacks-questions(\/feedbacks)?|\/feedbacks(\/|$)/.test(path)) return { type: 'reviews' };
  if (/\/discount-and-prices/.test(path)) return { type: 'prices' };
  return { type: 'other' };
}

export const cabinetSelectors = {
  item: ['[data-testid="feedback-item"]', '.feedback-item', '[class*="Feedback-card"]', '[class*="feedback-card"]'],
  rating: ['[data-rating]', '.feedback-item__rating', '[class*="rating"]'],
  text: ['.feedback-item__text', '[class*="feedback-text"]', '[class*="Feedback-text"]'],
  author: ['.feedback-item__author', '[class*="author"]'],
  product: ['.feedback-item__product', '[class*="product-name"]'],
  article: ['.feedback-item__article', '[class*="article"]'],
  answer: ['textarea'],
} as const;

/** A review card's stars: a data attribute, or the count of ★ it shows. */
export function ratingOf(el: Element | null): number | null {
  if (!el) return null;
  const attr = Number(el.getAttribute('data-rating'));
  if (attr >= 1 && attr <= 5) return attr;
  const stars = (el.textContent ?? '').match(/★/g)?.length ?? 0;
  return stars >= 1 && stars <= 5 ? stars : null;
}
