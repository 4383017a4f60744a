// The seller's own sales in the product panel of one of their WB items (shown on their click).
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { OwnSalesSection } from './OwnSalesSection';

export const ownNumbersPanel: PanelSection = {
  name: 'own-numbers',
  Section: ({ marketplace, id }) =>
    marketplace === 'wb' ? <OwnSalesSection load={(reveal) => ask('getOwnSales', { marketplace, id, reveal })} /> : null,
};
