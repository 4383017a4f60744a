// Beside one of the seller's items on a cabinet's prices page: the linked competitors' lowest and
// median price, the buyer's price after the seller's discount, the margin from the item's costs,
// and the price that matches the cheapest competitor. Recomputed as the seller edits the price or
// the discount in the cabinet's own fields; costs are edited here and kept by the background.
// Plain DOM, textContent only. Costs are opened and saved only by the user's own clicks (a cabinet
// page's scripts can reach the open shadow root too: components/by-user.ts).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buyerPrice, costsFromText, costsToText, marginOf, priceToMatch } from '../../utils/competitors/pricing';
import type { CompetitorFiguresReply } from '../../utils/competitors/protocol';
import { shadowHost } from '../../utils/content/dom';
import { formatAge, type MessageKey, t } from '../../utils/content/i18n';
import { type FigureName, type FigureValue, setFigure } from '../../utils/figures';
import { formatNumber, formatPct, formatRub } from '../../utils/money';
import { preventSubmit, userOnly } from '../by-user';
import css from '../cabinet/cabinet.css?inline';
import { saveProblem } from '../save-problem';

export interface PriceInputs {
  /** Kopecks before the seller's discount; null when the cabinet's field cannot be read. */
  price: number | null;
  discountPct: number;
}

type Costs = NonNullable<CompetitorFiguresReply['costs']>;

function line(parent: Node, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  if (className) p.className = className;
  parent.appendChild(p);
  return p;
}

function figure(parent: Node, name: FigureName, value: FigureValue, text: string, className?: string): HTMLElement {
  const el = setFigure(document.createElement('b'), name, value);
  if (className) el.className = className;
  el.textContent = text;
  parent.appendChild(el);
  return el;
}

const text = (parent: Node, s: string) => parent.appendChild(document.createTextNode(s));

export interface RowDeps {
  read: () => PriceInputs;
  saveCosts: (costs: Costs) => Promise<void>;
  now?: () => number;
}

export function mountCompetitorRow(
  ctx: ContentScriptContext,
  id: string,
  figures: CompetitorFiguresReply,
  watch: readonly Element[],
  deps: RowDeps,
): HTMLElement {
  const { host, root } = shadowHost('lupa-competitor-prices', css);
  setFigure(host, 'competitor-prices');
  host.setAttribute('data-nm', id);
  const box = document.createElement('div');
  box.className = 'prices';
  root.appendChild(box);
  let costs: Costs | null = figures.costs;
  let editing = false;

  const render = () => {
    box.textContent = '';
    const { price, discountPct } = deps.read();
    const c = figures.competitors;
    const head = line(box);
    const logo = document.createElement('span');
    logo.style.color = 'var(--lupa-accent)';
    logo.style.fontWeight = '700';
    logo.textContent = 'Lupa · ';
    head.appendChild(logo);
    if (c.linked === 0) {
      text(head, t('competitorsNone'));
    } else if (c.min === null || c.median === null) {
      text(head, t('competitorsNoPrice', c.linked));
    } else {
      text(head, `${t('competitorsLabel', c.priced)} ${t('competitorsMin')} `);
      figure(head, 'competitor-min', c.min, formatRub(c.min));
      text(head, ` · ${t('competitorsMedian')} `);
      figure(head, 'competitor-median', c.median, formatRub(c.median));
      if (figures.oldestAt !== null) {
        const age = document.createElement('span');
        age.className = 'muted';
        age.textContent = ` (${formatAge((deps.now ?? Date.now)() - figures.oldestAt)})`;
        head.appendChild(age);
      }
    }
    if (figures.problem) {
      const p = line(box, 'bad');
      setFigure(p, 'competitor-problem');
      p.textContent = t('competitorsStale');
    }
    // WB's SPP (WB's own money: the storefront price is below the seller's discounted one); the
    // seller's revenue, and so the margin, is the discounted price.
    const spp = figures.spp;
    const sppPct = spp !== null && spp !== 'unknown' ? spp.pct : 0;
    if (spp !== null) {
      const s = line(box, spp === 'unknown' ? 'muted' : undefined);
      if (spp === 'unknown') {
        setFigure(s, 'spp-pct', null);
        s.textContent = t('sppUnknown');
      } else {
        text(s, `${t('sppLabel')} `);
        figure(s, 'spp-pct', spp.pct, formatPct(spp.pct));
      }
    }
    renderCommission();
    renderLogistics();
    if (figures.ordersPerDay7 !== null) {
      const o = line(box);
      text(o, `${t('ownOrdersLabel')} `);
      figure(o, 'own-orders-7d', figures.ordersPerDay7, t('perDay', formatNumber(figures.ordersPerDay7, 1)));
      text(o, ` ${t('ownOrders7Note')}`);
    }
    if (price === null) {
      line(box, 'muted').textContent = t('pricesUnreadable');
    } else {
      const buyer = buyerPrice(price, discountPct, sppPct);
      const p = line(box);
      text(p, `${t(sppPct > 0 ? 'buyerSees' : 'buyerPays')} `);
      figure(p, 'buyer-price', buyer, formatRub(buyer));
      const m = marginOf(buyerPrice(price, discountPct), withCommission(costs));
      text(p, ` · ${t('marginLabel')} `);
      if (m) {
        figure(p, 'margin', m.margin, formatRub(m.margin), m.margin < 0 ? 'bad' : undefined);
        if (m.marginPct !== null) {
          text(p, ' (');
          figure(p, 'margin-pct', m.marginPct, formatPct(m.marginPct));
          text(p, ')');
        }
      } else {
        figure(p, 'margin', null, t('marginNeedsCost'), 'muted');
      }
      if (c.min !== null) {
        const match = priceToMatch(c.min, price, discountPct, sppPct);
        const hint = line(box);
        if (match.already) {
          hint.className = 'good';
          setFigure(hint, 'price-to-match', match.price);
          hint.textContent = t('alreadyCheapest', formatRub(c.min - buyer));
        } else {
          text(hint, `${t('toMatch')} `);
          figure(hint, 'price-to-match', match.price, formatRub(match.price));
          const mm = marginOf(buyerPrice(match.price, discountPct), withCommission(costs));
          text(hint, ` (${t(sppPct > 0 ? 'buyerSees' : 'buyerPays').toLowerCase()} ${formatRub(match.buyer)}`);
          if (mm) {
            text(hint, `, ${t('marginLabel').toLowerCase()} `);
            figure(hint, 'margin-at-match', mm.margin, formatRub(mm.margin), mm.margin < 0 ? 'bad' : undefined);
          }
          text(hint, ')');
        }
      }
    }
    renderCosts();
  };

  /** The costs the margin uses: what the seller typed wins over WB's tariffs (commission by subject, logistics by warehouse). */
  const withCommission = (c: Costs | null): Costs | null => {
    if (!c) return c;
    const api = figures.commission;
    const route = figures.logistics;
    return {
      ...c,
      commissionPct: c.commissionPct ?? (api !== null && api !== 'unknown' ? api.pct : null),
      logistics: c.logistics ?? (route !== null && route !== 'unknown' ? route.kopecks : null),
    };
  };

  /**
   * One of WB's costs on its own line: the seller's typed value (marked as theirs), else WB's tariff
   * (the figure, then `describe` says which), else "unknown". Nothing when Lupa cannot know it (Ozon).
   */
  const renderTariff = <T>(
    name: FigureName,
    spec: {
      label: MessageKey;
      unknown: MessageKey;
      manual: number | null;
      api: T | 'unknown' | null;
      format: (value: number) => string;
      value: (api: T) => number;
      describe: (api: T, el: HTMLElement) => string;
    },
  ) => {
    const { api, manual } = spec;
    if (manual === null && api === null) return;
    const p = line(box, manual === null && api === 'unknown' ? 'muted' : undefined);
    if (manual === null && (api === 'unknown' || api === null)) {
      setFigure(p, name, null).setAttribute('data-source', 'none');
      p.textContent = t(spec.unknown);
      return;
    }
    text(p, `${t(spec.label)} `);
    const known = manual === null ? (api as T) : null;
    const shown = known === null ? (manual as number) : spec.value(known);
    const f = figure(p, name, shown, spec.format(shown));
    f.setAttribute('data-source', known === null ? 'manual' : 'api');
    text(p, ` ${known === null ? t('commissionManual') : spec.describe(known, f)}`);
  };

  const renderCommission = () =>
    renderTariff('commission-pct', {
      label: 'commissionLabel',
      unknown: 'commissionUnknown',
      manual: costs?.commissionPct ?? null,
      api: figures.commission,
      format: formatPct,
      value: (api) => api.pct,
      describe: (api) => (api.fbs === null ? t('commissionApi') : t('commissionApiFbs', formatPct(api.fbs))),
    });

  const renderLogistics = () =>
    renderTariff('logistics', {
      label: 'logisticsLabel',
      unknown: 'logisticsUnknown',
      manual: costs?.logistics ?? null,
      api: figures.logistics,
      format: formatRub,
      value: (api) => api.kopecks,
      describe: (api, el) => {
        if (api.warehouse) el.setAttribute('data-warehouse', api.warehouse);
        const liters = formatNumber(api.liters, 1);
        return api.warehouse ? t('logisticsApi', api.warehouse, liters) : t('logisticsApiMedian', liters);
      },
    });

  const renderCosts = () => {
    if (!editing) {
      const toggle = document.createElement('button');
      toggle.type = 'button';
      setFigure(toggle, 'costs-edit');
      toggle.textContent = t('costsEdit');
      toggle.addEventListener(
        'click',
        userOnly(() => {
          editing = true;
          render();
        }),
      );
      line(box).appendChild(toggle);
      return;
    }
    const form = document.createElement('form');
    setFigure(form, 'costs-form');
    const field = (name: string, label: string, value: string) => {
      const l = document.createElement('label');
      l.textContent = `${label} `;
      const input = document.createElement('input');
      input.name = name;
      input.inputMode = 'decimal';
      input.value = value;
      l.appendChild(input);
      form.appendChild(l);
      return input;
    };
    const shown = costsToText(costs);
    const cost = field('cost', t('costPrice'), shown.cost);
    const commission = field('commission', t('commissionPct'), shown.commission);
    const logistics = field('logistics', t('logisticsRub'), shown.logistics);
    // Empty: WB's tariffs are used (shown as the hints).
    const api = figures.commission;
    if (api !== null && api !== 'unknown') commission.placeholder = formatPct(api.pct);
    const route = figures.logistics;
    if (route !== null && route !== 'unknown') logistics.placeholder = formatRub(route.kopecks);
    const save = document.createElement('button');
    save.type = 'submit';
    save.textContent = t('save');
    form.appendChild(save);
    const problem = document.createElement('p');
    problem.className = 'bad';
    // Enter in a field clicks the submit button (a trusted click); a script's submit does nothing.
    form.addEventListener('submit', preventSubmit);
    save.addEventListener(
      'click',
      userOnly(() => {
        const next = costsFromText({ cost: cost.value, commission: commission.value, logistics: logistics.value });
        deps.saveCosts(next).then(
          () => {
            costs = next;
            editing = false;
            render();
          },
          // The form stays as the user filled it.
          (error: unknown) => {
            problem.textContent = t(saveProblem(error));
            if (!problem.isConnected) form.appendChild(problem);
          },
        );
      }),
    );
    box.appendChild(form);
  };

  for (const el of watch) ctx.addEventListener(el, 'input', render);
  render();
  return host;
}
