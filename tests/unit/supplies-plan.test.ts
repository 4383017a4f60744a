import { describe, expect, test } from 'vitest';
import { coverDays, type ItemAtWarehouse, overallCover, type PlanSettings, paceAt, plan, planRow } from '../../utils/supplies/plan';

const TODAY = 20_400;
/** Days before today: `stock[i]` and `orders[i]` are for day TODAY - n + i. */
function history(stock: Array<number | undefined>, orders: number[]) {
  const n = stock.length;
  const s = new Map<number, number>();
  const o = new Map<number, number>();
  stock.forEach((q, i) => {
    if (q !== undefined) s.set(TODAY - n + i, q);
  });
  orders.forEach((q, i) => {
    if (q) o.set(TODAY - n + i, q);
  });
  return { stock: s, orders: o };
}
const settings: PlanSettings = { targetDays: 30, leadDays: new Map([[507, 5]]), defaultLeadDays: 3, window: 7 };
const item = (over: Partial<ItemAtWarehouse>): ItemAtWarehouse => ({
  nm: '146972802',
  wh: 507,
  stock: 0,
  inTransit: 0,
  box: 1,
  history: history([10, 10, 10, 10, 10, 10, 10], [2, 2, 2, 2, 2, 2, 2]),
  ...over,
});

describe('pace per warehouse', () => {
  test('orders over the days the item could sell; days out of stock with no order are left out', () => {
    // 7 days: 3 out of stock (0 at the snapshot, no order), 4 selling 12 in all.
    const pace = paceAt(history([5, 0, 0, 0, 8, 6, 3], [3, 0, 0, 0, 2, 3, 4]), TODAY, 7);
    expect(pace).toEqual({ perDay: 3, days: 4, outOfStock: 3 });
  });

  test('a day with an order counts even when its snapshot says 0 (sold out that day)', () => {
    expect(paceAt(history([1, 0], [0, 1]), TODAY, 7).perDay).toBe(0.5);
  });

  test('only the window counts; today is not whole and is left out', () => {
    const long = history(Array(30).fill(10), [...Array(23).fill(10), ...Array(7).fill(1)]);
    long.orders.set(TODAY, 99);
    expect(paceAt(long, TODAY, 7).perDay).toBe(1);
    expect(paceAt(long, TODAY, 30).perDay).toBeCloseTo((23 * 10 + 7) / 30);
  });

  test('no day counted: the pace is unknown, not zero; stock and no orders: zero', () => {
    expect(paceAt(history([0, 0, 0], [0, 0, 0]), TODAY, 7).perDay).toBeNull();
    expect(paceAt(history([], []), TODAY, 7).perDay).toBeNull();
    expect(paceAt(history([4, 4, 4], [0, 0, 0]), TODAY, 7).perDay).toBe(0);
  });

  test("days before Lupa's first snapshot count as in stock; days after it without one stay unknown", () => {
    // A week: Lupa's history begins 3 days ago (one of them without a snapshot); 2 orders 5 days ago.
    const h = { ...history([undefined, undefined, 2, undefined, 9, undefined, 4], [0, 0, 2, 0, 0, 0, 0]), since: TODAY - 3 };
    // Days −7, −6 (before, no order): in stock; −5 (an order); −3 (9 units); −1 (4 units); −4 is before too; −2 unknown.
    expect(paceAt(h, TODAY, 7)).toEqual({ perDay: 2 / 6, days: 6, outOfStock: 0 });
    expect(paceAt({ ...h, since: undefined }, TODAY, 7).days).toBe(3);
  });
});

describe('cover and what to send', () => {
  test('cover: units over pace; nothing sells: endless; unknown pace: unknown', () => {
    expect(coverDays(30, 2)).toBe(15);
    expect(coverDays(30, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(coverDays(30, null)).toBeNull();
  });

  test('send covers the lead time and the target, less stock and what is on the way, rounded up to the box', () => {
    // 2 a day, lead 5 + target 30 = 70 needed; 10 there + 12 on the way: 48, boxes of 20: 60.
    const row = planRow(item({ stock: 10, inTransit: 12, box: 20 }), TODAY, settings);
    expect(row).toMatchObject({ perDay: 2, cover: 11, leadDays: 5, send: 60, urgent: false });
    // Enough already: nothing to send.
    expect(planRow(item({ stock: 100 }), TODAY, settings).send).toBe(0);
    // Another warehouse: the default lead time.
    expect(planRow(item({ wh: 117501, stock: 4 }), TODAY, settings)).toMatchObject({ leadDays: 3, cover: 2, urgent: true, send: 62 });
  });

  test('the plan: items that run out before a supply arrives first (soonest first), then by units to send, unknown pace last', () => {
    const rows = plan(
      [
        item({ nm: 'a', stock: 40 }),
        item({ nm: 'b', stock: 2 }),
        item({ nm: 'c', stock: 6 }),
        item({ nm: 'd', stock: 0, history: history([0, 0], [0, 0]) }),
        item({ nm: 'e', stock: 20 }),
      ],
      TODAY,
      settings,
    );
    expect(rows.map((r) => [r.nm, r.urgent, r.send])).toEqual([
      ['b', true, 68],
      ['c', true, 64],
      ['e', false, 50],
      ['a', false, 30],
      ['d', false, null],
    ]);
  });

  test('overall cover: all units against the whole pace', () => {
    const rows = [planRow(item({ stock: 10 }), TODAY, settings), planRow(item({ wh: 117501, stock: 30 }), TODAY, settings)];
    expect(overallCover(rows)).toBe(10);
  });
});
