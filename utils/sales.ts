// Orders per day, estimated from stock snapshots: a fall in stock between two looks is sales; a
// rise is a supply (sales in that interval are hidden by it, so its time is left out); time out of
// stock is left out too (nothing could sell). Pure; the range and the reasons say how sure it is.
import { DAY_MS } from './stats';

export interface StockPoint {
  at: number;
  total: number;
}

export interface SalesEstimate {
  perDay: number;
  low: number;
  high: number;
  confidence: 'low' | 'medium' | 'high';
  /** Days of stock history the estimate rests on (supplies and stock-outs left out). */
  observedDays: number;
  /** Why it is not surer, for the user: 'few-days', 'supplies', 'stock-outs'. */
  reasons: Array<'few-days' | 'supplies' | 'stock-outs'>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function estimateSales(points: readonly StockPoint[]): SalesEstimate | null {
  const series = [...points].sort((a, b) => a.at - b.at);
  let sold = 0;
  let observedMs = 0;
  let supplies = 0;
  let stockOuts = 0;
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1] as StockPoint;
    const next = series[i] as StockPoint;
    const dt = next.at - prev.at;
    if (dt <= 0) continue;
    if (prev.total === 0) {
      stockOuts++;
      continue;
    }
    if (next.total > prev.total) {
      supplies++;
      continue;
    }
    sold += prev.total - next.total;
    observedMs += dt;
  }
  if (observedMs === 0) return null;
  const days = observedMs / DAY_MS;
  const perDay = sold / days;
  // Counts of sales behave like a Poisson count: ±1.96·√n is a 95 % band on the total.
  const spread = (1.96 * Math.sqrt(Math.max(sold, 1))) / days;
  const reasons: SalesEstimate['reasons'] = [];
  if (days < 3) reasons.push('few-days');
  if (supplies > 0) reasons.push('supplies');
  if (stockOuts > 0) reasons.push('stock-outs');
  return {
    perDay: round1(perDay),
    low: round1(Math.max(0, perDay - spread)),
    high: round1(perDay + spread),
    confidence: days < 3 ? 'low' : days < 14 || supplies > 0 ? 'medium' : 'high',
    observedDays: round1(days),
    reasons,
  };
}
