// A product's history (price points, stock snapshots) packed one row per product and calendar
// month (UTC), since schema v14 (issue 17): a year of 1 000 products is 24 000 rows, not 730 000,
// which is what IndexedDB's write time follows (a restore wrote the flat rows in 46–55 s on
// Chromium's LevelDB, the packed ones in 3–11 s). A month row keeps its points as tuples sorted by
// time, at most one per instant (the same `at` replaces, as the flat tables' primary key did).
// Everything outside sees flat points (utils/model.ts PricePoint, StockSnapshot): readSeries and
// lastPoint read them, addPoints writes them, and a backup file holds them flat (utils/backup/).
import type { Table } from 'dexie';
import { z } from 'zod';
import type { LupaDb } from './db';
import {
  ArticleIdSchema,
  type Marketplace,
  MarketplaceSchema,
  type PricePoint,
  PricePointSchema,
  type StockSnapshot,
  StockSnapshotSchema,
} from './model';
import { table } from './tables';

/** The flat series as the rest of Lupa (and a backup file) knows them. */
export type SeriesTable = 'pricePoints' | 'stockSnapshots';
export type PointOf<K extends SeriesTable> = K extends 'pricePoints' ? PricePoint : StockSnapshot;

/** Dates beyond ±8.64e15 ms are not dates: their month is taken as the end of time. */
const LAST_DATE = 8.64e15;

/** The first instant (UTC) of the calendar month `at` falls in: a month row's `month`. */
export function monthOf(at: number): number {
  if (at >= LAST_DATE) return Number.POSITIVE_INFINITY;
  if (at < -LAST_DATE) return Number.NEGATIVE_INFINITY;
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The first instant of the month after the one starting at `month`. */
export function nextMonth(month: number): number {
  const d = new Date(month);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

const price = PricePointSchema.shape;
const stock = StockSnapshotSchema.shape;
/** A price point in its month: [at, price, source]. */
const PriceTupleSchema = z.tuple([price.at, price.price, price.source]);
/** A stock snapshot in its month: [at, total, byWarehouse]. */
const StockTupleSchema = z.tuple([stock.at, stock.total, stock.byWarehouse]);
type PriceTuple = z.infer<typeof PriceTupleSchema>;
type StockTuple = z.infer<typeof StockTupleSchema>;

export interface MonthRow<T> {
  marketplace: Marketplace;
  productId: string;
  /** The month's first instant, UTC (monthOf). */
  month: number;
  /** The month's points, sorted by time, one per instant. */
  points: T[];
}

function monthRowSchema<T extends [number, ...unknown[]]>(tuple: z.ZodType<T>) {
  return z
    .object({
      marketplace: MarketplaceSchema,
      productId: ArticleIdSchema,
      month: z.number().int(),
      points: z.array(tuple),
    })
    .superRefine((row, ctx) => {
      if (monthOf(row.month) !== row.month) ctx.addIssue({ code: 'custom', message: 'not the first instant of a month', path: ['month'] });
      const end = nextMonth(row.month);
      let before = Number.NEGATIVE_INFINITY;
      for (const [i, [at]] of row.points.entries()) {
        if (at <= before || at < row.month || at >= end)
          ctx.addIssue({ code: 'custom', message: 'points out of order or out of the month', path: ['points', i] });
        before = at;
      }
    }) as unknown as z.ZodType<MonthRow<T>>;
}

interface Codec<P, T extends [number, ...unknown[]]> {
  /** The month table. */
  months: 'priceMonths' | 'stockMonths';
  point: z.ZodType<P>;
  row: z.ZodType<MonthRow<T>>;
  pack(point: P): T;
  unpack(marketplace: Marketplace, productId: string, tuple: T): P;
}

const PRICE: Codec<PricePoint, PriceTuple> = {
  months: 'priceMonths',
  point: PricePointSchema,
  row: monthRowSchema(PriceTupleSchema),
  pack: (p) => [p.at, p.price, p.source],
  unpack: (marketplace, productId, [at, price, source]) => ({ marketplace, productId, at, price, source }),
};
const STOCK: Codec<StockSnapshot, StockTuple> = {
  months: 'stockMonths',
  point: StockSnapshotSchema,
  row: monthRowSchema(StockTupleSchema),
  pack: (s) => [s.at, s.total, s.byWarehouse],
  unpack: (marketplace, productId, [at, total, byWarehouse]) => ({ marketplace, productId, at, total, byWarehouse }),
};

/** Each flat series and how it is packed. */
export const SERIES = { pricePoints: PRICE, stockSnapshots: STOCK } as const;
type AnyCodec = Codec<Record<string, unknown> & { at: number }, [number, ...unknown[]]>;
export const codecOf = (name: SeriesTable) => SERIES[name] as unknown as AnyCodec;
/** The flat series a month table packs. */
export const SERIES_OF_MONTHS = { priceMonths: 'pricePoints', stockMonths: 'stockSnapshots' } as const;
export type MonthTable = keyof typeof SERIES_OF_MONTHS;

export const MONTH_INDEX = '[marketplace+productId+month]';
type MonthKey = [Marketplace, string, number];

/**
 * Points packed into month rows, merged into the rows already there (`existing`, by the same key, or
 * undefined): a point at an instant the row holds replaces it. Points may come in any order.
 */
export function mergeMonths<T extends [number, ...unknown[]]>(
  existing: ReadonlyArray<MonthRow<T> | undefined>,
  added: ReadonlyArray<MonthRow<T>>,
): Array<MonthRow<T>> {
  return added.map((row, i) => {
    const old = existing[i];
    const before = old && Array.isArray(old.points) ? old.points : [];
    const last = before[before.length - 1]?.[0] ?? Number.NEGATIVE_INFINITY;
    const sorted = [...row.points].sort((a, b) => a[0] - b[0]);
    // The usual case: points after the month's last.
    if ((sorted[0]?.[0] ?? Number.POSITIVE_INFINITY) > last && sorted.every((p, j) => j === 0 || p[0] > (sorted[j - 1] as T)[0]))
      return { ...row, points: [...before, ...sorted] };
    const byAt = new Map<number, T>();
    for (const p of before) byAt.set(p[0], p);
    for (const p of sorted) byAt.set(p[0], p);
    return { ...row, points: [...byAt.values()].sort((a, b) => a[0] - b[0]) };
  });
}

/** A month row's key as one string (a Map's key). */
const monthKey = (marketplace: unknown, productId: unknown, month: number) => `${marketplace}\u0000${productId}\u0000${month}`;
const keyText = (row: MonthRow<unknown>) => monthKey(row.marketplace, row.productId, row.month);

/** Flat points (of one series) grouped by product and month, each group's points packed in arrival order. */
export function packMonths(name: SeriesTable, points: ReadonlyArray<Record<string, unknown>>): Array<MonthRow<[number, ...unknown[]]>> {
  const codec = codecOf(name);
  const rows = new Map<string, MonthRow<[number, ...unknown[]]>>();
  for (const p of points) {
    const month = monthOf(p.at as number);
    const key = monthKey(p.marketplace, p.productId, month);
    let row = rows.get(key);
    if (!row) {
      row = { marketplace: p.marketplace as Marketplace, productId: p.productId as string, month, points: [] };
      rows.set(key, row);
    }
    row.points.push(codec.pack(p as Record<string, unknown> & { at: number }));
  }
  return [...rows.values()];
}

/** The month rows' points as flat points, in the rows' order. */
export function flatten(name: SeriesTable, rows: ReadonlyArray<MonthRow<[number, ...unknown[]]>>): Array<Record<string, unknown>> {
  const codec = codecOf(name);
  const out: Array<Record<string, unknown>> = [];
  for (const row of rows)
    for (const t of Array.isArray(row.points) ? row.points : [])
      if (Array.isArray(t)) out.push(codec.unpack(row.marketplace, row.productId, t));
  return out;
}

/**
 * Packs a series' flat points into month rows as they stream in (a restore): a month is handed over
 * once a point of another month follows it, since a file holds each product's points by time (as
 * backups write them). A month met again after it was handed over comes back in `again`, to be
 * merged with what was written.
 */
export class MonthPacker {
  private open: MonthRow<[number, ...unknown[]]> | null = null;
  private readonly done = new Set<string>();
  constructor(private readonly name: SeriesTable) {}

  add(points: ReadonlyArray<Record<string, unknown>>) {
    const rows = packMonths(this.name, points);
    const open = this.open;
    if (open) {
      const same = rows.find((r) => keyText(r) === keyText(open));
      if (same) same.points = [...open.points, ...same.points];
      else rows.unshift(open);
    }
    this.open = rows.pop() ?? null;
    return this.handOver(rows);
  }

  /** The series ended: the last month. */
  end() {
    const open = this.open;
    this.open = null;
    return this.handOver(open ? [open] : []);
  }

  private handOver(rows: Array<MonthRow<[number, ...unknown[]]>>) {
    const fresh: Array<MonthRow<[number, ...unknown[]]>> = [];
    const again: Array<MonthRow<[number, ...unknown[]]>> = [];
    // Each row's points sorted, one per instant.
    for (const row of mergeMonths([], rows)) {
      const key = keyText(row);
      (this.done.has(key) ? again : fresh).push(row);
      this.done.add(key);
    }
    return { fresh, again };
  }
}

const monthsOf = (db: LupaDb, name: SeriesTable) => db.table(codecOf(name).months) as Table<MonthRow<[number, ...unknown[]]>, MonthKey>;

/**
 * A month row's points that fit, as flat points: all of them when the row fits its schema; else each
 * point checked on its own (a row that no longer fits is left in place, never deleted).
 */
function checkedPoints(name: SeriesTable, row: unknown): { points: Array<Record<string, unknown> & { at: number }>; bad: number } {
  const codec = codecOf(name);
  const parsed = codec.row.safeParse(row);
  if (parsed.success) return { points: flatten(name, [parsed.data]) as Array<Record<string, unknown> & { at: number }>, bad: 0 };
  const raw = row as Partial<MonthRow<[number, ...unknown[]]>> | undefined;
  const points: Array<Record<string, unknown> & { at: number }> = [];
  let bad = 0;
  for (const t of Array.isArray(raw?.points) ? raw.points : []) {
    const p = Array.isArray(t) ? codec.point.safeParse(codec.unpack(raw?.marketplace as Marketplace, raw?.productId as string, t)) : null;
    if (p?.success) points.push(p.data);
    else bad++;
  }
  return { points: points.sort((a, b) => a.at - b.at), bad: Math.max(bad, 1) };
}

const warnBad = (name: SeriesTable, bad: number) => {
  if (bad > 0) console.warn(`[lupa] ${bad} stored point(s) in ${codecOf(name).months} do not fit the current format; skipped`);
};

/**
 * A product's points of one series from `from` up to, not including, `to`, checked and sorted by
 * time: the month rows covering the span, flattened.
 */
export async function readSeries<K extends SeriesTable>(
  db: LupaDb,
  name: K,
  marketplace: Marketplace,
  id: string,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
): Promise<Array<PointOf<K>>> {
  return (await readMonths(monthsOf(db, name), name, marketplace, id, from, to)) as unknown as Array<PointOf<K>>;
}

/** readSeries on a month table (the caller's transaction's, or the database's). */
export async function readMonths(
  table: Table,
  name: SeriesTable,
  marketplace: Marketplace,
  id: string,
  from: number,
  to: number,
): Promise<Array<Record<string, unknown> & { at: number }>> {
  if (to <= from) return [];
  const rows = await table
    .where(MONTH_INDEX)
    .between([marketplace, id, monthOf(from)], [marketplace, id, monthOf(to - 1)], true, true)
    .toArray();
  const out: Array<Record<string, unknown> & { at: number }> = [];
  let bad = 0;
  for (const row of rows) {
    const checked = checkedPoints(name, row);
    bad += checked.bad;
    for (const p of checked.points) if (p.at >= from && p.at < to) out.push(p);
  }
  warnBad(name, bad);
  return out;
}

/**
 * Removes a product's points at these instants (retention): each month row they fall in is
 * rewritten without them, or deleted when nothing is left. A row that does not fit is left alone.
 */
export async function dropPoints(table: Table, marketplace: Marketplace, id: string, points: ReadonlyArray<{ at: number }>): Promise<void> {
  const ats = new Set(points.map((p) => p.at));
  const keys = [...new Set(points.map((p) => monthOf(p.at)))].map((month) => [marketplace, id, month]);
  const rows = (await table.bulkGet(keys)) as Array<MonthRow<[number, ...unknown[]]> | undefined>;
  const keep: Array<MonthRow<[number, ...unknown[]]>> = [];
  const changed: unknown[] = [];
  rows.forEach((row, i) => {
    if (!row || !Array.isArray(row.points)) return;
    const left = row.points.filter((t) => !(Array.isArray(t) && ats.has(t[0])));
    if (left.length === row.points.length) return;
    changed.push(keys[i]);
    if (left.length > 0) keep.push({ ...row, points: left });
  });
  // Deleted first, then written back smaller: when the disk is full (utils/quota.ts), what is
  // deleted is what makes room.
  await table.bulkDelete(changed as never[]);
  await table.bulkPut(keep);
}

/** Every product's points of one series, checked, by product and time (the history CSV). */
export async function readAllSeries<K extends SeriesTable>(db: LupaDb, name: K): Promise<Array<PointOf<K>>> {
  const out: Array<PointOf<K>> = [];
  let bad = 0;
  for (const row of await monthsOf(db, name).toArray()) {
    const checked = checkedPoints(name, row);
    bad += checked.bad;
    for (const p of checked.points) out.push(p as unknown as PointOf<K>);
  }
  warnBad(name, bad);
  return out;
}

/** A product's latest point of one series that `accept` takes (the month rows read newest first, as far as needed). */
export async function lastPoint<K extends SeriesTable>(
  db: LupaDb,
  name: K,
  marketplace: Marketplace,
  id: string,
  accept: (point: PointOf<K>) => boolean = () => true,
): Promise<PointOf<K> | undefined> {
  const table = monthsOf(db, name);
  let before = Number.POSITIVE_INFINITY;
  for (;;) {
    const row = await table
      .where(MONTH_INDEX)
      .between([marketplace, id, Number.NEGATIVE_INFINITY], [marketplace, id, before], true, false)
      .last();
    if (!row) return undefined;
    const { points, bad } = checkedPoints(name, row);
    warnBad(name, bad);
    for (let i = points.length - 1; i >= 0; i--) if (accept(points[i] as unknown as PointOf<K>)) return points[i] as unknown as PointOf<K>;
    before = row.month;
  }
}

/**
 * Adds points to a series (any products, any months): each month row they fall in is read, merged
 * and written back, in one transaction (the caller's, when it holds the month table).
 */
export async function addPoints<K extends SeriesTable>(db: LupaDb, name: K, points: ReadonlyArray<PointOf<K>>): Promise<void> {
  if (points.length === 0) return;
  const table = monthsOf(db, name);
  await db.transaction('rw', table, () => putMerged(table, packMonths(name, points as unknown as Array<Record<string, unknown>>)));
}

/** Month rows written over the stored ones of the same keys, merged with them (mergeMonths). */
export async function putMerged(table: Table, added: ReadonlyArray<MonthRow<[number, ...unknown[]]>>): Promise<void> {
  if (added.length === 0) return;
  const existing = await table.bulkGet(added.map((r) => [r.marketplace, r.productId, r.month]));
  await table.bulkPut(mergeMonths(existing as Array<MonthRow<[number, ...unknown[]]> | undefined>, added));
}

/** The month tables' declarations (utils/db.ts): v14, each moving its flat table's rows in (db.ts). */
export const monthTables = {
  priceMonths: table<MonthRow<PriceTuple>, MonthKey>(PRICE.row, { 14: `&${MONTH_INDEX}` }),
  stockMonths: table<MonthRow<StockTuple>, MonthKey>(STOCK.row, { 14: `&${MONTH_INDEX}` }),
};
