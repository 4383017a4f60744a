// "Мои продажи" in the storefront panel of one of the seller's own items: orders per day over 7 and
// 30 days, the buyout share, the sum ordered over 7 days and the 7-day funnel, from WB's sales
// funnel, and the week's buyouts, returns and sum to be paid from the statistics API. Figures:
// own-sales (the section), own-sales-show, own-orders-7d, own-orders-30d, own-buyout-pct,
// own-revenue-7d (kopecks), own-funnel (data-views, data-cart, data-orders), own-buyouts-7d,
// own-returns-7d, own-for-pay-7d (kopecks). The page is the marketplace's: nothing of the seller's
// goes into it until the seller presses the button (a trusted click); before that the section only
// says it is their item, and nothing at all for another seller's. Plain DOM (components/parts.ts).
import { fig, h } from '../../utils/content/dom';
import { t, uiLanguage } from '../../utils/content/i18n';
import { placeChildren } from '../../utils/content/place-children';
import { formatNumber, formatPct, formatRub } from '../../utils/money';
import type { OwnSalesReply } from '../../utils/own-numbers/protocol';
import { userOnly } from '../by-user';
import type { DrawnSection } from '../parts';
import { drawLoaded } from '../plain-part';
import { dayIn, problemTextIn } from '../seller-problem-text';

const DAY_MS = 86_400_000;
const text = { t, uiLanguage };

type Shown = Extract<OwnSalesReply, { state: 'ok' }>;

const perDay = (v: number | null) => (v === null ? '—' : t('perDay', formatNumber(v, 1)));

/** The figures, once the seller asked for them. */
function salesOf({ sales, problem }: Shown): Array<Node | false> {
  return [
    h(
      'p',
      null,
      `${t('ownOrders7')} `,
      fig('own-orders-7d', sales.ordersPerDay7, null, perDay(sales.ordersPerDay7)),
      `, ${t('ownOrders30')} `,
      fig('own-orders-30d', sales.ordersPerDay30, null, perDay(sales.ordersPerDay30)),
    ),
    h(
      'p',
      null,
      `${t('ownBuyout')} `,
      fig('own-buyout-pct', sales.buyoutPct, null, sales.buyoutPct === null ? '—' : formatPct(sales.buyoutPct)),
      ` · ${t('ownRevenue7')} `,
      fig('own-revenue-7d', sales.revenue7, null, sales.revenue7 === null ? '—' : formatRub(sales.revenue7)),
    ),
    sales.funnel7 !== null &&
      h(
        'p',
        null,
        `${t('ownFunnel7')}: `,
        fig(
          'own-funnel',
          sales.funnel7.orders,
          { 'data-views': sales.funnel7.views, 'data-cart': sales.funnel7.cart, 'data-orders': sales.funnel7.orders },
          `${formatNumber(sales.funnel7.views)} → ${formatNumber(sales.funnel7.cart)} → ${formatNumber(sales.funnel7.orders)}`,
        ),
      ),
    sales.week !== null &&
      h(
        'p',
        null,
        `${t('ownWeek')} `,
        fig('own-buyouts-7d', sales.week.buyouts, null, t('ownBuyouts', formatNumber(sales.week.buyouts))),
        ', ',
        fig('own-returns-7d', sales.week.returns, null, t('ownReturns', formatNumber(sales.week.returns))),
        `, ${t('ownForPay')} `,
        fig('own-for-pay-7d', sales.week.forPay, null, formatRub(sales.week.forPay)),
      ),
    h('p', { className: 'lupa-muted' }, t('ownSalesAsOf', dayIn(text, sales.day * DAY_MS + DAY_MS / 2))),
    problem !== null && h('p', { className: 'lupa-note' }, problemTextIn(text, problem)),
  ];
}

/** The section of an own item: the button until the seller presses it, then the figures. */
function ownSection(load: (reveal: boolean) => Promise<OwnSalesReply>): HTMLElement {
  let busy = false;
  let reply: OwnSalesReply | null = null;
  let failed = false;
  const heading = h('h3', null, t('ownSalesTitle'));
  const hint = h('p', { className: 'lupa-muted' }, t('ownSalesHint'));
  const button = h('button', { type: 'button', 'data-lupa': 'own-sales-show' });
  const section = h('div', { className: 'lupa-own-sales', 'data-lupa': 'own-sales' }, heading, hint, button);

  // The button is updated in place while it shows (the user's focus stays); what follows is redrawn.
  const show = () => {
    const shown = reply?.state === 'ok' ? reply : null;
    if (!shown) {
      button.disabled = busy;
      button.textContent = busy ? t('ownSalesBusy') : t('ownSalesShow');
    }
    placeChildren(section, [
      heading,
      !shown && [hint, button],
      failed && h('p', { className: 'lupa-note' }, t('sectionUnavailable')),
      reply?.state === 'problem' && h('p', { className: 'lupa-note' }, problemTextIn(text, reply.problem)),
      shown && salesOf(shown),
    ]);
  };
  const reveal = async () => {
    busy = true;
    show();
    try {
      reply = await load(true);
      failed = false;
    } catch {
      failed = true;
    }
    busy = false;
    show();
  };
  button.addEventListener(
    'click',
    userOnly(() => void reveal()),
  );
  show();
  return section;
}

export const ownSalesSection = (into: HTMLElement, load: (reveal: boolean) => Promise<OwnSalesReply>): DrawnSection =>
  drawLoaded(
    into,
    () => load(false),
    (r) => (r.state === 'not-own' ? null : ownSection(load)),
  );
