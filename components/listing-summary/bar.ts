// The summary bar above a listing's tiles: plain DOM in one open shadow root (textContent only —
// brand, seller and card names come from the marketplace), redrawn in place as tiles load. The
// histogram is a row of CSS bars: chart.js is not worth its weight on a marketplace page for this.

import { shadowHost } from '../../utils/content/dom';
import { formatRating, stateMessage, t } from '../../utils/content/i18n';
import { type FigureName, type FigureValue, setFigure } from '../../utils/figures';
import {
  type BidSlot,
  breakEvenCpm,
  type ListingSummary,
  type PriceBand,
  type SummaryPrefsValue,
} from '../../utils/listing-summary/summary';
import type { Marketplace } from '../../utils/model';
import { formatNumber, formatPct, formatRub } from '../../utils/money';
import { userOnly } from '../by-user';
import css from './bar.css?inline';

export interface BarHandlers {
  onToggle: (open: boolean) => void;
  onExport: () => void;
  /** The seller changed an assumption (a trusted change event): keep it. */
  onAssumptions: (change: Partial<SummaryPrefsValue>) => void;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Money a seller types: "500", "1 234,50" → kopecks; null when it is not a sum. */
export function parseRub(text: string): number | null {
  const clean = text.replace(/[\s\u00a0₽]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** A percent a seller types: "2,5" → 2.5; null when it is not one. */
export function parsePct(text: string): number | null {
  const clean = text.replace(/[\s%]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const value = Number(clean);
  return value <= 100 ? value : null;
}

const inputText = (n: number) => formatNumber(n, 2).replace(/\s/g, '');

export function createSummaryBar(marketplace: Marketplace, withLadder: boolean, prefs: SummaryPrefsValue, handlers: BarHandlers) {
  const { host, root } = shadowHost('lupa-listing-summary', css);
  setFigure(host, 'listing-summary', 'loading');
  const bar = el('div', 'bar');
  const head = el('div', 'head');
  const toggle = setFigure(el('button', 'toggle'), 'summary-toggle');
  toggle.type = 'button';
  const line = el('span', 'line');
  const problem = el('span', 'problem');
  const exportButton = setFigure(el('button', 'export', 'CSV'), 'summary-export');
  exportButton.type = 'button';
  exportButton.title = t('summaryExport');
  exportButton.addEventListener('click', handlers.onExport);
  head.append(toggle, line, problem, exportButton);

  const body = el('div', 'body');
  const stats = el('dl', 'stats');
  const cell = (label: string, name: FigureName) => {
    const dd = setFigure(el('dd'), name, null);
    stats.append(el('dt', '', label), dd);
    return dd;
  };
  const tilesCell = cell(t('summaryTiles'), 'summary-tiles');
  const medianCell = cell(t('summaryMedianPrice'), 'summary-median-price');
  const adCell = cell(t('summaryAdShare'), 'summary-ad-share');
  const sellersCell = cell(t('summarySellers'), 'summary-sellers');
  const brandsCell = cell(t('summaryBrands'), 'summary-brands');
  const topCell = setFigure(el('dd'), 'summary-top-brand', null);
  stats.append(el('dt', '', t('summaryTopBrands')), topCell);
  const ratingCell = cell(t('summaryRating'), 'summary-rating');
  const reviewsCell = cell(t('summaryReviews'), 'summary-reviews');
  const ordersCell = cell(t('summaryOrders'), 'summary-orders');
  const revenueCell = cell(t('summaryRevenue'), 'summary-revenue');
  const covered = setFigure(el('p', 'note'), 'summary-covered', 0);
  stats.append(covered);

  const hist = el('div', 'hist');
  hist.append(el('span', 'muted', t('summaryBands')));
  const bars = setFigure(el('div', 'bars'), 'summary-bands', '[]');
  const axis = el('div', 'axis');
  const axisFrom = el('span');
  const axisTo = el('span');
  axis.append(axisFrom, axisTo);
  hist.append(bars, axis);
  body.append(stats, hist);

  let ladder: ReturnType<typeof createLadder> | null = null;
  if (withLadder) {
    ladder = createLadder(prefs, handlers);
    body.append(ladder.box);
  }
  bar.append(head, body);
  root.appendChild(bar);

  let open = prefs.open;
  const showOpen = () => {
    body.hidden = !open;
    toggle.textContent = `${open ? '▾' : '▸'} Lupa · ${t('summaryTitle')}`;
    toggle.title = open ? t('summaryClose') : t('summaryOpen');
    toggle.setAttribute('aria-expanded', String(open));
    toggle.setAttribute('data-value', open ? 'open' : 'closed');
  };
  showOpen();
  toggle.addEventListener(
    'click',
    userOnly(() => {
      open = !open;
      showOpen();
      handlers.onToggle(open);
    }),
  );

  const unknown = t('summaryUnknown');
  const show = (dd: HTMLElement, value: FigureValue, text: string) => {
    dd.setAttribute('data-value', value === null ? '' : String(value));
    dd.textContent = value === null ? unknown : text;
  };

  return {
    host,
    update(s: ListingSummary, onPage: number, slots: readonly BidSlot[]) {
      if (host.getAttribute('data-value') === 'loading') host.setAttribute('data-value', 'fresh');
      show(
        tilesCell,
        s.tiles,
        onPage > s.tiles ? `${formatNumber(s.tiles)} ${t('summaryOfPage', formatNumber(onPage))}` : formatNumber(s.tiles),
      );
      show(medianCell, s.medianPrice, s.medianPrice === null ? '' : formatRub(s.medianPrice));
      show(adCell, s.adSharePct, s.adSharePct === null ? '' : `${formatPct(s.adSharePct)} (${formatNumber(s.ads)})`);
      show(sellersCell, s.sellers, formatNumber(s.sellers ?? 0));
      show(brandsCell, s.brands, formatNumber(s.brands ?? 0));
      show(
        topCell,
        s.topBrandsSharePct,
        `${formatPct(s.topBrandsSharePct ?? 0)}: ${s.topBrands.map((b) => `${b.brand} ${formatPct(b.sharePct)}`).join(', ')}`,
      );
      show(ratingCell, s.medianRating, formatRating(s.medianRating));
      show(reviewsCell, s.medianReviews, formatNumber(s.medianReviews ?? 0));
      // An estimate reads as one: "≈", and the note beside it says what it rests on and how much of the page.
      show(ordersCell, s.ordersPerDay, `≈ ${formatNumber(s.ordersPerDay ?? 0, 1)}`);
      show(revenueCell, s.revenuePerDay, `≈ ${formatRub(Math.round((s.revenuePerDay ?? 0) / 100) * 100)}`);
      covered.setAttribute('data-value', String(s.covered));
      covered.textContent = s.covered > 0 ? t('summaryCovered', formatNumber(s.covered), formatNumber(s.tiles)) : t('summaryNotCovered');
      drawBands(s.bands);
      line.textContent = [
        `${t('summaryTiles')}: ${formatNumber(s.tiles)}`,
        s.medianPrice === null ? '' : `${t('summaryMedianPrice').toLowerCase()} ${formatRub(s.medianPrice)}`,
        s.adSharePct === null ? '' : `${t('summaryAdShare').toLowerCase()} ${formatPct(s.adSharePct)}`,
      ]
        .filter(Boolean)
        .join(' · ');
      ladder?.update(slots);
    },
    problem(kind: string | null) {
      host.setAttribute('data-value', kind ?? 'fresh');
      problem.textContent = kind === null ? '' : stateMessage(kind, marketplace);
    },
    remove: () => host.remove(),
  };

  function drawBands(bands: readonly PriceBand[]) {
    bars.setAttribute('data-value', JSON.stringify(bands));
    const most = bands.reduce((m, b) => Math.max(m, b[2]), 0);
    bars.replaceChildren(
      ...bands.map(([from, to, count]) => {
        const b = el('span');
        b.style.height = `${most === 0 ? 0 : Math.max(2, Math.round((count / most) * 100))}%`;
        b.title = `${from === to ? formatRub(from) : `${formatRub(from)} – ${formatRub(to)}`}: ${formatNumber(count)}`;
        return b;
      }),
    );
    const first = bands[0];
    const last = bands[bands.length - 1];
    axisFrom.textContent = first ? formatRub(first[0]) : '';
    axisTo.textContent = last && last !== first ? formatRub(last[1]) : '';
  }
}

/** WB search: the paid slots of the pages loaded, and the bid that still pays for the seller's item. */
function createLadder(prefs: SummaryPrefsValue, handlers: BarHandlers) {
  const box = el('section', 'ladder');
  box.append(el('h3', '', t('bidTitle')));
  const list = el('ol');
  const calc = el('div', 'calc');
  const assumptions = { marginPerOrder: prefs.marginPerOrder, ctrPct: prefs.ctrPct, conversionPct: prefs.conversionPct };
  const field = (label: string, name: FigureName, value: string, read: (text: string) => Partial<SummaryPrefsValue> | null) => {
    const wrap = el('label', '', label);
    const input = setFigure(el('input'), name);
    input.inputMode = 'decimal';
    input.value = value;
    const take = () => {
      const change = read(input.value);
      input.setAttribute('aria-invalid', String(change === null));
      if (change) Object.assign(assumptions, change);
      redraw();
      return change;
    };
    input.addEventListener('input', take);
    input.addEventListener(
      'change',
      userOnly(() => {
        const change = take();
        if (change) handlers.onAssumptions(change);
      }),
    );
    wrap.append(input);
    calc.append(wrap);
  };
  field(t('bidMargin'), 'bid-margin', prefs.marginPerOrder === null ? '' : inputText(prefs.marginPerOrder / 100), (text) =>
    text.trim() === '' ? { marginPerOrder: null } : ((v) => (v === null ? null : { marginPerOrder: v }))(parseRub(text)),
  );
  field(t('bidCtr'), 'bid-ctr', inputText(prefs.ctrPct), (text) => ((v) => (v === null ? null : { ctrPct: v }))(parsePct(text)));
  field(t('bidConversion'), 'bid-conversion', inputText(prefs.conversionPct), (text) =>
    ((v) => (v === null ? null : { conversionPct: v }))(parsePct(text)),
  );
  const result = setFigure(el('span', 'result'), 'break-even-cpm', null);
  const formula = el('span', 'muted', t('bidFormula'));
  const note = el('p', 'note', t('bidAssumed'));
  const resultLine = el('div');
  resultLine.append(el('span', '', `${t('bidBreakEven')}: `), result, el('span', '', ' '), formula);
  box.append(list, calc, resultLine, note);
  let slots: readonly BidSlot[] = [];

  function redraw() {
    const cpm = breakEvenCpm(assumptions);
    result.setAttribute('data-value', cpm === null ? '' : String(cpm));
    result.textContent = cpm === null ? t('bidNeedMargin') : formatRub(cpm);
    list.replaceChildren(
      ...(slots.length === 0
        ? [el('li', 'muted', t('bidNone'))]
        : slots.map((s) => {
            const li = setFigure(el('li'), 'bid-slot', s.cpm);
            li.setAttribute('data-slot', String(s.slot));
            li.setAttribute('data-nm', s.id);
            li.setAttribute('data-page', String(s.page));
            li.append(
              el('span', '', t('bidSlot', s.slot, s.page)),
              el('span', 'cpm', s.cpm === null ? t('bidNoCpm') : formatRub(s.cpm)),
              el('span', 'muted', `${s.id}${s.organic === null ? '' : ` · ${t('bidOrganic', formatNumber(s.organic))}`}`),
            );
            if (cpm !== null && s.cpm !== null)
              li.append(el('span', s.cpm <= cpm ? 'pays' : 'loses', s.cpm <= cpm ? t('bidPays') : t('bidLoses')));
            li.title = s.name;
            return li;
          })),
    );
  }
  redraw();
  return {
    box,
    update(next: readonly BidSlot[]) {
      slots = next;
      redraw();
    },
  };
}
