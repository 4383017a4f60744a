// Search positions in the product panel, where Lupa can walk the marketplace's search (WB; Ozon without regions).
import { h } from '../../utils/content/dom';
import { t } from '../../utils/content/i18n';
import { ask } from '../../utils/content/messaging';
import { adapterOf } from '../../utils/marketplaces';
import type { PanelSection } from '../parts';
import { positionsSection } from './positions-section';

export const positionsPanel: PanelSection = {
  name: 'positions',
  draw(into, { marketplace, id }) {
    const adapter = adapterOf(marketplace);
    if (!adapter.positions) return undefined;
    into.append(h('h3', null, t('positions')));
    return positionsSection(into, {
      productId: id,
      marketplace,
      regions: adapter.searchRegions,
      api: {
        get: () => ask('getPositions', { marketplace, productId: id }),
        setQueries: (queries) => ask('setPositionQueries', { marketplace, productId: id, queries }),
        start: () => ask('startPositionScan', { marketplace, productId: id }),
        cancel: () => ask('cancelPositionScan', { marketplace, productId: id }),
        addRegion: () => ask('addPositionRegion', { marketplace, productId: id }),
        removeRegion: (dest) => ask('removePositionRegion', { marketplace, productId: id, dest }),
      },
    });
  },
};
