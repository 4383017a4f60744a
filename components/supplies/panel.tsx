// On the storefront panel of an own item: its days of cover over all its WB warehouses and at the
// warehouse the card says is nearest the user (fewest delivery hours), from the seller's own stocks
// and orders. Nothing for an item Lupa has no stocks report of (a competitor's).
import { useState } from 'react';
import { ask } from '../../utils/content/messaging';
import { t } from '../../utils/i18n';
import { formatNumber } from '../../utils/money';
import type { OwnCover } from '../../utils/supplies/protocol';
import { Figure } from '../Figure';
import type { PanelSection, PanelSectionProps } from '../parts';
import { reactSection } from '../product-panel/react-section';
import { useLoadOnce } from '../use-load-once';

const days = (cover: number | null, sells: boolean) =>
  cover !== null ? t('ownCoverDays', formatNumber(cover, 1)) : sells ? t('suppliesUnknownPace') : t('suppliesNoSales');

function OwnCoverDays({ marketplace, id }: PanelSectionProps) {
  const [cover, setCover] = useState<OwnCover | null>(null);
  useLoadOnce(
    () => ask('getOwnCover', { marketplace, id }),
    setCover,
    () => setCover(null),
  );
  if (!cover) return null;
  return (
    <div className="lupa-own-cover">
      <Figure name="own-cover-days" value={cover.cover} data-nearest={cover.nearest?.cover ?? ''} data-wh={cover.nearest?.wh ?? ''}>
        {t('ownCover')}: {days(cover.cover, cover.sells)}
        {cover.nearest && ` · ${cover.nearest.name}: ${days(cover.nearest.cover, cover.sells)}`}
      </Figure>
    </div>
  );
}

export const suppliesPanel: PanelSection = { name: 'supplies', draw: reactSection(OwnCoverDays) };
