// Ozon storefront: the light core and the storefront features, one line each (the same panel and
// figure names as on Wildberries).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listingBadgesCore } from '../../components/listing-badges/watch';
import { listingSummaryCore } from '../../components/listing-summary/watch';
import { productPanelCore } from '../../components/product-panel/watch';
import { runStorefront } from '../../utils/content/storefront';
import { ozonAdapter } from '../../utils/marketplaces/ozon/adapter';

export default defineContentScript({
  matches: ['https://www.ozon.ru/*', 'https://ozon.ru/*'],
  // WXT would also announce the script to the whole page by window.postMessage, naming Lupa's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runStorefront(ctx, ozonAdapter, [productPanelCore, listingBadgesCore, listingSummaryCore]);
  },
});
