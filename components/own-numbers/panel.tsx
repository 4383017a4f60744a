// The seller's own sales in the product panel of one of their WB items (shown on their click).
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { reactSection } from '../product-panel/react-section';
import { OwnSalesSection } from './OwnSalesSection';

export const ownNumbersPanel: PanelSection = {
  name: 'own-numbers',
  draw: reactSection(({ marketplace, id }) =>
    marketplace === 'wb' ? <OwnSalesSection load={(reveal) => ask('getOwnSales', { marketplace, id, reveal })} /> : null,
  ),
};
