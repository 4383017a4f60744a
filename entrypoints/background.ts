// Wires the background: store, network, marketplace clients, services and the message router.
// Listeners are registered synchronously at start; nothing is kept in globals between wake-ups
// that the store does not also hold.
import '../utils/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerChunkInjection } from '../utils/chunks/inject';
import { BasketNumberSchema, kvGet, kvSet, LupaDb, schemas, TimestampSchema, validRow, validRows } from '../utils/db';
import { t } from '../utils/i18n';
import { isOzonCabinet } from '../utils/marketplaces/ozon/cabinet';
import { createOzonClient } from '../utils/marketplaces/ozon/client';
import { isOzonStorefront } from '../utils/marketplaces/ozon/page';
import { isWbCabinet } from '../utils/marketplaces/wb/cabinet';
import { createWbClient } from '../utils/marketplaces/wb/client';
import { isWbStorefront } from '../utils/marketplaces/wb/page';
import { createSellerApi, type TokenCheck } from '../utils/marketplaces/wb/seller-api';
import { OzonUnansweredSchema, StorageFreedSchema, UnansweredSchema } from '../utils/messages';
import { answer, ask, fromStorefrontTab, type SenderCheck } from '../utils/messaging';
import type { Marketplace } from '../utils/model';
import { backgroundTransport, FetchProblem, Net, type Transport } from '../utils/net';
import { quotaGuard } from '../utils/quota';
import { getTemplates } from '../utils/replies/templates';
import { thinHistory } from '../utils/retention';
import { getWbToken } from '../utils/secrets';
import { createCompetitorsService } from '../utils/services/competitors';
import { createListingBadgesService } from '../utils/services/listing-badges';
import { createOzonListingService } from '../utils/services/ozon-listing';
import { createPositionsService } from '../utils/services/positions';
import { createProductOverviewService, ozonOverviewSource, wbOverviewSource } from '../utils/services/product-overview';
import { createSearchPages } from '../utils/services/search-pages';
import { createTwinsService, parseTwinInput } from '../utils/services/twins';
import { createWatchlistService } from '../utils/services/watchlist';
import { getSettings } from '../utils/settings';

/** The storefront tab's own origin as a transport (see design.md: "Where a request runs"). */
const pageTransport =
  (tabId: number): Transport =>
  async (url) => {
    try {
      return await ask('pageFetch', { url }, tabId);
    } catch (error) {
      throw new FetchProblem('not-found', `page route unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

const fromExtensionPage: SenderCheck = (sender) => typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));

const WATCH_ALARM = 'lupa-watch';

export default defineBackground(() => {
  const db = new LupaDb();
  const net = new Net({
    policies: {
      // The site's own route is shared with the page itself: stay gentle.
      'www.wildberries.ru': { concurrency: 2 },
      // Search answers 429 quickly under load; position scans walk many pages.
      'search.wb.ru': { concurrency: 2, minIntervalMs: 150 },
    },
  });
  const wb = createWbClient({
    net,
    background: backgroundTransport,
    dest: async () => (await getSettings()).wbDest,
    basketCache: {
      get: (vol) => kvGet(db, `basket:${vol}`, BasketNumberSchema),
      set: (vol, basket) => kvSet(db, `basket:${vol}`, basket),
    },
  });
  const ozon = createOzonClient({
    net,
    background: backgroundTransport,
    blockedUntil: {
      get: async () => (await kvGet(db, 'blocked-until:ozon', TimestampSchema)) ?? 0,
      set: (until) => kvSet(db, 'blocked-until:ozon', until),
    },
  });
  const overview = createProductOverviewService({
    db,
    sources: { wb: wbOverviewSource(wb), ozon: ozonOverviewSource(ozon) },
    windowDays: async () => (await getSettings()).priceWindowDays,
  });

  /** Storage full: history thinned, the user told (popup note and one notification), write retried. */
  const guard = quotaGuard({
    db,
    onFreed: async (removed) => {
      await kvSet(db, 'storage-freed', { at: Date.now(), removed });
      await browser.notifications.create('lupa-storage', {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icons/128.png'),
        title: 'Lupa',
        message: t('storageFreed'),
      });
    },
  });
  const searchPages = createSearchPages({ db, wb });
  const listingBadges = createListingBadgesService({ db, wb, searchPages });
  const positions = createPositionsService({
    db,
    onDrop: (events) => watchlist.record(events),
    searchPages,
    region: async () => (await getSettings()).wbDest,
    depth: async () => (await getSettings()).positionDepth,
  });
  const titleOf = async (marketplace: Marketplace, id: string) => {
    const card = validRow(schemas.cards, await db.cards.get([marketplace, id]), 'cards');
    return card ? { name: card.name, brand: card.brand } : null;
  };
  const positionsOf = async (marketplace: Marketplace, productId: string) =>
    positions.get(marketplace, productId, await titleOf(marketplace, productId));

  const fromWbTab = fromStorefrontTab(isWbStorefront);
  answer('saveFile', fromWbTab, async ({ filename, mime, text }) => {
    const url = `data:${mime};charset=utf-8,${encodeURIComponent(text)}`;
    await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
    return { saved: true };
  });
  const fromWbTabOrPage: SenderCheck = (sender) => fromWbTab(sender) || fromExtensionPage(sender);
  answer('getPositions', fromWbTabOrPage, ({ marketplace, productId }) => positionsOf(marketplace, productId));
  answer('setPositionQueries', fromWbTabOrPage, async ({ marketplace, productId, queries }) => {
    await positions.setQueries(marketplace, productId, queries);
    return positionsOf(marketplace, productId);
  });
  answer('startPositionScan', fromWbTabOrPage, ({ marketplace, productId }) => positions.start(marketplace, productId));
  answer('cancelPositionScan', fromWbTabOrPage, async ({ marketplace, productId }) => positions.cancel(marketplace, productId));
  answer('getTrackedPositions', fromExtensionPage, async () => {
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
  const fromOzonTab = fromStorefrontTab(isOzonStorefront);
  /** The tab's own origin carries the request only when the tab is that marketplace's storefront. */
  const storefrontOf = { wb: fromWbTab, ozon: fromOzonTab } as const;
  const fromAnyTabOrPage: SenderCheck = (sender) => fromWbTab(sender) || fromOzonTab(sender) || fromExtensionPage(sender);
  const ozonListing = createOzonListingService({ db, ozon });
  answerChunkInjection((sender) => fromWbTab(sender) || fromOzonTab(sender));
  answer(
    'getListingBadges',
    (sender) => fromWbTab(sender) || fromOzonTab(sender),
    (request, sender) => {
      const tabId = sender.tab?.id;
      const page = tabId !== undefined && storefrontOf[request.marketplace](sender) ? pageTransport(tabId) : undefined;
      return guard(() => (request.marketplace === 'ozon' ? ozonListing(request, { page }) : listingBadges.badges(request, { page })));
    },
  );
  const twins = createTwinsService({ db, overview });
  const sellerApi = createSellerApi({ net });
  const unansweredNow = () => kvGet(db, 'unanswered:wb', UnansweredSchema);
  const unansweredOzon = () => kvGet(db, 'unanswered:ozon', OzonUnansweredSchema);
  const updateBadge = async (openTasks: number) => {
    const u = await unansweredNow();
    const o = await unansweredOzon();
    const total = openTasks + (u ? u.reviews + u.questions : 0) + (o ? (o.reviews ?? 0) + (o.questions ?? 0) : 0);
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeText({ text: total > 0 ? String(total) : '' });
    await action.setBadgeBackgroundColor({ color: '#7b2cbf' });
  };
  /** Asks WB's seller API what waits for an answer; the token never leaves the background. */
  const refreshUnanswered = async (): Promise<TokenCheck | { ok: false; reason: 'no-token' }> => {
    const token = await getWbToken();
    if (!token) {
      await db.kv.delete('unanswered:wb');
      return { ok: false, reason: 'no-token' };
    }
    const result = await sellerApi.unanswered(token);
    if (result.ok) await kvSet(db, 'unanswered:wb', result.unanswered);
    else if (result.reason === 'bad-token') await db.kv.delete('unanswered:wb');
    return result;
  };
  const watchlist = createWatchlistService({
    db,
    wb,
    ozon,
    settings: getSettings,
    onEvents: async (fresh, open) => {
      await updateBadge(open);
      if (fresh.length > 0) {
        await browser.notifications.create(`lupa-${fresh[0]?.key ?? Date.now()}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icons/128.png'),
          title: t('notifyTitle', fresh.length),
          message: fresh
            .slice(0, 3)
            .map((e) => `${e.name}: ${t(`task_${e.kind.replace(/-/g, '_')}` as 'task_price_move')}`)
            .join('\n'),
        });
      }
    },
  });
  answer('getWatch', fromAnyTabOrPage, async ({ marketplace, id }) => ({ role: await watchlist.roleOf(marketplace, id) }));
  answer('setWatch', fromAnyTabOrPage, async ({ marketplace, id, role }) => ({ role: await watchlist.set(marketplace, id, role) }));
  answer('getPopupData', fromExtensionPage, async () => {
    const data = {
      tasks: await watchlist.tasks(),
      unanswered: (await unansweredNow()) ?? null,
      unansweredOzon: (await unansweredOzon()) ?? null,
      storageFreed: (await kvGet(db, 'storage-freed', StorageFreedSchema)) ?? null,
      watchlist: await watchlist.list(),
    };
    await watchlist.markLooked();
    return data;
  });
  answer('markTasksRead', fromExtensionPage, async ({ keys }) => ({ open: await watchlist.markRead(keys) }));
  answer('runRefresh', fromExtensionPage, () => guard(() => watchlist.refresh()));
  const fromCabinet = fromStorefrontTab((url) => isWbCabinet(url) || isOzonCabinet(url));
  answer('getReplyTemplates', fromCabinet, () => getTemplates());
  const competitors = createCompetitorsService({
    db,
    wb,
    ozon,
    watch: async (ref, role) => {
      if ((await watchlist.roleOf(ref.marketplace, ref.id)) === null) await watchlist.set(ref.marketplace, ref.id, role);
    },
  });
  const fromCabinetOrPage: SenderCheck = (sender) => fromCabinet(sender) || fromExtensionPage(sender);
  answer('getCompetitorFigures', fromCabinetOrPage, async ({ marketplace, ids }) => ({
    items: await guard(() => competitors.figures(marketplace, ids)),
  }));
  answer('setUnitCosts', fromCabinetOrPage, async ({ marketplace, id, costs }) => {
    await competitors.setCosts({ marketplace, id }, costs);
    return { saved: true as const };
  });
  const ownItems = async () =>
    (await watchlist.list()).filter((r) => r.role === 'mine').map((r) => ({ marketplace: r.marketplace, id: r.id, name: r.name }));
  answer('getCompetitorLinks', fromAnyTabOrPage, async (ref) => ({
    own: (await ownItems()).filter((r) => r.marketplace !== ref.marketplace || r.id !== ref.id),
    linkedTo: await competitors.mineFor(ref),
  }));
  answer('setCompetitorLink', fromAnyTabOrPage, async ({ mine, competitor, linked }) => {
    let ref = typeof competitor === 'string' ? null : competitor;
    if (typeof competitor === 'string') {
      const market: Marketplace = /ozon\./i.test(competitor) ? 'ozon' : /wildberries\.|wb\.ru/i.test(competitor) ? 'wb' : mine.marketplace;
      const id = parseTwinInput(competitor, market);
      if (!id) return { ok: false as const, reason: t('competitorBadInput') };
      ref = { marketplace: market, id };
    }
    if (!ref) return { ok: false as const, reason: t('competitorBadInput') };
    if (!linked) await competitors.unlink(mine, ref);
    else {
      try {
        await competitors.link(mine, ref);
      } catch {
        return { ok: false as const, reason: t('competitorSelf') };
      }
    }
    return { ok: true as const };
  });
  answer('reportCabinetUnanswered', fromStorefrontTab(isOzonCabinet), async ({ kind, count }) => {
    const before = await unansweredOzon();
    await kvSet(db, 'unanswered:ozon', { reviews: null, questions: null, ...before, [kind]: count, at: Date.now() });
    await updateBadge((await watchlist.tasks()).length);
    return { ok: true as const };
  });
  answer('getOwnItems', fromExtensionPage, async () => ({ items: await competitors.ownItems(await ownItems()) }));
  answer('checkWbToken', fromExtensionPage, async () => {
    const result = await refreshUnanswered();
    await updateBadge((await watchlist.tasks()).length);
    return result;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== WATCH_ALARM) return;
    void refreshUnanswered()
      .then(() => guard(() => watchlist.refresh()))
      .then(async () => {
        const { retentionDays } = await getSettings();
        await thinHistory(db, Date.now() - retentionDays * 86_400_000);
      });
  });

  // Seller tokens live in storage.local: close it to content scripts (Chrome; security.md S7).
  void (globalThis as { chrome?: { storage?: { local?: { setAccessLevel?: (o: object) => Promise<void> } } } }).chrome?.storage?.local
    ?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => {});

  // Alarms may be cleared when the browser restarts: make sure ours exists at every start (R3),
  // and follows the interval the user sets in the options page.
  const ensureAlarm = async (recreate: boolean) => {
    const { refreshMinutes } = await getSettings();
    const current = await browser.alarms.get(WATCH_ALARM);
    if (!current || (recreate && current.periodInMinutes !== refreshMinutes)) {
      await browser.alarms.create(WATCH_ALARM, { periodInMinutes: refreshMinutes });
    }
  };
  void ensureAlarm(false);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void ensureAlarm(true);
  });
  // A refresh the worker's stop interrupted goes on where it left off…
  void watchlist.interrupted().then((yes) => (yes ? watchlist.refresh() : undefined));
  // …and so do position scans.
  void positions.resume();
  answer('getTwin', fromAnyTabOrPage, ({ marketplace, id }) => twins.get(marketplace, id));
  answer('setTwin', fromAnyTabOrPage, ({ marketplace, id, twin }) => twins.set(marketplace, id, twin));
  answer('getProductOverview', fromAnyTabOrPage, (request, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !storefrontOf[request.marketplace](sender)) return guard(() => overview.get(request, {}));
    return guard(() =>
      overview.get(request, {
        page: pageTransport(tabId),
        embedded: async () => (await ask('pageEmbedded', {}, tabId)).ldJson,
      }),
    );
  });
});
