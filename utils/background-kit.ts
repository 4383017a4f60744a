// The background's shared kernel: what every feature's handlers may use (store, network, the
// marketplace clients, the product overview, sender checks, the toolbar badge, alarms). A feature
// registers itself with `register(kit)` (utils/<feature>/background.ts) and is listed once in
// entrypoints/background.ts; features never import each other — what one offers the others
// (the watchlist's roles and tasks) goes through `kit.ports`, and is simply absent when that
// feature is left out.
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { kvFamily, kvItem, LupaDb } from './db';
import { t } from './i18n';
import { KERNEL_KV } from './kv-keys';
import { createListingTiles, type ListingTilesSource } from './listing-tiles';
import { adapterOf } from './marketplaces';
import { isOzonCabinet } from './marketplaces/ozon/cabinet';
import { createOzonClient, type OzonClient } from './marketplaces/ozon/client';
import { isOzonStorefront } from './marketplaces/ozon/page';
import { isWbCabinet } from './marketplaces/wb/cabinet';
import { createWbClient, type RequestContext, type WbClient } from './marketplaces/wb/client';
import { createWbRegion, SITE_GEO_KEY } from './marketplaces/wb/geo';
import { isWbStorefront } from './marketplaces/wb/page';
import { createSellerClient, type GroupState, type SellerClient } from './marketplaces/wb/seller-client';
import type { SellerGroup } from './marketplaces/wb/seller-limits';
import { ask, fromStorefrontTab, type SenderCheck } from './messaging';
import type { Marketplace, ProductRef, WatchEvent } from './model';
import { backgroundTransport, FetchProblem, Net, type Transport } from './net';
import {
  createProductOverviewService,
  type OverviewSource,
  ozonOverviewSource,
  type ProductOverviewService,
  wbOverviewSource,
} from './product-overview';
import { quotaGuard } from './quota';
import { createSearchPages, type SearchPages } from './search-pages';
import { getWbToken } from './secrets';
import { getSettings, type Settings } from './settings';

export type Role = 'mine' | 'competitor';

/** What the watchlist feature offers the others (positions record drops, competitors watch links). */
export interface WatchlistPort {
  roleOf: (marketplace: Marketplace, id: string) => Promise<Role | null>;
  set: (marketplace: Marketplace, id: string, role: Role | null) => Promise<Role | null>;
  record: (events: WatchEvent[]) => Promise<void>;
  ownItems: () => Promise<Array<ProductRef & { name: string }>>;
}

/** WB's SPP on an own item: the storefront price against the seller's discounted price. */
export interface Spp {
  /** Percent, one decimal: 1 − storefront ÷ discounted. */
  pct: number;
  /** The storefront card's price now, kopecks. */
  storefront: number;
  /** The seller's price after their own discount (seller API), kopecks. */
  discounted: number;
  /** When the older of the two was read. */
  at: number;
}

/** WB's commission on an own item, by its subject (seller API tariffs). */
export interface Commission {
  /** Percent: goods stored and shipped by WB (FBO), the rate Lupa's margins use. */
  pct: number;
  /** Percent when the seller ships from their own warehouse (FBS). */
  fbs: number | null;
  subject: number;
  at: number;
}

/** What the own-numbers feature offers the others (the prices page's SPP and commission). */
export interface OwnNumbersPort {
  /** The SPP of these own items where both prices are known; the others are absent. */
  sppOf: (marketplace: Marketplace, ids: readonly string[]) => Promise<Map<string, Spp>>;
  /** The commission of these own items where WB's rate for their subject is known; the others are absent. */
  commissionOf: (marketplace: Marketplace, ids: readonly string[]) => Promise<Map<string, Commission>>;
  /** Orders per day over the last 7 days of these own items (WB's sales funnel, as stored); absent where not read. */
  ordersOf: (marketplace: Marketplace, ids: readonly string[]) => Promise<Map<string, number | null>>;
  /** WB's logistics a unit for these own items (volume × the box tariff of the warehouse holding their stock); absent where unknown. */
  logisticsOf: (marketplace: Marketplace, ids: readonly string[]) => Promise<Map<string, Logistics>>;
  /** The sales estimate's correction for a card of `subject` (its subject's, else the overall one); null until there are enough own items. */
  calibration: (subject?: number | null) => Promise<(Omit<SalesCalibration, 'subjects'> & { subject: number | null }) | null>;
  /** The items of the seller's own catalogue (imported from the seller API). */
  ownIds: (marketplace: Marketplace) => Promise<Set<string>>;
}

/** One unit's logistics to the buyer, kopecks; `warehouse` null: the median over WB's warehouses. */
export interface Logistics {
  kopecks: number;
  warehouse: string | null;
  liters: number;
}

/** Multiply a stock-snapshot sales estimate by `factor`; `errorPct` is what is left after it, over `items` own items. */
export interface SalesCalibration {
  factor: number;
  items: number;
  errorPct: number;
  at: number;
  /** Subjects (WB предмет) with enough own items for a correction of their own. */
  subjects: Array<{ subject: number; factor: number; items: number; errorPct: number }>;
}

export interface Ports {
  watchlist?: WatchlistPort;
  ownNumbers?: OwnNumbersPort;
}

export interface Senders {
  wbTab: SenderCheck;
  ozonTab: SenderCheck;
  /** A storefront tab of either marketplace. */
  storefrontTab: SenderCheck;
  extensionPage: SenderCheck;
  wbTabOrPage: SenderCheck;
  anyTabOrPage: SenderCheck;
  cabinet: SenderCheck;
  wbCabinet: SenderCheck;
  ozonCabinet: SenderCheck;
  cabinetOrPage: SenderCheck;
}

export interface BackgroundKit {
  db: LupaDb;
  net: Net;
  wb: WbClient;
  ozon: OzonClient;
  /** WB's seller API with the seller's token: one bucket per endpoint group, shared by every feature. */
  seller: SellerClient;
  overview: ProductOverviewService;
  /** Each marketplace's card source (batches, failure policy): features fetch through these, never by name. */
  sources: Record<Marketplace, OverviewSource>;
  searchPages: SearchPages;
  /** The figures of a listing page's tiles (search pages, Ozon's listing JSON, WB card batches), shared by the features that read tiles. */
  listingTiles: ListingTilesSource;
  /** Runs a write; when storage is full, frees space, tells the user and retries once (utils/quota.ts). */
  guard: <T>(work: () => Promise<T>) => Promise<T>;
  settings: () => Promise<Settings>;
  from: Senders;
  /** The storefront tab's own origin as a route, when the sender is that marketplace's storefront tab. */
  pageRoute: (marketplace: Marketplace, sender: Runtime.MessageSender) => RequestContext;
  /** An open storefront tab of the marketplace as a route for background work (no tab asking); null when none is open. */
  openTab: (marketplace: Marketplace) => Promise<RequestContext | null>;
  badge: { add: (count: () => Promise<number>) => void; update: () => Promise<void> };
  notify: (id: string, title: string, message: string) => Promise<void>;
  /** Steps of the periodic refresh, run one after another in the order features registered them. */
  onAlarm: (step: () => Promise<unknown>) => void;
  /** Work to resume when the worker starts (an interrupted refresh, a scan). */
  onStart: (step: () => Promise<unknown>) => void;
  ports: Ports;
}

export interface BackgroundFeature {
  name: string;
  register: (kit: BackgroundKit) => void;
}

const basketOf = kvFamily<number, [number]>(KERNEL_KV.basket);
/** WB's live basket map (cdn.wbbasket.ru/api/v3/upstreams), kept for hours. */
const wbUpstreams = kvItem(KERNEL_KV.wbUpstreams);
const ozonBlockedUntil = kvFamily<number, ['ozon']>(KERNEL_KV.blockedUntil)('ozon');
/** The user's own WB region as the site or WB's geo service gave it (geo.ts). */
const wbRegion = kvItem(KERNEL_KV.wbRegion);
/** The WB search version that answered, kept while the browser runs (session storage). */
const wbSearchVersion = storage.defineItem<number>('session:wb-search-version');
/** When a WB host's anti-bot wall ends (utils/marketplaces/wb/antibot.ts), per host. */
const wbBlockedUntil = kvFamily<number, ['wb', string]>(KERNEL_KV.blockedUntil);
/** A host's Retry-After wait (capped at an hour by utils/net.ts), kept across worker restarts. */
const hostWait = kvFamily<number, [string]>(KERNEL_KV.hostWait);
/** Each seller API group's bucket and wait, kept across worker restarts. */
const sellerGroup = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);

/** Builds the kernel once per worker start; nothing in it is kept between wake-ups but the store. */
export function createBackgroundKit(): { kit: BackgroundKit; alarm: () => Promise<void>; start: () => void } {
  const db = new LupaDb();
  // An extension API call at most every 5 s while an upgrade runs: the worker is then not idle.
  let lastStep = 0;
  db.onUpgradeStep = () => {
    if (Date.now() - lastStep < 5_000) return;
    lastStep = Date.now();
    void browser.runtime.getPlatformInfo().catch(() => {});
  };
  const net = new Net({
    backoffStore: { get: (host) => hostWait(host).get(db), set: (host, until) => hostWait(host).set(db, until) },
    policies: {
      // The site's own route is shared with the page itself: stay gentle.
      'www.wildberries.ru': { concurrency: 2 },
      // Search answers 429 quickly under load; position scans walk many pages.
      'search.wb.ru': { concurrency: 2, minIntervalMs: 150 },
      // The review host resolver is a lookup with fallbacks behind it: do not keep the reviews waiting on it.
      'feedback-bt.wildberries.ru': { timeoutMs: 5000, retries: 1 },
      // The region is asked before a first card: never keep a panel waiting on it (Moscow then).
      'user-geo-data.wildberries.ru': { timeoutMs: 3000, retries: 0 },
    },
  });
  const region = createWbRegion({
    net,
    background: backgroundTransport,
    chosen: async () => (await getSettings()).wbDest,
    learned: { get: () => wbRegion.get(db), set: (learned) => wbRegion.set(db, learned) },
  });
  const wb = createWbClient({
    net,
    background: backgroundTransport,
    dest: (ctx) => region(ctx),
    basketCache: { get: (vol) => basketOf(vol).get(db), set: (vol, basket) => basketOf(vol).set(db, basket) },
    upstreams: { get: () => wbUpstreams.get(db), set: (map) => wbUpstreams.set(db, map) },
    searchVersion: {
      get: async () => (await wbSearchVersion.getValue()) ?? undefined,
      set: (version) => wbSearchVersion.setValue(version),
    },
    blockedUntil: {
      get: async (host) => (await wbBlockedUntil('wb', host).get(db)) ?? 0,
      set: (host, until) => wbBlockedUntil('wb', host).set(db, until),
    },
  });
  const ozon = createOzonClient({
    net,
    background: backgroundTransport,
    blockedUntil: { get: async () => (await ozonBlockedUntil.get(db)) ?? 0, set: (until) => ozonBlockedUntil.set(db, until) },
  });
  const seller = createSellerClient({
    token: getWbToken,
    store: { get: (group) => sellerGroup(group).get(db), set: (group, state) => sellerGroup(group).set(db, state) },
  });
  // Background reads of Ozon go through an open Ozon tab (its page JSON answers its own site).
  const sources: Record<Marketplace, OverviewSource> = { wb: wbOverviewSource(wb), ozon: ozonOverviewSource(ozon, () => openTab('ozon')) };
  const overview = createProductOverviewService({
    db,
    sources,
    windowDays: async () => (await getSettings()).priceWindowDays,
  });

  const notify = async (id: string, title: string, message: string) => {
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icons/128.png'), title, message });
  };
  /** Storage full: history thinned, the user told (popup note and one notification), write retried. */
  const guard = quotaGuard({
    db,
    onFreed: async (removed) => {
      await storageFreedNote.set(db, { at: Date.now(), removed });
      await notify('lupa-storage', 'Lupa', t('storageFreed'));
    },
  });

  const extensionPage: SenderCheck = (sender) => typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
  const wbTab = fromStorefrontTab(isWbStorefront);
  const ozonTab = fromStorefrontTab(isOzonStorefront);
  const cabinet = fromStorefrontTab((url) => isWbCabinet(url) || isOzonCabinet(url));
  const either =
    (...checks: SenderCheck[]): SenderCheck =>
    (sender) =>
      checks.some((check) => check(sender));
  const from: Senders = {
    wbTab,
    ozonTab,
    storefrontTab: either(wbTab, ozonTab),
    extensionPage,
    wbTabOrPage: either(wbTab, extensionPage),
    anyTabOrPage: either(wbTab, ozonTab, extensionPage),
    cabinet,
    wbCabinet: fromStorefrontTab(isWbCabinet),
    ozonCabinet: fromStorefrontTab(isOzonCabinet),
    cabinetOrPage: either(cabinet, extensionPage),
  };
  const storefrontOf = { wb: wbTab, ozon: ozonTab } as const;
  const storefrontUrl = { wb: isWbStorefront, ozon: isOzonStorefront } as const;
  /** The storefront tab's own origin as a transport (see design.md: "Where a request runs"). */
  const pageTransport =
    (tabId: number): Transport =>
    async (url, _signal, headers) => {
      try {
        const queryId = headers?.['x-queryid'];
        return await ask('pageFetch', queryId ? { url, headers: { 'x-queryid': queryId } } : { url }, tabId);
      } catch (error) {
        throw new FetchProblem('not-found', `page route unavailable: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  /**
   * An open storefront tab of the marketplace as a route for the background's own reads (a tab's
   * URL is visible to Lupa on the hosts it may read); null when none is open.
   */
  const openTab = async (marketplace: Marketplace): Promise<RequestContext | null> => {
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => t.id !== undefined && !t.discarded && typeof t.url === 'string' && storefrontUrl[marketplace](t.url));
    return tab?.id === undefined ? null : { page: pageTransport(tab.id), tabId: tab.id };
  };
  /**
   * The region the WB site keeps in the tab's localStorage (`geo-data-v1…`), read in the content
   * scripts' isolated world (same origin storage) only when the region resolver asks: the page
   * itself runs nothing of Lupa's for it.
   */
  const siteRegionOf = async (tabId: number, frameId: number): Promise<string | null> => {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      // The function runs in the tab, apart from this module: the key's pattern goes as an argument.
      func: (pattern: string) => {
        const siteKey = new RegExp(pattern);
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i);
          if (key && siteKey.test(key)) return (localStorage.getItem(key) ?? '').slice(0, 20_000);
        }
        return null;
      },
      args: [SITE_GEO_KEY.source],
    });
    const text = result?.result;
    return typeof text === 'string' ? text : null;
  };
  const pageRoute = (marketplace: Marketplace, sender: Runtime.MessageSender): RequestContext => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !storefrontOf[marketplace](sender)) return {};
    return {
      page: pageTransport(tabId),
      embedded: async () => (await ask('pageEmbedded', {}, tabId)).ldJson,
      tabId,
      // Where search differs by region (WB), the site keeps the one the user picked.
      ...(adapterOf(marketplace).searchRegions ? { siteRegion: () => siteRegionOf(tabId, sender.frameId ?? 0) } : {}),
    };
  };

  const counters: Array<() => Promise<number>> = [];
  const badge = {
    add: (count: () => Promise<number>) => void counters.push(count),
    update: async () => {
      let total = 0;
      for (const count of counters) total += await count().catch(() => 0);
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ text: total > 0 ? String(total) : '' });
      await action.setBadgeBackgroundColor({ color: '#7b2cbf' });
    },
  };
  const searchPages = createSearchPages({ db, wb });
  const alarmSteps: Array<() => Promise<unknown>> = [];
  const startSteps: Array<() => Promise<unknown>> = [];
  const kit: BackgroundKit = {
    db,
    net,
    wb,
    ozon,
    seller,
    overview,
    sources,
    searchPages,
    listingTiles: createListingTiles({ db, wb, ozon, searchPages }),
    guard,
    settings: getSettings,
    from,
    pageRoute,
    openTab,
    badge,
    notify,
    onAlarm: (step) => void alarmSteps.push(step),
    onStart: (step) => void startSteps.push(step),
    ports: {},
  };
  const report = (what: string) => (error: unknown) => console.warn(`[lupa] ${what}:`, error instanceof Error ? error.message : error);
  return {
    kit,
    // One failing step (a bad token, an offline refresh) does not keep the others from running.
    alarm: async () => {
      for (const step of alarmSteps) await step().catch(report('refresh step'));
    },
    start: () => {
      for (const step of startSteps) void step().catch(report('resume'));
    },
  };
}

export const storageFreedNote = kvItem(KERNEL_KV.storageFreed);
