// The Ozon seller cabinet: the reply assistant on the reviews and questions pages (and what waits
// for an answer, read off the page: Ozon's Seller API refuses browsers), competitor figures on the
// prices page. Page table and selectors: utils/marketplaces/ozon/cabinet.ts.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CABINET_CONTROLS } from '../../components/cabinet/controls';
import { runCabinet } from '../../components/cabinet/run';
import { ozonCabinet } from '../../utils/marketplaces/ozon/cabinet';

export default defineContentScript({
  matches: ['https://seller.ozon.ru/*'],
  // WXT would also announce the script to the whole page by window.postMessage, naming Lupa's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runCabinet(ctx, ozonCabinet, CABINET_CONTROLS);
  },
});
