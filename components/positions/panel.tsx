// Search positions in the product panel, where Lupa can walk the marketplace's search (WB; Ozon without regions).
import { t } from '../../utils/content/i18n';
import { ask } from '../../utils/content/messaging';
import { adapterOf } from '../../utils/marketplaces';
import type { PanelSection } from '../parts';
import { reactSection } from '../product-panel/react-section';
import { PositionsSection } from './PositionsSection';

export const positionsPanel: PanelSection = {
  name: 'positions',
  draw: reactSection(({ marketplace, id }) =>
    adapterOf(marketplace).positions ? (
      <>
        <h3>{t('positions')}</h3>
        <PositionsSection
          productId={id}
          marketplace={marketplace}
          regions={adapterOf(marketplace).searchRegions}
          api={{
            get: () => ask('getPositions', { marketplace, productId: id }),
            setQueries: (queries) => ask('setPositionQueries', { marketplace, productId: id, queries }),
            start: () => ask('startPositionScan', { marketplace, productId: id }),
            cancel: () => ask('cancelPositionScan', { marketplace, productId: id }),
            addRegion: () => ask('addPositionRegion', { marketplace, productId: id }),
            removeRegion: (dest) => ask('removePositionRegion', { marketplace, productId: id, dest }),
          }}
        />
      </>
    ) : null,
  ),
};
