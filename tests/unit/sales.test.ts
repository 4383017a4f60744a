import { describe, expect, test } from 'vitest';
import { estimateSales } from '../../utils/sales';

const DAY = 86_400_000;
/** A stock series from daily totals, day 0 first. */
const daily = (...totals: number[]) => totals.map((total, i) => ({ at: i * DAY, total }));

describe('sales estimate from stock snapshots', () => {
  test('steady sales: falls in stock per day', () => {
    const e = estimateSales(daily(100, 90, 80, 70, 60, 50, 40, 30, 20, 21 - 1, 10, 0).slice(0, 11));
    expect(e?.perDay).toBe(9);
    expect(e?.observedDays).toBe(10);
    expect(e?.reasons).toEqual([]);
  });

  test('a supply is not negative sales: its interval is left out', () => {
    // −10, −10, +200 (supply), −10, −10 → 40 sold over 4 observed days.
    const e = estimateSales(daily(100, 90, 80, 280, 270, 260));
    expect(e).toMatchObject({ perDay: 10, observedDays: 4, reasons: ['supplies'] });
  });

  test('days out of stock are left out: nothing could sell', () => {
    // 20 → 0 over 2 days, 4 days at zero (the restock ends the last of them), then 5 sold in a day.
    const e = estimateSales(daily(20, 10, 0, 0, 0, 0, 50, 45));
    expect(e).toMatchObject({ perDay: 8.3, observedDays: 3, reasons: ['stock-outs'] });
  });

  test('snapshots taken irregularly are weighted by time, unsorted input is sorted', () => {
    const e = estimateSales([
      { at: 3 * DAY, total: 70 },
      { at: 0, total: 100 },
      { at: 0.5 * DAY, total: 95 },
    ]);
    expect(e?.perDay).toBe(10);
  });

  test('the range narrows as the history grows, and says why it is wide', () => {
    const short = estimateSales(daily(100, 90))!;
    const long = estimateSales(daily(...Array.from({ length: 30 }, (_, i) => 1000 - i * 10)))!;
    expect(short.confidence).toBe('low');
    expect(short.reasons).toContain('few-days');
    expect(long.confidence).toBe('high');
    expect(long.high - long.low).toBeLessThan(short.high - short.low);
    expect(long.low).toBeLessThanOrEqual(long.perDay);
    expect(short.low).toBeGreaterThanOrEqual(0);
  });

  test('nothing to go on: one snapshot, or only supplies and stock-outs', () => {
    expect(estimateSales(daily(5))).toBeNull();
    expect(estimateSales(daily(0, 0, 50))).toBeNull();
  });

  test('returns (a small rise) count as supply, not as negative sales', () => {
    expect(estimateSales(daily(50, 40, 41, 31))).toMatchObject({ perDay: 10, reasons: ['few-days', 'supplies'] });
  });
});
