// Wildberries storefront: one content script for the whole SPA (it moves between page types
// without reloads). The light core and the storefront features, one line each.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listingBadgesCore } from '../../components/listing-badges/watch';
import { listingSummaryCore } from '../../components/listing-summary/watch';
import { productPanelCore } from '../../components/product-panel/watch';
import { runStorefront } from '../../utils/content/storefront';
import { wbAdapter } from '../../utils/marketplaces/wb/adapter';

export default defineContentScript({
  matches: ['https://www.wildberries.ru/*', 'https://wildberries.ru/*', 'https://m.wildberries.ru/*'],
  // WXT would also announce the script to the whole page by window.postMessage, naming Lupa's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runStorefront(ctx, wbAdapter, [productPanelCore, listingBadgesCore, listingSummaryCore]);
  },
});
