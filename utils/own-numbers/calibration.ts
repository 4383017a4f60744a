// The sales estimate, checked against the seller's own real orders. For each own item Lupa has both
// an estimate from its stock snapshots (utils/sales.ts, the same one competitors get) and WB's count
// of its orders over the same 30 days (the sales funnel). The median of real ÷ estimated is the
// correction applied to every estimate; its error is the median relative miss left after the
// correction. Fewer than MIN_ITEMS comparable items: no correction, and the estimate says so.
import type { SalesCalibration } from '../background-kit';
import { type LupaDb, schemas, seriesOf, validRows } from '../db';
import type { FunnelRow } from '../marketplaces/wb/seller-funnel';
import { estimateSales } from '../sales';

const DAY_MS = 86_400_000;
/** Days compared: the funnel's 30-day period. */
export const CALIBRATION_DAYS = 30;
/** Items needed before a correction means anything. */
export const MIN_ITEMS = 3;
/** An estimate resting on fewer days of stock history is not compared. */
const MIN_OBSERVED_DAYS = 7;

/** factor: real ÷ estimated, the median over the items; errorPct: the median relative miss left after it. */
export type Calibration = SalesCalibration;

/** One own item: its estimate and its real orders a day over the same days. */
export interface Compared {
  id: string;
  estimated: number;
  real: number;
}

const middle = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** The correction from the compared items; null with fewer than MIN_ITEMS. */
export function calibrate(compared: readonly Compared[], at: number): Calibration | null {
  const usable = compared.filter((c) => c.estimated > 0 && c.real > 0);
  if (usable.length < MIN_ITEMS) return null;
  const factor = middle(usable.map((c) => c.real / c.estimated));
  const errorPct = middle(usable.map((c) => Math.abs(c.estimated * factor - c.real) / c.real)) * 100;
  return { factor: Math.round(factor * 100) / 100, items: usable.length, errorPct: Math.round(errorPct), at };
}

/** The estimate of one own item over the CALIBRATION_DAYS to `end` (ms); null without enough history. */
export async function estimateOver(db: LupaDb, id: string, end: number): Promise<number | null> {
  const points = validRows(
    schemas.stockSnapshots,
    await seriesOf(db.stockSnapshots, 'wb', id, end - CALIBRATION_DAYS * DAY_MS, end).toArray(),
    'stockSnapshots',
  ).map((s) => ({ at: s.at, total: s.total }));
  const estimate = estimateSales(points);
  return estimate && estimate.observedDays >= MIN_OBSERVED_DAYS ? estimate.perDay : null;
}

/** Each own item of the funnel's 30-day period that has an estimate too. */
export async function compare(db: LupaDb, rows30: readonly FunnelRow[], end: number): Promise<Compared[]> {
  const out: Compared[] = [];
  for (const [nm, , , orders] of rows30) {
    const estimated = await estimateOver(db, String(nm), end);
    if (estimated !== null) out.push({ id: String(nm), estimated, real: Math.round((orders / CALIBRATION_DAYS) * 10) / 10 });
  }
  return out;
}
