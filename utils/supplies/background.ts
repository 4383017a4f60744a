// Supplies in the background: the stocks, orders and acceptance imports through the kit's seller
// API client (on demand from the «Поставки» page, resumed when the worker starts, refreshed by the
// alarm), the plan computed here — off any page's main thread — and the acceptance watch, polled by
// its own alarm within WB's limit; a slot that fits is a task (the watchlist's, when it is there)
// and a notification, once per warehouse, day and box type.
import { browser } from 'wxt/browser';
import type { BackgroundFeature } from '../background-kit';
import { kvItem } from '../db';
import { t } from '../i18n';
import { isoDay, moscowDay } from '../marketplaces/wb/seller-supplies';
import { decodeToken, type TokenCategory } from '../marketplaces/wb/seller-token';
import { answer } from '../messaging';
import type { WatchEvent } from '../model';
import { getWbToken } from '../secrets';
import { type AcceptanceSlot, alertKey } from './acceptance';
import { createSuppliesImports } from './imports';
import { planFromStore } from './service';
import { DEFAULT_SUPPLY_SETTINGS, suppliesKv } from './tables';

/** The watch's own alarm: once a minute (WB allows 6 a minute on a Personal token). */
export const ACCEPTANCE_ALARM = 'lupa-acceptance';
const NEEDED: readonly TokenCategory[] = ['Analytics', 'Statistics', 'Supplies'];

const settingsItem = kvItem(suppliesKv.settings);
const watchItem = kvItem(suppliesKv.watch);

export const supplies: BackgroundFeature = {
  name: 'supplies',
  register(kit) {
    const { db, from, guard } = kit;
    const imports = createSuppliesImports({ db, client: kit.seller, guard });
    const settings = async () => (await settingsItem.get(db)) ?? DEFAULT_SUPPLY_SETTINGS;

    /** What fits the watch: a task and a notification each, once. */
    const tell = async (fresh: AcceptanceSlot[]) => {
      if (fresh.length === 0) return;
      const at = Date.now();
      const events: WatchEvent[] = fresh.map((s) => ({
        key: alertKey(s),
        marketplace: 'wb',
        id: String(s.wh),
        name: `${s.warehouse}, ${isoDay(s.day)}, ${s.boxName}`,
        kind: 'acceptance-free',
        at,
        from: null,
        to: s.coefficient,
        read: 0,
      }));
      const port = kit.ports.watchlist;
      if (port) await port.record(events);
      else await kit.notify(`lupa-${events[0]?.key}`, t('task_acceptance_free'), events.map((e) => e.name).join('\n'));
    };
    const poll = async () => {
      const result = await imports.acceptance();
      await tell(result.fresh);
      return result;
    };
    let running: Promise<unknown> | null = null;
    /** One import run at a time: stocks, then orders, then the coefficients. */
    const runAll = () => {
      running ??= (async () => {
        await imports.stocks();
        await imports.orders();
        await poll();
      })().finally(() => {
        running = null;
      });
      return running;
    };
    const missing = async (): Promise<TokenCategory[]> => {
      const token = await getWbToken();
      const claims = token ? decodeToken(token) : null;
      return NEEDED.filter((c) => !claims?.categories.includes(c));
    };
    const ensureAlarm = async () => {
      const watch = await watchItem.get(db);
      if (watch) {
        if (!(await browser.alarms.get(ACCEPTANCE_ALARM))) await browser.alarms.create(ACCEPTANCE_ALARM, { periodInMinutes: 1 });
      } else await browser.alarms.clear(ACCEPTANCE_ALARM);
    };

    answer('getSupplies', from.extensionPage, async () => {
      const [s, state, acceptance, watch, lacking] = await Promise.all([
        settings(),
        imports.state(),
        imports.slots(),
        watchItem.get(db),
        missing(),
      ]);
      const today = moscowDay(Date.now());
      const stockDay = state.stocks?.state === 'done' ? state.stocks.day : null;
      const planned = await planFromStore(db, { today, stockDay, settings: s });
      return { today, stockDay, ...planned, acceptance, settings: s, watch: watch ?? null, imports: state, missing: lacking };
    });
    answer('importSupplies', from.extensionPage, async () => {
      runAll().catch((error: unknown) => console.warn('[lupa] supplies import:', error instanceof Error ? error.name : 'error'));
      return imports.state();
    });
    answer('getSuppliesImport', from.extensionPage, () => imports.state());
    answer('saveSupplySettings', from.extensionPage, async (value) => {
      await guard(() => settingsItem.set(db, value));
      return { ok: true as const };
    });
    answer('saveAcceptanceWatch', from.extensionPage, async ({ watch }) => {
      await guard(() => watchItem.set(db, watch));
      await ensureAlarm();
      return { ok: true as const };
    });
    answer('pollAcceptance', from.extensionPage, async () => {
      const { read, fresh } = await poll();
      return { read, fresh: fresh.length };
    });

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ACCEPTANCE_ALARM) void poll().catch(() => console.warn('[lupa] acceptance poll failed'));
    });
    kit.onStart(async () => {
      await ensureAlarm();
      if (await imports.resumable()) await runAll();
    });
    kit.onAlarm(async () => {
      const lacking = await missing();
      if (lacking.includes('Analytics') && lacking.includes('Statistics')) return;
      if (!lacking.includes('Analytics') && (await imports.stocksDue())) await imports.stocks();
      if (!lacking.includes('Statistics') && (await imports.ordersDue())) await imports.orders();
    });
  },
};
