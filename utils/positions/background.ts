// Search positions' background side: tracked queries, scans (resumed when the worker starts), and
// the drops the watchlist turns into tasks.
import type { Runtime } from 'webextension-polyfill';
import type { BackgroundFeature, BackgroundKit } from '../background-kit';
import { readCard, schemas, validRows } from '../db';
import { t } from '../i18n';
import { OZON_SCAN_INTERVAL_MS, ozonEndpoints } from '../marketplaces/ozon/endpoints';
import { siteRegionFrom } from '../marketplaces/wb/geo';
import { answer } from '../messaging';
import type { Marketplace } from '../model';
import { FetchProblem } from '../net';
import { createPositionsService, type ScanPages } from './service';

export const positions: BackgroundFeature = {
  name: 'positions',
  register(kit: BackgroundKit) {
    const { db, from, settings, guard } = kit;
    /**
     * Ozon's search pages for a scan: the listing page JSON through an open Ozon tab (it answers its
     * own site; with none open the scan stops as `needs-tab`, its place kept), a page a second.
     */
    let ozonLast = 0;
    const ozonPages: ScanPages = async ({ query, page }) => {
      const ctx = await kit.openTab('ozon');
      if (!ctx) throw new FetchProblem('needs-tab', 'ozon: no Ozon tab open for the scan');
      const wait = ozonLast + OZON_SCAN_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      ozonLast = Date.now();
      return kit.ozon.fetchListingPage(ozonEndpoints.search(query, page), ctx);
    };
    const service = createPositionsService({
      db,
      markets: { ozon: ozonPages },
      onDrop: async (events) => kit.ports.watchlist?.record(events),
      searchPages: kit.searchPages,
      region: () => kit.wb.dest(),
      depth: async () => (await settings()).positionDepth,
    });
    const titleOf = async (marketplace: Marketplace, id: string) => {
      const card = await readCard(db, { marketplace, id });
      return card ? { name: card.name, brand: card.brand } : null;
    };
    /**
     * The region of the WB tab that asks (its chosen delivery address); none for extension pages.
     * A panel polls during a scan: each tab's region is asked once a minute at most (reading it
     * may mean a script in the tab), and a tab that cannot say falls back to the user's own.
     */
    const tabRegions = new Map<number, { at: number; dest: Promise<number | undefined> }>();
    const ownRegion = (sender?: Runtime.MessageSender): Promise<number | undefined> => {
      const tab = sender?.tab?.id;
      if (tab === undefined || !sender || !from.wbTab(sender)) return Promise.resolve(undefined);
      const kept = tabRegions.get(tab);
      if (kept && Date.now() - kept.at < 60_000) return kept.dest;
      const dest = kit.wb.dest(kit.pageRoute('wb', sender)).catch(() => undefined);
      tabRegions.delete(tab);
      tabRegions.set(tab, { at: Date.now(), dest });
      if (tabRegions.size > 50) tabRegions.delete(tabRegions.keys().next().value as number);
      return dest;
    };
    const positionsOf = async (marketplace: Marketplace, productId: string, sender?: Runtime.MessageSender) =>
      service.get(marketplace, productId, await titleOf(marketplace, productId), await ownRegion(sender));

    answer('getPositions', from.anyTabOrPage, ({ marketplace, productId }, sender) => positionsOf(marketplace, productId, sender));
    answer('setPositionQueries', from.anyTabOrPage, async ({ marketplace, productId, queries }, sender) => {
      await guard(() => service.setQueries(marketplace, productId, queries));
      return positionsOf(marketplace, productId, sender);
    });
    answer('addPositionRegion', from.wbTab, async ({ marketplace, productId }, sender) => {
      const site = siteRegionFrom((await kit.pageRoute('wb', sender).siteRegion?.()) ?? null);
      if (!site) throw new Error('[lupa] the tab has no WB region');
      await guard(() => service.addRegion(site.dest, site.address ?? t('posRegionUnnamed', site.dest)));
      return positionsOf(marketplace, productId, sender);
    });
    answer('removePositionRegion', from.anyTabOrPage, async ({ marketplace, productId, dest }, sender) => {
      await guard(() => service.removeRegion(dest));
      return positionsOf(marketplace, productId, sender);
    });
    answer('startPositionScan', from.anyTabOrPage, async ({ marketplace, productId }, sender) =>
      service.start(marketplace, productId, await ownRegion(sender)),
    );
    answer('cancelPositionScan', from.anyTabOrPage, async ({ marketplace, productId }) => service.cancel(marketplace, productId));
    answer('getTrackedPositions', from.extensionPage, async () => {
      const tracked = validRows(schemas.positionQueries, await db.positionQueries.toArray(), 'positionQueries');
      const ids = [...new Map(tracked.map((q) => [`${q.marketplace}:${q.productId}`, q] as const)).values()];
      const products = [];
      for (const { marketplace, productId } of ids) {
        const reply = await positionsOf(marketplace, productId);
        products.push({
          marketplace,
          productId,
          name: (await titleOf(marketplace, productId))?.name ?? '',
          queries: reply.queries,
          rows: reply.rows,
        });
      }
      return { products };
    });
    // Scans a stopped worker left unfinished go on from the page they had reached.
    kit.onStart(() => service.resume());
  },
};
