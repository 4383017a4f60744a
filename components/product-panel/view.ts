// The product panel: what a seller wants to know about a competitor's card at a glance. Drawn in
// plain DOM (no React): it is read-only, it is on every product page, and a page should not pay for
// a framework to show figures. The features' sections (forms, toggles) come after it in their own
// slot, drawn by the features themselves (chunk.ts); a redraw of the figures never touches that slot, so a field the
// user is typing in keeps its focus and text. Data arrives as a validated ProductOverview; every
// text from it is set as text.
import { type Child, fig, h } from '../../utils/content/dom';
import { type FigureName, setFigure } from '../../utils/figures';
import { formatAge, type MessageKey, stateMessage, t } from '../../utils/i18n';
import type { ProductOverview } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';
import { formatNumber, formatPct, formatRub } from '../../utils/money';
import { sharePct } from '../../utils/stats';
import type { DrawnPriceChart } from './price-chart';

/** What the panel is in: the background's state, or one only the page side can know. */
export type PanelStatus = ProductOverview['state'] | 'loading' | 'lupa-unavailable';

export interface PanelView {
  marketplace: Marketplace;
  status: PanelStatus;
  overview: ProductOverview | null;
  refreshing: boolean;
  floating: boolean;
  /** The wallet price the page itself shows (kopecks; WB), read off its markup; null when none. */
  walletPrice?: number | null;
  now: number;
  onRefresh: () => void;
  /** The price chart for these points (the panel keeps one across redraws while its points stay). */
  chart: (points: ReadonlyArray<{ at: number; price: number }>, label: string) => DrawnPriceChart;
  /** The features' sections (components/product-panel/sections.ts), shown under the figures once the product is known. */
  slot?: HTMLElement | null;
}

const dateFmt = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', year: 'numeric' });

/** A change-log value as the seller reads it. */
function changeText(field: string, v: string | number | boolean | null): string {
  if (v === null) return '—';
  if (field === 'price') return formatRub(Number(v));
  if (field === 'discount') return `${v}%`;
  if (field === 'stock') return v ? t('inStock') : t('outOfStock');
  return String(v);
}

/** The price window's low, median and high, in this order. */
const PRICE_STATS = [
  { label: 'priceMin', name: 'price-min', of: 'min' },
  { label: 'priceMedian', name: 'price-median', of: 'median' },
  { label: 'priceMax', name: 'price-max', of: 'max' },
] as const satisfies ReadonlyArray<{ label: MessageKey; name: FigureName; of: 'min' | 'median' | 'max' }>;

type Attrs = Parameters<typeof h>[1];

const money = (name: FigureName, kopecks: number | null, attrs: Attrs = null) =>
  fig(name, kopecks, attrs, kopecks === null ? '—' : formatRub(kopecks));

const isProblem = (status: PanelStatus) => status !== 'fresh' && status !== 'stale' && status !== 'loading';
const stateText = ({ marketplace, status, refreshing }: Pick<PanelView, 'marketplace' | 'status' | 'refreshing'>) =>
  refreshing && !isProblem(status) ? t('refreshing') : stateMessage(status, marketplace);

function head(view: PanelView, problem: boolean): HTMLElement {
  const { status, overview, refreshing, now, onRefresh } = view;
  const product = overview?.product ?? null;
  const state = fig('state', status, { class: `lupa-state ${problem ? 'lupa-state--problem' : ''}`, role: 'status' }, stateText(view));
  const refresh = h('button', { type: 'button', class: 'lupa-refresh', 'data-lupa': 'refresh', disabled: refreshing }, t('refresh'));
  refresh.addEventListener('click', onRefresh);
  return h(
    'header',
    { class: 'lupa-head' },
    h('strong', { class: 'lupa-logo' }, t('panelTitle')),
    state,
    product && fig('data-age', product.fetchedAt, { class: 'lupa-age' }, t('updated', formatAge(now - product.fetchedAt))),
    refresh,
  );
}

function prices(product: NonNullable<ProductOverview['product']>, walletPrice: number | null): HTMLElement {
  const struck = product.priceBefore !== product.priceNow;
  return h(
    'div',
    { class: 'lupa-prices' },
    product.priceNow === null
      ? fig('price-now', null, { class: 'lupa-price-now lupa-out' }, t('outOfStock'))
      : money('price-now', product.priceNow, { class: 'lupa-price-now' }),
    product.priceBefore !== null &&
      fig(
        'price-before',
        product.priceBefore,
        { class: struck ? 'lupa-strike' : 'lupa-muted' },
        struck ? formatRub(product.priceBefore) : t('noDiscount'),
      ),
    product.priceCard !== null &&
      fig(
        'price-card',
        product.priceCard,
        { class: 'lupa-card', title: t('priceCard') },
        `${t('priceCard')}: ${formatRub(product.priceCard)}`,
      ),
    walletPrice !== null &&
      fig(
        'price-wallet',
        walletPrice,
        { class: 'lupa-wallet', title: t('priceWalletHint') },
        `${t('priceWallet')}: ${formatRub(walletPrice)}`,
      ),
    product.discountPct !== null && fig('discount', product.discountPct, { class: 'lupa-discount' }, `−${product.discountPct}%`),
  );
}

function priceHistory(overview: ProductOverview, chart: PanelView['chart']): Child[] {
  const history = overview.priceHistory;
  const stats = history?.stats ?? null;
  const out: Child[] = [h('h3', null, t('priceHistory')), history?.problem && h('p', { class: 'lupa-note' }, t('sectionUnavailable'))];
  if (!stats) return [...out, h('p', { class: 'lupa-muted' }, t('noHistory'))];
  return [
    ...out,
    chart(history?.points ?? [], t('priceHistory')).element,
    h(
      'dl',
      { class: 'lupa-stats' },
      PRICE_STATS.map(({ label, name, of }) => h('div', null, h('dt', null, t(label)), h('dd', null, money(name, stats[of])))),
    ),
    fig(
      'price-lowest',
      stats.lowestInWindow,
      { 'data-window': stats.windowDays, class: stats.lowestInWindow ? 'lupa-good' : 'lupa-muted' },
      stats.lowestInWindow ? t('lowestInDays', stats.windowDays) : t('notLowestInDays', stats.windowDays),
    ),
    fig('price-points', stats.points, { class: 'lupa-muted lupa-points' }, ' · ', t('pricePoints', stats.points)),
  ];
}

function stock(product: NonNullable<ProductOverview['product']>): Child[] {
  if (!product.stockKnown) {
    const inStock = product.priceNow !== null;
    return [
      h(
        'p',
        null,
        `${t('availability')}: `,
        fig('availability', inStock, { class: inStock ? 'lupa-good' : 'lupa-bad' }, inStock ? t('inStock') : t('outOfStock')),
      ),
    ];
  }
  return [
    h('h3', null, t('stock')),
    h('p', null, `${t('stockTotal')}: `, fig('stock-total', product.stockTotal, null, formatNumber(product.stockTotal))),
    product.stockByWarehouse.length > 0 &&
      h(
        'table',
        { class: 'lupa-stock' },
        h(
          'tbody',
          null,
          product.stockByWarehouse.map((w) =>
            h(
              'tr',
              { 'data-lupa': 'stock-warehouse', 'data-wh': w.warehouseId, 'data-value': w.qty },
              h('td', null, w.name),
              h('td', { class: 'lupa-num' }, formatNumber(w.qty)),
              h('td', { class: 'lupa-muted' }, w.deliveryHours !== null ? t('deliveryHours', w.deliveryHours) : ''),
            ),
          ),
        ),
      ),
  ];
}

function sales(overview: ProductOverview): HTMLElement {
  const s = overview.sales;
  if (!s) return h('p', null, `${t('sales')}: `, fig('sales-per-day', null, { class: 'lupa-muted' }, t('salesUnknown')));
  const cal = overview.calibration;
  /** An estimate with the correction from the seller's own orders, where there is one. */
  const calibrated = (perDay: number) => (cal ? Math.round(perDay * cal.factor * 10) / 10 : perDay);
  return h(
    'p',
    null,
    `${t('sales')}: `,
    fig(
      'sales-per-day',
      calibrated(s.perDay),
      { 'data-confidence': s.confidence, 'data-raw': s.perDay },
      t('salesPerDay', formatNumber(calibrated(s.perDay))),
    ),
    ' ',
    fig(
      'sales-range',
      `${calibrated(s.low)}-${calibrated(s.high)}`,
      { class: 'lupa-muted' },
      `(${formatNumber(calibrated(s.low))}–${formatNumber(calibrated(s.high))})`,
    ),
    ' ',
    cal
      ? fig(
          'sales-calibration',
          cal.factor,
          { 'data-items': cal.items, 'data-error': cal.errorPct, 'data-subject': cal.subject ?? '', class: 'lupa-muted' },
          `· ${t(cal.subject ? 'salesCalibratedSubject' : 'salesCalibrated', cal.items, cal.errorPct)}`,
        )
      : fig('sales-calibration', null, { class: 'lupa-muted' }, `· ${t('salesNotCalibrated')}`),
    s.reasons.length > 0 &&
      h(
        'span',
        { class: 'lupa-muted' },
        ` · ${s.reasons.map((r) => t(`salesWhy_${r.replace(/-/g, '_')}` as 'salesWhy_few_days')).join(', ')}`,
      ),
  );
}

function reviews(product: NonNullable<ProductOverview['product']>, overview: ProductOverview): Child[] {
  const summary = overview.reviews?.summary ?? null;
  const counts = h(
    'p',
    null,
    `${t('rating')}: `,
    fig('rating', product.rating, null, product.rating === null ? '—' : `${formatNumber(product.rating)}★`),
    ` · ${t('reviews')}: `,
    fig('reviews', product.reviewCount, null, formatNumber(product.reviewCount)),
    summary &&
      summary.questions !== undefined && [
        ` · ${t('questions')}: `,
        fig('questions', summary.questions, null, summary.questions === null ? '—' : formatNumber(summary.questions)),
      ],
  );
  const out: Child[] = [
    h('h3', null, t('reviews')),
    counts,
    overview.reviews?.problem && h('p', { class: 'lupa-note' }, t('sectionUnavailable')),
    product.reviewCount === 0 && h('p', { class: 'lupa-muted' }, t('noReviews')),
  ];
  if (!summary) return out;
  const total = summary.distribution.reduce((a, b) => a + b, 0);
  const bar = (pct: number) => {
    const fill = h('span');
    fill.style.width = `${pct}%`;
    return h('span', { class: 'lupa-bar' }, fill);
  };
  const negativeShare = sharePct(summary.recentNegative, summary.recentCount);
  out.push(
    h(
      'ul',
      { class: 'lupa-dist' },
      [5, 4, 3, 2, 1].map((stars) => {
        const n = summary.distribution[stars - 1] ?? 0;
        return setFigure(
          h(
            'li',
            { 'data-stars': stars },
            h('span', null, `${stars}★`),
            bar(sharePct(n, total) ?? 0),
            h('span', { class: 'lupa-num' }, formatNumber(n)),
          ),
          'review-dist',
          n,
        );
      }),
    ),
    summary.distributionOf !== undefined &&
      setFigure(
        h('div', { class: 'lupa-muted' }, t('distributionOf', formatNumber(summary.distributionOf), formatNumber(summary.count))),
        'review-dist-of',
        summary.distributionOf,
      ),
    h(
      'p',
      null,
      `${t('negativeShare')}: `,
      fig('negative-share', negativeShare, null, summary.recentCount > 0 ? formatPct(negativeShare ?? 0) : '—'),
      ' ',
      h(
        'span',
        { class: 'lupa-muted' },
        t(summary.distributionOf !== undefined ? 'negativeShareOfShown' : 'negativeShareOf', summary.recentCount),
      ),
    ),
  );
  if (summary.lastNegative.length > 0)
    out.push(
      h('h4', null, t('lastNegative')),
      h(
        'ul',
        { class: 'lupa-negative' },
        summary.lastNegative.map((r) =>
          h(
            'li',
            { 'data-lupa': 'negative-review', 'data-value': r.rating, 'data-answered': String(r.answered) },
            h('span', { class: 'lupa-muted' }, `${r.rating}★ · ${dateFmt.format(r.createdAt)} ${r.author ? `· ${r.author}` : ''}`),
            h('q', null, r.text),
            r.answered === null
              ? h('span', { class: 'lupa-muted' }, t('answerUnknown'))
              : h('span', { class: r.answered ? 'lupa-good' : 'lupa-bad' }, r.answered ? t('answered') : t('notAnswered')),
          ),
        ),
      ),
    );
  return out;
}

function seller(product: NonNullable<ProductOverview['product']>): Child[] {
  const s = product.seller;
  if (!s) return [];
  return [
    h('h3', null, t('seller')),
    h(
      'p',
      null,
      fig('seller', s.name, { 'data-seller-id': s.id }, s.name || `#${s.id}`),
      s.rating !== null && [
        ' · ',
        fig('seller-rating', s.rating, null, `${formatNumber(s.rating)}★`),
        ' ',
        h('span', { class: 'lupa-muted' }, t('sellerRating')),
      ],
    ),
  ];
}

function changes(overview: ProductOverview): Child[] {
  if (overview.changes.length === 0) return [];
  return [
    h('h3', null, t('changeLog')),
    h(
      'ul',
      { class: 'lupa-changes' },
      overview.changes.map((c) =>
        h(
          'li',
          { 'data-lupa': 'change-event', 'data-field': c.field, 'data-value': c.to === null ? '' : String(c.to) },
          h('span', { class: 'lupa-muted' }, dateFmt.format(c.at)),
          ` ${t(`change_${c.field}`)}: ${changeText(c.field, c.from)} → ${changeText(c.field, c.to)}`,
        ),
      ),
    ),
  ];
}

/** The figures drawn from one overview (all but the head and the price block), per panel. */
const drawnFrom = new WeakMap<HTMLElement, { overview: ProductOverview; parts: Child[] }>();

/** Everything under the price block: it changes only with the overview. */
function body(overview: ProductOverview, product: NonNullable<ProductOverview['product']>, chart: PanelView['chart']): Child[] {
  return [
    ...priceHistory(overview, chart),
    ...stock(product),
    product.stockKnown && sales(overview),
    ...reviews(product, overview),
    ...seller(product),
    ...changes(overview),
  ];
}

/**
 * The panel's markup for this state, in `section` (the panel's own element, kept across redraws).
 * The figures under the price block are drawn again only for a new overview: the page's own wallet
 * price or a move beside the price block redraws the head and the price block alone.
 */
export function drawPanel(section: HTMLElement, view: PanelView): void {
  const { status, overview, floating, walletPrice = null, slot = null } = view;
  const product = overview?.product ?? null;
  const problem = isProblem(status);
  section.className = floating ? 'lupa-panel lupa-floating' : 'lupa-panel';
  section.setAttribute('aria-label', 'Lupa');
  const parts: Child[] = [head(view, problem), floating && h('p', { class: 'lupa-note' }, t('floating'))];
  if (product && overview) {
    let drawn = drawnFrom.get(section);
    if (drawn?.overview !== overview) {
      drawn = { overview, parts: body(overview, product, view.chart) };
      drawnFrom.set(section, drawn);
    }
    parts.push(prices(product, walletPrice), ...drawn.parts);
  }
  // Everything but the sections' slot is redrawn; the slot stays where it is, last.
  for (const node of [...section.childNodes]) if (node !== slot) node.remove();
  const figures = document.createDocumentFragment();
  for (const part of parts)
    if (part !== null && part !== undefined && part !== false) figures.append(typeof part === 'number' ? String(part) : part);
  section.insertBefore(figures, slot && slot.parentNode === section ? slot : null);
  if (slot && product && slot.parentNode !== section) section.append(slot);
  if (slot && !product) slot.remove();
}

/**
 * A refresh starts or ends with the figures as they are: only the state's words and the button
 * change. False when the panel has no such head (not drawn yet): draw it whole then.
 */
export function drawRefreshing(section: HTMLElement, view: Pick<PanelView, 'marketplace' | 'status' | 'refreshing'>): boolean {
  const state = section.querySelector('.lupa-head [data-lupa="state"]');
  const button = section.querySelector<HTMLButtonElement>('.lupa-head [data-lupa="refresh"]');
  if (!state || !button || state.getAttribute('data-value') !== view.status) return false;
  state.textContent = stateText(view);
  button.disabled = view.refreshing;
  return true;
}
