// The seller's own orders from WB's sales funnel: for the periods that end yesterday (WB's day) —
// yesterday, 7, 14 and 30 days — each own item's opens, carts, orders and buyouts with their sums.
// Read once a day (the alarm, or the first time the seller asks to see them), a period at a time
// and kept as it comes (a 3-a-minute limit: a stopped import resumes with the periods it lacks).
// An item whose yesterday's orders fell 30 % or more below its 14-day daily average gets a task.
import { kvItem, type LupaDb, readCards } from '../db';
import type { SellerClient, SellerProblem } from '../marketplaces/wb/seller-client';
import { FUNNEL_PAGE, FUNNEL_PATH, FunnelPageSchema, type FunnelRow, funnelBody, funnelRows } from '../marketplaces/wb/seller-funnel';
import { isoDay } from '../marketplaces/wb/seller-supplies';
import type { WatchEvent } from '../model';
import { wbDay } from './spp';
import { FUNNEL_PERIODS, type FunnelPeriodDays, type OwnFunnel, ownNumbersKv } from './tables';

/** Yesterday's orders this share below the 14-day daily average or more: a task. */
export const ORDERS_DROP = 0.3;
/** …when the average is at least this many orders a day (below it, a quiet day is noise). */
export const ORDERS_DROP_MIN_PER_DAY = 2;

/** One item's own sales as the panel and the prices page show them. */
export interface OwnSales {
  /** The last whole day the figures cover (WB's day number). */
  day: number;
  at: number;
  /** Orders per day over 7 and 30 days, one decimal; null where that period is not read yet. */
  ordersPerDay7: number | null;
  ordersPerDay30: number | null;
  /** Buyouts ÷ orders over 30 days, percent, one decimal; null without orders. */
  buyoutPct: number | null;
  /** The orders' sum over 7 days, kopecks. */
  revenue7: number | null;
  /** The 7-day funnel: card opens, adds to cart, orders. */
  funnel7: { views: number; cart: number; orders: number } | null;
}

const perDay = (orders: number, days: number) => Math.round((orders / days) * 10) / 10;

export function salesOf(funnel: OwnFunnel, id: string): OwnSales {
  const row = (days: FunnelPeriodDays): FunnelRow | null | undefined => {
    const rows = funnel.periods[String(days) as `${FunnelPeriodDays}`];
    // Read, but the item had no line in it: WB lists items with activity; none is zero.
    return rows === undefined ? undefined : (rows.find((r) => String(r[0]) === id) ?? null);
  };
  const zero: FunnelRow = [Number(id), 0, 0, 0, 0, 0, 0];
  const r7 = row(7);
  const r30 = row(30);
  const w7 = r7 === undefined ? null : (r7 ?? zero);
  const w30 = r30 === undefined ? null : (r30 ?? zero);
  return {
    day: funnel.day,
    at: funnel.at,
    ordersPerDay7: w7 ? perDay(w7[3], 7) : null,
    ordersPerDay30: w30 ? perDay(w30[3], 30) : null,
    buyoutPct: w30 && w30[3] > 0 ? Math.round((w30[5] / w30[3]) * 1000) / 10 : null,
    revenue7: w7 ? w7[4] : null,
    funnel7: w7 ? { views: w7[1], cart: w7[2], orders: w7[3] } : null,
  };
}

/** Orders per day over 7 days of many items at once (one pass over the period, not one per item); absent before it is read. */
export function ordersPerDay7(funnel: OwnFunnel, ids: readonly string[]): Map<string, number> {
  const rows = funnel.periods['7'];
  if (!rows) return new Map();
  const orders = new Map(rows.map((r) => [String(r[0]), r[3]]));
  return new Map(ids.map((id) => [id, perDay(orders.get(id) ?? 0, 7)]));
}

/** Items whose yesterday fell ORDERS_DROP or more below their 14-day daily average. */
export function ordersDrops(funnel: OwnFunnel): Array<{ id: string; average: number; yesterday: number }> {
  const days14 = funnel.periods['14'];
  const days1 = funnel.periods['1'];
  if (!days14 || !days1) return [];
  const yesterday = new Map(days1.map((r) => [r[0], r[3]]));
  const out: Array<{ id: string; average: number; yesterday: number }> = [];
  for (const r of days14) {
    const average = r[3] / 14;
    const y = yesterday.get(r[0]) ?? 0;
    if (average >= ORDERS_DROP_MIN_PER_DAY && y <= average * (1 - ORDERS_DROP) + 1e-9)
      out.push({ id: String(r[0]), average: Math.round(average * 10) / 10, yesterday: y });
  }
  return out;
}

export interface FunnelDeps {
  db: LupaDb;
  client: SellerClient;
  now?: () => number;
  pageSize?: number;
}

export function createFunnel(deps: FunnelDeps) {
  const { db, client } = deps;
  const now = deps.now ?? (() => Date.now());
  const page = deps.pageSize ?? FUNNEL_PAGE;
  const stored = kvItem(ownNumbersKv.funnel);
  /** Imports run one after another (a later one finds what an earlier one read). */
  let queue: Promise<unknown> = Promise.resolve();

  /** The last whole WB day: the periods end there. */
  const lastDay = () => wbDay(now()) - 1;

  async function readPeriod(days: FunnelPeriodDays, end: number): Promise<FunnelRow[] | SellerProblem> {
    const period = { start: isoDay(end - days + 1), end: isoDay(end) };
    const rows: FunnelRow[] = [];
    for (let offset = 0; ; offset += page) {
      const result = await client.request(
        'funnel',
        { method: 'POST', path: FUNNEL_PATH, body: funnelBody(period, offset, page) },
        FunnelPageSchema,
      );
      if (!result.ok) return result.problem;
      const got = funnelRows(result.data);
      rows.push(...got.rows);
      if (got.got < page) return rows;
    }
  }

  async function importPeriods(periods: readonly FunnelPeriodDays[]): Promise<OwnFunnel | SellerProblem> {
    const end = lastDay();
    const before = await stored.get(db);
    let funnel: OwnFunnel = before && before.day === end ? before : { day: end, at: now(), periods: {}, problem: null };
    for (const days of periods) {
      if (funnel.periods[String(days) as `${FunnelPeriodDays}`]) continue;
      const rows = await readPeriod(days, end);
      if (!Array.isArray(rows)) {
        funnel = { ...funnel, problem: rows };
        await stored.set(db, funnel);
        return rows;
      }
      funnel = { ...funnel, at: now(), periods: { ...funnel.periods, [String(days)]: rows }, problem: null };
      await stored.set(db, funnel);
    }
    return funnel;
  }

  const complete = (f: OwnFunnel | undefined) => !!f && f.day === lastDay() && FUNNEL_PERIODS.every((d) => f.periods[`${d}`]);

  return {
    /** Reads those of `periods` this day lacks, after any import under way. */
    run(periods: readonly FunnelPeriodDays[] = FUNNEL_PERIODS): Promise<OwnFunnel | SellerProblem> {
      const next = queue.then(() => importPeriods(periods));
      queue = next.catch(() => undefined);
      return next;
    },
    async due(): Promise<boolean> {
      return !complete(await stored.get(db));
    },
    /** What is stored, the newest day's. */
    get: () => stored.get(db),
    /** Tasks for the items whose orders dropped yesterday (one per item and day). */
    async drops(funnel: OwnFunnel): Promise<WatchEvent[]> {
      const drops = ordersDrops(funnel);
      if (drops.length === 0) return [];
      const names = new Map(
        (
          await readCards(
            db,
            drops.map((d) => ({ marketplace: 'wb' as const, id: d.id })),
          )
        )
          .filter((c) => c !== undefined)
          .map((c) => [c.id, c.name]),
      );
      return drops.map((d) => ({
        key: `wb:${d.id}:orders-drop:${funnel.day}`,
        marketplace: 'wb',
        id: d.id,
        name: names.get(d.id) ?? '',
        kind: 'orders-drop',
        at: now(),
        from: d.average,
        to: d.yesterday,
        read: 0,
      }));
    },
  };
}

export type Funnel = ReturnType<typeof createFunnel>;
