// WB's seller API for supplies: the stocks report by WB warehouse (`POST seller-analytics-api…/api/
// analytics/v1/stocks-report/wb-warehouses`, which replaced statistics' supplier/stocks in 2026: a row
// per item size and warehouse, with units on the way to and from buyers) and the orders of
// `GET statistics-api…/api/v1/supplier/orders` (incremental by lastChangeDate; a row per order, its
// warehouse by name and the buyer's region). Rows are read one by one: what fits is kept, what does
// not is counted, so one odd row does not hide a page. WB's dates are Moscow time without an offset.
import { z } from 'zod';
import { rublesToKopecks } from './seller-prices';

export const STOCKS_PATH = '/api/analytics/v1/stocks-report/wb-warehouses';
/** Rows asked for per page of the stocks report (WB allows up to 250 000). */
export const STOCKS_PAGE = 10_000;
export const ORDERS_PATH = '/api/v1/supplier/orders';

/** Days as calendar days since 1970 (utils/supplies/plan.ts Day). */
const DAY_MS = 86_400_000;
const MOSCOW_MS = 3 * 3_600_000;
/** The Moscow calendar day of an instant. */
export const moscowDay = (ms: number) => Math.floor((ms + MOSCOW_MS) / DAY_MS);
/** "2026-11-30" for a day. */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const MOSCOW_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
/** A WB date ("2026-11-30T18:08:31", Moscow time, no offset) as an instant; null when it does not read. */
export function moscowTime(text: string): number | null {
  const m = MOSCOW_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - MOSCOW_MS;
  return Number.isNaN(ms) ? null : ms;
}

const Count = z.number().int().min(-1_000_000).max(10_000_000);
const StockRowSchema = z.object({
  nmId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  chrtId: z.number().int().nonnegative().optional(),
  warehouseId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  warehouseName: z.string().max(300),
  regionName: z.string().max(300).nullish(),
  quantity: Count,
  inWayToClient: Count.nullish(),
  inWayFromClient: Count.nullish(),
});
export const StocksPageSchema = z.object({ data: z.object({ items: z.array(z.unknown()).max(250_000).nullish() }).nullish() });
export type StocksPage = z.infer<typeof StocksPageSchema>;

/** One item at one WB warehouse, its sizes summed. */
export interface WarehouseStock {
  nm: string;
  wh: number;
  warehouse: string;
  region: string;
  quantity: number;
  toClient: number;
  fromClient: number;
}

/** A page of the stocks report, summed per item and warehouse; rows that do not fit are counted. */
export function stocksOf(page: StocksPage): { rows: WarehouseStock[]; got: number; dropped: number } {
  const items = page.data?.items ?? [];
  const byKey = new Map<string, WarehouseStock>();
  let dropped = 0;
  for (const raw of items) {
    const parsed = StockRowSchema.safeParse(raw);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    const r = parsed.data;
    const key = `${r.nmId}:${r.warehouseId}`;
    const row = byKey.get(key) ?? {
      nm: String(r.nmId),
      wh: r.warehouseId,
      warehouse: r.warehouseName.trim(),
      region: r.regionName?.trim() ?? '',
      quantity: 0,
      toClient: 0,
      fromClient: 0,
    };
    row.quantity += Math.max(0, r.quantity);
    row.toClient += Math.max(0, r.inWayToClient ?? 0);
    row.fromClient += Math.max(0, r.inWayFromClient ?? 0);
    byKey.set(key, row);
  }
  return { rows: [...byKey.values()], got: items.length, dropped };
}

const Rubles = z.number().min(0).max(100_000_000);
const OrderRowSchema = z.object({
  date: z.string().max(40),
  lastChangeDate: z.string().max(40),
  warehouseName: z.string().max(300),
  warehouseType: z.string().max(100).nullish(),
  countryName: z.string().max(200).nullish(),
  oblastOkrugName: z.string().max(300).nullish(),
  regionName: z.string().max(300).nullish(),
  nmId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  totalPrice: Rubles.nullish(),
  priceWithDisc: Rubles.nullish(),
  finishedPrice: Rubles.nullish(),
  isCancel: z.boolean().nullish(),
  srid: z.string().min(1).max(200),
});
export const OrdersPageSchema = z.array(z.unknown()).max(200_000);

/** One order as Lupa keeps it (the seller's own, from the statistics API). */
export interface OwnOrder {
  /** WB's id of the order line (`srid`): a row sent again (cancelled later) replaces the first. */
  srid: string;
  nm: string;
  /** The Moscow calendar day it was ordered (utils/supplies/plan.ts Day). */
  day: number;
  at: number;
  warehouse: string;
  /** The buyer's region and federal district as WB names them ('' when not given). */
  region: string;
  district: string;
  cancelled: 0 | 1;
  /** What the buyer paid (finishedPrice), and the price after the seller's discount (priceWithDisc), kopecks. */
  paid: number;
  price: number;
  /** WB's lastChangeDate as sent (the next request's dateFrom). */
  changed: string;
}

/** A page of orders: what fits, and how many rows did not. */
export function ordersOf(page: readonly unknown[]): { rows: OwnOrder[]; dropped: number } {
  const rows: OwnOrder[] = [];
  let dropped = 0;
  for (const raw of page) {
    const parsed = OrderRowSchema.safeParse(raw);
    const at = parsed.success ? moscowTime(parsed.data.date) : null;
    if (!parsed.success || at === null || moscowTime(parsed.data.lastChangeDate) === null) {
      dropped++;
      continue;
    }
    const o = parsed.data;
    rows.push({
      srid: o.srid,
      nm: String(o.nmId),
      day: moscowDay(at),
      at,
      warehouse: o.warehouseName.trim(),
      region: o.regionName?.trim() ?? '',
      district: o.oblastOkrugName?.trim() ?? '',
      cancelled: o.isCancel ? 1 : 0,
      paid: rublesToKopecks(o.finishedPrice ?? 0),
      price: rublesToKopecks(o.priceWithDisc ?? 0),
      changed: o.lastChangeDate,
    });
  }
  return { rows, dropped };
}
