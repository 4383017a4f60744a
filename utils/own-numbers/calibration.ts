// The sales estimate, checked against the seller's own real orders. For each own item Lupa has both
// an estimate from its stock snapshots (utils/sales.ts, the same one competitors get) and WB's count
// of its orders over the same 30 days (the sales funnel). The median of real ÷ estimated is the
// correction applied to every estimate; its error is the median relative miss left after the
// correction. Where MIN_ITEMS or more own items share a subject (WB's предмет), that subject gets its
// own correction, used for every card of the subject. Fewer than MIN_ITEMS comparable items: no
// correction, and the estimate says so.
import type { SalesCalibration } from '../background-kit';
import { type LupaDb, readCards, readSeries } from '../db';
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
  /** The item's subject, where its stored card names one. */
  subject?: number;
}

const middle = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** One correction from these items: factor, how many, the error left. */
function correction(usable: readonly Compared[]) {
  const factor = middle(usable.map((c) => c.real / c.estimated));
  const errorPct = middle(usable.map((c) => Math.abs(c.estimated * factor - c.real) / c.real)) * 100;
  return { factor: Math.round(factor * 100) / 100, items: usable.length, errorPct: Math.round(errorPct) };
}

/** The correction from the compared items, overall and per subject with enough of them; null with fewer than MIN_ITEMS. */
export function calibrate(compared: readonly Compared[], at: number): Calibration | null {
  const usable = compared.filter((c) => c.estimated > 0 && c.real > 0);
  if (usable.length < MIN_ITEMS) return null;
  const bySubject = new Map<number, Compared[]>();
  for (const c of usable) if (c.subject) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  const subjects = [...bySubject]
    .filter(([, items]) => items.length >= MIN_ITEMS)
    .map(([subject, items]) => ({ subject, ...correction(items) }))
    .sort((a, b) => a.subject - b.subject);
  return { ...correction(usable), at, subjects };
}

/** The correction for a card of `subject`: its subject's where there is one, else the overall one. */
export function correctionFor(
  calibration: Calibration,
  subject: number | null | undefined,
): Omit<Calibration, 'subjects'> & { subject: number | null } {
  const own = subject ? calibration.subjects.find((s) => s.subject === subject) : undefined;
  return own
    ? { ...own, at: calibration.at }
    : { factor: calibration.factor, items: calibration.items, errorPct: calibration.errorPct, at: calibration.at, subject: null };
}

/** The estimate of one own item over the CALIBRATION_DAYS to `end` (ms); null without enough history. */
export async function estimateOver(db: LupaDb, id: string, end: number): Promise<number | null> {
  const points = (await readSeries(db, 'stockSnapshots', 'wb', id, end - CALIBRATION_DAYS * DAY_MS, end)).map((s) => ({
    at: s.at,
    total: s.total,
  }));
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
  const cards = await readCards(
    db,
    out.map((c) => ({ marketplace: 'wb' as const, id: c.id })),
  );
  return out.map((c, i) => (cards[i]?.subjectId ? { ...c, subject: cards[i].subjectId } : c));
}
