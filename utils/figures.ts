// The figure contract: every figure and control a user sees carries data-lupa="<name>" and
// data-value="<raw value>" (kopecks for money). Tests and outside checks read Lupa through these
// names, so the list only grows: never rename or drop a name that has shipped. README.md ("The
// figure contract") documents each one; tests/unit/figures.test.ts holds the list, the README and
// the source to each other.

export const FIGURES = [
  // Product panel (storefront, WB and Ozon)
  'product-panel',
  'state',
  'data-age',
  'refresh',
  'price-now',
  'price-before',
  'price-card',
  'price-wallet',
  'discount',
  'price-chart',
  'price-min',
  'price-median',
  'price-max',
  'price-lowest',
  'price-points',
  'stock-total',
  'stock-warehouse',
  'availability',
  'sales-per-day',
  'sales-range',
  'rating',
  'reviews',
  'questions',
  'review-dist',
  'negative-share',
  'negative-review',
  'seller',
  'seller-rating',
  'change-event',
  'watch-toggle',
  'competitor-of',
  'competitor-of-open',
  'twin',
  'twin-price',
  'twin-diff',
  'twin-rating',
  'twin-reviews',
  'twin-input',
  'twin-unlink',
  // Positions (panel and popup)
  'positions',
  'position-organic',
  'position-ad',
  'position-page',
  'position-change',
  'position-chart',
  'scan-progress',
  'scan-state',
  'scan-start',
  'scan-cancel',
  'position-query-input',
  'position-suggestion',
  // Listings (search and category pages)
  'tile-badge',
  'tile-position',
  'tile-ad-position',
  'tile-cpm',
  'tile-rating',
  'tile-reviews',
  'tile-price',
  'tile-trend',
  'tile-stock',
  'listing-status',
  'listing-count',
  'listing-export',
  // Popup
  'summary',
  'lookup-input',
  'storage-freed',
  'task',
  'tasks-done',
  'task-count',
  'task-kind-done',
  'watch-refresh',
  'watch-list',
  'watch-row',
  'watch-change',
  'watch-not-found',
  'refresh-at',
  'refresh-checked',
  'refresh-changed',
  'refresh-not-found',
  'refresh-problems',
  'refresh-next',
  'tracked-product',
  // Options
  'settings-form',
  'privacy-link',
  'options-message',
  'options-problem',
  'token-input',
  'token-check',
  'backup',
  'restore',
  'clear-all',
  'templates',
  'template',
  'template-title',
  'template-text',
  'template-add',
  'templates-save',
  'own-items',
  'own-item',
  'own-competitor',
  'competitor-input',
  // Seller cabinets (WB and Ozon)
  'reply-assistant',
  'reply-insert',
  'reply-suggest',
  'tone-warning',
  'competitor-prices',
  'competitor-min',
  'competitor-median',
  'competitor-problem',
  'buyer-price',
  'margin',
  'margin-pct',
  'price-to-match',
  'margin-at-match',
  'costs-edit',
  'costs-form',
] as const;

export type FigureName = (typeof FIGURES)[number];

export type FigureValue = string | number | boolean | null;

/** What data-value holds: the raw value as text, empty when there is none. */
export const figureValue = (value: FigureValue): string => (value === null ? '' : String(value));

/** Names a plain-DOM element as a figure (and gives its raw value, when it has one). */
export function setFigure<E extends Element>(el: E, name: FigureName, value?: FigureValue): E {
  el.setAttribute('data-lupa', name);
  if (value !== undefined) el.setAttribute('data-value', figureValue(value));
  return el;
}
