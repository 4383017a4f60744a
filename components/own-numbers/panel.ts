// The seller's own sales in the product panel of one of their WB items (shown on their click).
import { ask } from '../../utils/content/messaging';
import { adapterOf } from '../../utils/marketplaces';
import type { PanelSection } from '../parts';
import { ownSalesSection } from './own-sales';

export const ownNumbersPanel: PanelSection = {
  name: 'own-numbers',
  draw: (into, { marketplace, id }) =>
    adapterOf(marketplace).sellerApi ? ownSalesSection(into, (reveal) => ask('getOwnSales', { marketplace, id, reveal })) : undefined,
};
