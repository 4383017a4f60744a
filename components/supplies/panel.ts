// On the storefront panel of an own item: its days of cover over all its WB warehouses and at the
// warehouse the card says is nearest the user (fewest delivery hours), from the seller's own stocks
// and orders. Figure: own-cover-days (data-value the days over all warehouses, data-nearest the days
// at the nearest, data-wh its id). Nothing for an item Lupa has no stocks report of (a
// competitor's): nothing in the DOM at all. Plain DOM (components/parts.ts).
import { fig, h } from '../../utils/content/dom';
import { ask } from '../../utils/content/messaging';
import { t } from '../../utils/i18n';
import { formatNumber } from '../../utils/money';
import type { OwnCover } from '../../utils/supplies/protocol';
import type { DrawnSection, PanelSection } from '../parts';
import { drawLoaded } from '../plain-part';

const days = (cover: number | null, sells: boolean) =>
  cover !== null ? t('ownCoverDays', formatNumber(cover, 1)) : sells ? t('suppliesUnknownPace') : t('suppliesNoSales');

const coverOf = (cover: OwnCover) =>
  h(
    'div',
    { className: 'lupa-own-cover' },
    fig(
      'own-cover-days',
      cover.cover,
      { 'data-nearest': cover.nearest?.cover ?? '', 'data-wh': cover.nearest?.wh ?? '' },
      `${t('ownCover')}: ${days(cover.cover, cover.sells)}`,
      cover.nearest && ` · ${cover.nearest.name}: ${days(cover.nearest.cover, cover.sells)}`,
    ),
  );

export const ownCoverDays = (into: HTMLElement, load: () => Promise<OwnCover | null>): DrawnSection =>
  drawLoaded(into, load, (cover) => cover && coverOf(cover));

export const suppliesPanel: PanelSection = {
  name: 'supplies',
  draw: (into, { marketplace, id }) => ownCoverDays(into, () => ask('getOwnCover', { marketplace, id })),
};
