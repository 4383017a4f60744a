// The panel's first figures in plain DOM, drawn by the storefront's core before the panel chunk
// arrives: the head and the price block, with exactly the markup, figure names and values
// the panel (view.ts) gives them, so the panel replaces them without a jump or a disagreeing value.
// The state stays `loading` while the rest of the panel is on its way.
import { fig, h } from '../../utils/content/dom';
import { stateMessage, t } from '../../utils/content/i18n';
import type { FigureName, FigureValue } from '../../utils/figures';
import type { ProductOverview } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';
import { formatRub } from '../../utils/money';
import type { PageFigures } from './contract';
import type { PanelStatus } from './view';

const figure = (name: FigureName, value: FigureValue, className: string, text: string) => fig(name, value, { class: className }, text);

export interface FirstFigures {
  marketplace: Marketplace;
  floating: boolean;
  status: PanelStatus;
  overview: ProductOverview | null;
  page: PageFigures;
}

export function renderFirstFigures(container: HTMLElement, { marketplace, floating, status, overview, page }: FirstFigures): void {
  const problem = status !== 'fresh' && status !== 'stale' && status !== 'loading';
  const section = h('section', { class: floating ? 'lupa-panel lupa-floating' : 'lupa-panel', 'aria-label': 'Lupa' });
  const head = h('header', { class: 'lupa-head' });
  const state = figure('state', status, `lupa-state ${problem ? 'lupa-state--problem' : ''}`, stateMessage(status, marketplace));
  state.setAttribute('role', 'status');
  // The panel's button; it works once the panel is here.
  const refresh = h(
    'button',
    { type: 'button', class: 'lupa-refresh', 'data-lupa': 'refresh', disabled: status === 'loading' },
    t('refresh'),
  );
  head.append(h('strong', { class: 'lupa-logo' }, t('panelTitle')), state, refresh);
  section.append(head);
  if (floating) section.append(h('p', { class: 'lupa-note' }, t('floating')));

  const product = overview?.product;
  if (product) {
    const prices = h('div', { class: 'lupa-prices' });
    prices.append(
      product.priceNow === null
        ? figure('price-now', null, 'lupa-price-now lupa-out', t('outOfStock'))
        : figure('price-now', product.priceNow, 'lupa-price-now', formatRub(product.priceNow)),
    );
    if (product.priceBefore !== null) {
      const struck = product.priceBefore !== product.priceNow;
      prices.append(
        figure(
          'price-before',
          product.priceBefore,
          struck ? 'lupa-strike' : 'lupa-muted',
          struck ? formatRub(product.priceBefore) : t('noDiscount'),
        ),
      );
    }
    if (product.priceCard !== null) {
      const card = figure('price-card', product.priceCard, 'lupa-card', `${t('priceCard')}: ${formatRub(product.priceCard)}`);
      card.title = t('priceCard');
      prices.append(card);
    }
    if (page.walletPrice !== null) {
      const wallet = figure('price-wallet', page.walletPrice, 'lupa-wallet', `${t('priceWallet')}: ${formatRub(page.walletPrice)}`);
      wallet.title = t('priceWalletHint');
      prices.append(wallet);
    }
    if (product.discountPct !== null) prices.append(figure('discount', product.discountPct, 'lupa-discount', `−${product.discountPct}%`));
    section.append(prices);
  }
  container.replaceChildren(section);
}
