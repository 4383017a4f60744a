// Supplies in the background: the stocks, orders and acceptance imports through the kit's seller
// API client (on demand from the «Поставки» page, resumed when the worker starts, refreshed by the
// alarm), the plan computed here — off any page's main thread — and the acceptance watch, polled by
// its own alarm within WB's limit; a slot that fits is a task (the watchlist's, when it is there)
// and a notification, once per warehouse, day and box type.

import { browser } from 'wxt/browser';
import type { BackgroundFeature } from '../background-kit';
import { kvItem, readCard } from '../db';
import { t } from '../i18n';
import { adapterOf } from '../marketplaces';
import { isoDay, moscowDay } from '../marketplaces/wb/seller-supplies';
import { decodeToken, type TokenCategory } from '../marketplaces/wb/seller-token';
import { answer } from '../messaging';
import type { WatchEvent } from '../model';
import { getWbToken } from '../secrets';
import { type AcceptanceSlot, alertKey } from './acceptance';
import { createSuppliesImports } from './imports';
import { planFromStore, shopToday, urgentOf } from './service';
import { DEFAULT_SUPPLY_SETTINGS, suppliesKv } from './tables';

/** The watch's own alarm: once a minute (WB allows 6 a minute on a Personal token). */
export const ACCEPTANCE_ALARM = 'lupa-acceptance';
const NEEDED: readonly TokenCategory[] = ['Analytics', 'Statistics', 'Supplies'];

const settingsItem = kvItem(suppliesKv.settings);
const watchItem = kvItem(suppliesKv.watch);
const stockOutSoon = kvItem(suppliesKv.stockOutSoon);

export const supplies: BackgroundFeature = {
  name: 'supplies',
  register(kit) {
    const { db, from, guard } = kit;
    const imports = createSuppliesImports({ db, client: kit.seller, guard });
    const settings = async () => (await settingsItem.get(db)) ?? DEFAULT_SUPPLY_SETTINGS;
    /** The plan now; the rows that run out before a supply could arrive are kept for the popup. */
    const planNow = async (nm?: string) => {
      const [s, state] = await Promise.all([settings(), imports.state()]);
      const today = moscowDay(Date.now());
      const stockDay = state.stocks?.lastDay ?? null;
      const planned = await planFromStore(db, { today, stockDay, settings: s }, nm);
      if (nm === undefined) {
        const names = new Map(planned.warehouses.map((w) => [w.id, w.name]));
        const urgent = planned.rows.filter((r) => r.urgent);
        await guard(() =>
          stockOutSoon.set(db, {
            at: Date.now(),
            total: urgent.length,
            items: urgentOf(planned.rows).map((u) => ({ ...u, warehouse: names.get(u.wh) ?? '' })),
          }),
        );
      }
      return { today, stockDay, settings: s, state, planned };
    };

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
        await planNow();
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
    /** The watch's alarm runs while there is a watch whose last day has not passed. */
    const ensureAlarm = async () => {
      const watch = await watchItem.get(db);
      if (watch && watch.to >= moscowDay(Date.now())) {
        if (!(await browser.alarms.get(ACCEPTANCE_ALARM))) await browser.alarms.create(ACCEPTANCE_ALARM, { periodInMinutes: 1 });
      } else await browser.alarms.clear(ACCEPTANCE_ALARM);
    };

    answer('getSupplies', from.extensionPage, async () => {
      const [{ today, stockDay, settings: s, state, planned }, acceptance, watch, lacking] = await Promise.all([
        planNow(),
        imports.slots(),
        watchItem.get(db),
        missing(),
      ]);
      return { today, stockDay, ...planned, acceptance, settings: s, watch: watch ?? null, imports: state, missing: lacking };
    });
    answer('getStockOutSoon', from.extensionPage, async () => (await stockOutSoon.get(db)) ?? null);
    // Only once orders were imported: before that there is nothing to say, not zero.
    answer('getShopToday', from.extensionPage, async () => ((await imports.state()).orders ? shopToday(db, Date.now()) : null));
    // The panel of an own item on the storefront: its cover, and at the warehouse the card says is nearest the user.
    answer('getOwnCover', from.wbTabOrPage, async ({ marketplace, id }) => {
      if (!adapterOf(marketplace).sellerApi) return null;
      const { planned } = await planNow(id);
      if (planned.rows.length === 0) return null;
      const overall = planned.overall[0];
      const card = await readCard(db, { marketplace, id });
      const hours = new Map<number, number | null>((card?.stockByWarehouse ?? []).map((w) => [w.warehouseId, w.deliveryHours]));
      const names = new Map(planned.warehouses.map((w) => [w.id, w.name]));
      const nearest = planned.rows
        .filter((r) => hours.get(r.wh) != null)
        .sort((a, b) => (hours.get(a.wh) ?? 0) - (hours.get(b.wh) ?? 0))[0];
      return {
        cover: overall?.cover ?? null,
        sells: planned.rows.some((r) => (r.perDay ?? 0) > 0),
        nearest: nearest
          ? { wh: nearest.wh, name: names.get(nearest.wh) ?? '', cover: nearest.cover, hours: hours.get(nearest.wh) ?? null }
          : null,
      };
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
      if (alarm.name !== ACCEPTANCE_ALARM) return;
      void (async () => {
        await ensureAlarm();
        if (await browser.alarms.get(ACCEPTANCE_ALARM)) await poll();
      })().catch(() => console.warn('[lupa] acceptance poll failed'));
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
      await planNow();
    });
  },
};
