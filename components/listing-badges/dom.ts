// Badges are plain DOM (textContent only), one small shadow root per tile: a listing has hundreds
// of tiles and a React root each would cost more main-thread time than the badge is worth.

import { shadowHost as shadowHostWith } from '../../utils/content/dom';
import { formatRating } from '../../utils/content/i18n';
import { type FigureName, type FigureValue, setFigure } from '../../utils/figures';
import type { ListingBadgesReply } from '../../utils/listing-badges/protocol';
import { formatNumber, formatRub } from '../../utils/money';
import css from './badge.css?inline';

export type Badge = ListingBadgesReply['badges'][number];

function span(parent: Node, text: string, className: string, name: FigureName, value: FigureValue, nm: string) {
  const el = setFigure(document.createElement('span'), name, value);
  el.setAttribute('data-nm', nm);
  el.textContent = text;
  if (className) el.className = className;
  parent.appendChild(el);
  return el;
}

export const shadowHost = (tag: string) => shadowHostWith(tag, css);

export function renderBadge(badge: Badge): HTMLElement {
  const { host, root } = shadowHost('lupa-tile-badge');
  setFigure(host, 'tile-badge');
  host.setAttribute('data-nm', badge.id);
  const box = document.createElement('div');
  box.className = 'lupa-badge';
  const nm = badge.id;
  span(box, badge.position === null ? '—' : `#${badge.position}`, 'pos', 'tile-position', badge.position, nm);
  if (badge.ad) {
    span(box, `Реклама ${badge.ad.position}`, 'ad', 'tile-ad-position', badge.ad.position, nm);
    if (badge.ad.cpm !== null) span(box, `CPM ${formatRub(badge.ad.cpm)}`, 'muted', 'tile-cpm', badge.ad.cpm, nm);
  }
  span(box, formatRating(badge.rating), '', 'tile-rating', badge.rating, nm);
  span(box, `${formatNumber(badge.reviewCount)} отз.`, 'muted', 'tile-reviews', badge.reviewCount, nm);
  span(box, badge.priceNow === null ? 'нет в наличии' : formatRub(badge.priceNow), '', 'tile-price', badge.priceNow, nm);
  if (badge.trendPct !== null && badge.trendPct !== 0) {
    const up = badge.trendPct > 0;
    span(box, `${up ? '↑' : '↓'}${formatNumber(Math.abs(badge.trendPct))}%`, up ? 'up' : 'down', 'tile-trend', badge.trendPct, nm);
  }
  if (badge.stockTotal !== null) {
    span(box, `${formatNumber(badge.stockTotal)} шт.`, 'muted', 'tile-stock', badge.stockTotal, nm);
  }
  root.appendChild(box);
  return host;
}
