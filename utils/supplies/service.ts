// The plan from what the imports stored: for each own item at each warehouse where it has stock (at
// the latest complete snapshot) or took orders in the window, its daily stock and orders over the
// window, fed to the planner's method (plan.ts). Orders name their warehouse, not its id: they are
// matched by the names the stocks report and the coefficients gave; orders at a warehouse no report
// named are counted apart, not guessed.
import Dexie from 'dexie';
import { type LupaDb, schemas, validRows } from '../db';
import { moscowDay } from '../marketplaces/wb/seller-supplies';
import { type Day, type ItemAtWarehouse, overallCover, type PlanRow, plan } from './plan';
import type { SupplyRow } from './protocol';
import type { SupplySettings, SupplyWarehouse } from './tables';

export interface PlanInput {
  today: Day;
  /** The day of the latest complete stocks snapshot (null: none yet). */
  stockDay: Day | null;
  settings: SupplySettings;
}

const round = (x: number | null, places: number) =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** places) / 10 ** places;

export const supplyRowOf = (r: PlanRow, box: number): SupplyRow => ({
  nm: r.nm,
  wh: r.wh,
  stock: r.stock,
  inTransit: r.inTransit,
  toClient: 0,
  perDay: round(r.perDay, 2),
  cover: round(r.cover, 1),
  leadDays: r.leadDays,
  send: r.send,
  urgent: r.urgent,
  box,
});

/** The planner's items from stored rows (pure: the bench and the tests call it on their own data). */
export function itemsOf(
  stocks: ReadonlyArray<{ nm: string; wh: number; day: Day; quantity: number; fromClient: number }>,
  orders: ReadonlyArray<{ nm: string; wh: number; day: Day }>,
  input: PlanInput,
  /** Lupa's first snapshot day (utils/supplies/plan.ts WarehouseDays.since); undefined: none presumed. */
  since: Day | undefined,
): ItemAtWarehouse[] {
  // By item, then by warehouse: a million rows are grouped without building a key string for each.
  const byItem = new Map<string, Map<number, ItemAtWarehouse & { history: { stock: Map<Day, number>; orders: Map<Day, number> } }>>();
  const list: ItemAtWarehouse[] = [];
  const itemOf = (nm: string, wh: number) => {
    let at = byItem.get(nm);
    if (!at) {
      at = new Map();
      byItem.set(nm, at);
    }
    let item = at.get(wh);
    if (!item) {
      item = {
        nm,
        wh,
        stock: 0,
        inTransit: 0,
        box: input.settings.box[nm] ?? 1,
        history: { stock: new Map(), orders: new Map(), ...(since === undefined ? {} : { since }) },
      };
      at.set(wh, item);
      list.push(item);
    }
    return item;
  };
  for (const s of stocks) {
    const item = itemOf(s.nm, s.wh);
    item.history.stock.set(s.day, s.quantity);
    if (s.day === input.stockDay) {
      item.stock = s.quantity;
      item.inTransit = s.fromClient;
    }
  }
  for (const o of orders) {
    const days = itemOf(o.nm, o.wh).history.orders;
    days.set(o.day, (days.get(o.day) ?? 0) + 1);
  }
  return list;
}

/** The plan of every own item, or of one (`nm`: the panel of an own item reads only its rows). */
export async function planFromStore(db: LupaDb, input: PlanInput, nm?: string) {
  const { today, settings } = input;
  const from = today - settings.window;
  const warehouses = validRows(schemas.supplyWarehouses, await db.supplyWarehouses.toArray(), 'supplyWarehouses');
  const byName = new Map<string, SupplyWarehouse>();
  for (const w of warehouses) if (w.name) byName.set(w.name.toLowerCase(), w);
  const stocks = validRows(
    schemas.supplyStocks,
    nm === undefined
      ? await db.supplyStocks.where('day').between(from, today, true, true).toArray()
      : // The key's prefix: every warehouse of the item (a compound range does not bound the day within each).
        (
          await db.supplyStocks.where('[nm+wh+day]').between([nm, Dexie.minKey, Dexie.minKey], [nm, Dexie.maxKey, Dexie.maxKey]).toArray()
        ).filter((s) => s.day >= from && s.day <= today),
    'supplyStocks',
  );
  // Lupa's history begins with the seller's first import: days before it count as in stock.
  const since = (await db.supplyStocks.orderBy('day').first())?.day;
  const orderRows = validRows(
    schemas.ownOrders,
    nm === undefined
      ? await db.ownOrders.where('day').between(from, today).toArray()
      : await db.ownOrders.where('[nm+day]').between([nm, from], [nm, today]).toArray(),
    'ownOrders',
  );
  let unknownOrders = 0;
  const orders: Array<{ nm: string; wh: number; day: Day }> = [];
  for (const o of orderRows) {
    if (o.cancelled) continue;
    const w = byName.get(o.warehouse.toLowerCase());
    if (w) orders.push({ nm: o.nm, wh: w.id, day: o.day });
    else unknownOrders++;
  }
  const current = input.stockDay === null ? [] : stocks.filter((s) => s.day === input.stockDay);
  const toClient = new Map(current.map((s) => [`${s.nm}:${s.wh}`, s.toClient]));
  // Only pairs with stock now or orders in the window are planned (a warehouse the item left long ago is not).
  const items = itemsOf(stocks, orders, input, since).filter((i) => i.stock > 0 || i.inTransit > 0 || i.history.orders.size > 0);
  const leadDays = new Map(Object.entries(settings.leadDays).map(([wh, d]) => [Number(wh), d]));
  const planned = plan(items, today, {
    targetDays: settings.targetDays,
    leadDays,
    defaultLeadDays: settings.defaultLeadDays,
    window: settings.window,
  });
  const rows = planned.map((r) => ({ ...supplyRowOf(r, settings.box[r.nm] ?? 1), toClient: toClient.get(`${r.nm}:${r.wh}`) ?? 0 }));
  const perItem = new Map<string, PlanRow[]>();
  for (const r of planned) perItem.set(r.nm, [...(perItem.get(r.nm) ?? []), r]);
  const overall = [...perItem].map(([nm, list]) => ({ nm, cover: round(overallCover(list), 1) }));
  return { rows, overall, warehouses, unknownOrders };
}

/** The rows that run out before a supply could arrive, soonest first: the popup's "кончится до поставки". */
export const urgentOf = (rows: readonly SupplyRow[], limit = 50) =>
  rows
    .filter((r) => r.urgent)
    .slice(0, limit)
    .map((r) => ({ nm: r.nm, wh: r.wh, cover: r.cover, leadDays: r.leadDays }));

/** The shop's orders today so far, and yesterday up to the same time (cancelled lines left out). */
export interface ShopToday {
  /** Moscow day. */
  day: number;
  orders: number;
  /** What buyers paid, kopecks. */
  sum: number;
  yesterday: { orders: number; sum: number };
}

/** From the orders import (statistics API): today's lines, and yesterday's placed at or before this time a day ago. */
export async function shopToday(db: LupaDb, now: number): Promise<ShopToday> {
  const day = moscowDay(now);
  const rows = validRows(
    schemas.ownOrders,
    await db.ownOrders
      .where('day')
      .between(day - 1, day, true, true)
      .toArray(),
    'ownOrders',
  );
  const count = (lines: typeof rows) => ({ orders: lines.length, sum: lines.reduce((s, r) => s + r.paid, 0) });
  const live = rows.filter((r) => r.cancelled === 0);
  return {
    day,
    ...count(live.filter((r) => r.day === day)),
    yesterday: count(live.filter((r) => r.day === day - 1 && r.at <= now - 86_400_000)),
  };
}
