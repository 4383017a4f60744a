// The WB seller cabinet: the reply assistant on the reviews and questions pages, competitor
// figures on the prices page. Page table and selectors: utils/marketplaces/wb/cabinet.ts.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CABINET_CONTROLS } from '../../components/cabinet/controls';
import { runCabinet } from '../../components/cabinet/run';
import { wbCabinet } from '../../utils/marketplaces/wb/cabinet';

export default defineContentScript({
  matches: ['https://seller.wildberries.ru/*'],
  // WXT would also announce the script to the whole page by window.postMessage, naming Lupa's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runCabinet(ctx, wbCabinet, CABINET_CONTROLS);
  },
});
