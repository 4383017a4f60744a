// Badges are plain DOM (textContent only), one small shadow root per tile: a listing has hundreds
// of tiles and a React root each would cost more main-thread time than the badge is worth.

import { shadowHost as shadowHostWith } from '../../utils/content/dom';
import { formatRating } from '../../utils/i18n';
import type { ListingBadgesReply } from '../../utils/messages';
import { formatRub } from '../../utils/money';
import css from './badge.css?inline';

export type Badge = ListingBadgesReply['badges'][number];

function span(parent: Node, text: string, className?: string, figure?: { name: string; value: string | number | null; nm: string }) {
  const el = document.createElement('span');
  el.textContent = text;
  if (className) el.className = className;
  if (figure) {
    el.setAttribute('data-lupa', figure.name);
    el.setAttribute('data-value', figure.value === null ? '' : String(figure.value));
    el.setAttribute('data-nm', figure.nm);
  }
  parent.appendChild(el);
  return el;
}

export const shadowHost = (tag: string) => shadowHostWith(tag, css);

export function renderBadge(badge: Badge): HTMLElement {
  const { host, root } = shadowHost('lupa-tile-badge');
  host.setAttribute('data-lupa', 'tile-badge');
  host.setAttribute('data-nm', badge.id);
  const box = document.createElement('div');
  box.className = 'lupa-badge';
  const nm = badge.id;
  span(box, badge.position === null ? '—' : `#${badge.position}`, 'pos', { name: 'tile-position', value: badge.position, nm });
  if (badge.ad) {
    span(box, `Реклама ${badge.ad.position}`, 'ad', { name: 'tile-ad-position', value: badge.ad.position, nm });
    if (badge.ad.cpm !== null) span(box, `CPM ${formatRub(badge.ad.cpm)}`, 'muted', { name: 'tile-cpm', value: badge.ad.cpm, nm });
  }
  span(box, formatRating(badge.rating), '', { name: 'tile-rating', value: badge.rating, nm });
  span(box, `${badge.reviewCount.toLocaleString('ru-RU')} отз.`, 'muted', { name: 'tile-reviews', value: badge.reviewCount, nm });
  span(box, badge.priceNow === null ? 'нет в наличии' : formatRub(badge.priceNow), '', { name: 'tile-price', value: badge.priceNow, nm });
  if (badge.trendPct !== null && badge.trendPct !== 0) {
    const up = badge.trendPct > 0;
    span(box, `${up ? '↑' : '↓'}${Math.abs(badge.trendPct).toLocaleString('ru-RU')}%`, up ? 'up' : 'down', {
      name: 'tile-trend',
      value: badge.trendPct,
      nm,
    });
  }
  if (badge.stockTotal !== null) {
    span(box, `${badge.stockTotal.toLocaleString('ru-RU')} шт.`, 'muted', { name: 'tile-stock', value: badge.stockTotal, nm });
  }
  root.appendChild(box);
  return host;
}
