// The supply planner's method, pure and the same everywhere it is shown (the «Поставки» page, the
// panel of an own item, the popup's list): pace per day per warehouse from the seller's own
// orders, days of cover, and how many units to send where.
//
// Pace: orders at a warehouse over the window the seller chose (7, 14 or 30 days before today),
// divided by the days of that window the item could sell there — a day counts when the warehouse
// had stock at its snapshot that day or took an order that day; a day out of stock with no order
// says nothing about demand. Days before Lupa's first snapshot count as in stock. No day counted:
// the pace is unknown (null), never zero.
// Cover: stock (plus units already on the way to that warehouse) divided by the pace.
// Send: enough for the target cover counted from the day a supply sent today arrives (the
// warehouse's lead time), less what is there and on the way, rounded up to the item's box
// multiple. Items that run out before a supply could arrive come first.

/** Days as UTC calendar days since 1970 (what the reports give as dates). */
export type Day = number;
export const dayOf = (ms: number): Day => Math.floor(ms / 86_400_000);

export interface WarehouseDays {
  /** Units at the warehouse by day (the daily stock snapshot). */
  stock: ReadonlyMap<Day, number>;
  /** Orders taken from the warehouse by day. */
  orders: ReadonlyMap<Day, number>;
  /**
   * The first day Lupa has a snapshot of (its history begins when the seller's first import ran):
   * a day before it with no order counts as in stock — nothing says otherwise, and leaving it out
   * would count only the days with orders. Absent: every day without a snapshot is unknown.
   */
  since?: Day;
}

export interface Pace {
  /** Orders per day on the days that counted, null when no day counted. */
  perDay: number | null;
  /** Days of the window that counted. */
  days: number;
  /** Days left out: out of stock with no order. */
  outOfStock: number;
}

export const WINDOWS = [7, 14, 30] as const;
export type Window = (typeof WINDOWS)[number];

/** The pace at one warehouse over the `window` days before `today` (today itself is not whole yet). */
export function paceAt(history: WarehouseDays, today: Day, window: Window): Pace {
  let orders = 0;
  let days = 0;
  let outOfStock = 0;
  for (let day = today - window; day < today; day++) {
    const sold = history.orders.get(day) ?? 0;
    const stock = history.stock.get(day);
    // No snapshot that day: it counts when there was an order (a sale proves stock), else it is unknown.
    if (sold > 0 || (stock !== undefined && stock > 0)) {
      orders += sold;
      days++;
    } else if (stock === 0) outOfStock++;
    else if (stock === undefined && history.since !== undefined && day < history.since) days++;
  }
  return { perDay: days > 0 ? orders / days : null, days, outOfStock };
}

/** Days the units last at this pace; Infinity when nothing sells, null when the pace is unknown. */
export function coverDays(units: number, perDay: number | null): number | null {
  if (perDay === null) return null;
  if (perDay <= 0) return Number.POSITIVE_INFINITY;
  return units / perDay;
}

export interface PlanSettings {
  /** Days of sales a supply should cover once it arrives. */
  targetDays: number;
  /** Days from sending to acceptance, per warehouse; `defaultLeadDays` where not set. */
  leadDays: ReadonlyMap<number, number>;
  defaultLeadDays: number;
  window: Window;
}

export interface ItemAtWarehouse {
  nm: string;
  wh: number;
  /** Units there now (the latest snapshot). */
  stock: number;
  /** Units on the way to that warehouse (a supply not yet accepted). */
  inTransit: number;
  history: WarehouseDays;
  /** The box multiple the seller set for the item (1: single units). */
  box: number;
}

export interface PlanRow {
  nm: string;
  wh: number;
  stock: number;
  inTransit: number;
  perDay: number | null;
  cover: number | null;
  leadDays: number;
  /** Units to send, a multiple of the box; 0 when the cover is enough; null when the pace is unknown. */
  send: number | null;
  /** Runs out before a supply sent today could arrive. */
  urgent: boolean;
}

export function planRow(item: ItemAtWarehouse, today: Day, settings: PlanSettings): PlanRow {
  const { perDay } = paceAt(item.history, today, settings.window);
  const leadDays = settings.leadDays.get(item.wh) ?? settings.defaultLeadDays;
  const units = item.stock + item.inTransit;
  const cover = coverDays(units, perDay);
  let send: number | null = null;
  if (perDay !== null) {
    const need = perDay * (leadDays + settings.targetDays) - units;
    const box = Math.max(1, Math.floor(item.box));
    send = need > 0 ? Math.ceil(need / box) * box : 0;
  }
  const urgent = cover !== null && cover < leadDays;
  return { nm: item.nm, wh: item.wh, stock: item.stock, inTransit: item.inTransit, perDay, cover, leadDays, send, urgent };
}

/** Urgent rows first (soonest out first), then the rest by units to send, most first; unknown pace last. */
export function comparePlanRows(a: PlanRow, b: PlanRow): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.urgent) return (a.cover ?? 0) - (b.cover ?? 0);
  if ((a.send === null) !== (b.send === null)) return a.send === null ? 1 : -1;
  // Articles are digits: compared as text, not by locale (localeCompare costs most of a 20 000-row sort).
  return (b.send ?? 0) - (a.send ?? 0) || (a.nm < b.nm ? -1 : a.nm > b.nm ? 1 : 0) || a.wh - b.wh;
}

export function plan(items: readonly ItemAtWarehouse[], today: Day, settings: PlanSettings): PlanRow[] {
  return items.map((item) => planRow(item, today, settings)).sort(comparePlanRows);
}

/** An item's cover over all its warehouses: all its units against its whole pace. */
export function overallCover(rows: readonly PlanRow[]): number | null {
  const known = rows.filter((r) => r.perDay !== null);
  if (known.length === 0) return null;
  const units = rows.reduce((sum, r) => sum + r.stock + r.inTransit, 0);
  return coverDays(
    units,
    known.reduce((sum, r) => sum + (r.perDay ?? 0), 0),
  );
}
