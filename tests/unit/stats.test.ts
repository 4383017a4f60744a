import { describe, expect, test } from 'vitest';
import type { PricePoint } from '../../utils/model';
import { formatRub } from '../../utils/money';
import { DAY_MS, median, mergeSeries, priceStats, sharePct } from '../../utils/stats';

const now = Date.parse('2026-11-20T12:00:00Z');
const point = (daysAgo: number, price: number, source: PricePoint['source'] = 'history'): PricePoint => ({
  marketplace: 'wb',
  productId: '1',
  at: now - daysAgo * DAY_MS,
  price,
  source,
});

describe('median', () => {
  test('odd and even counts, unsorted input, empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3); // (2 + 3) / 2 = 2.5 → rounded to a kopeck: 3
    expect(median([100, 201])).toBe(151);
    expect(median([])).toBeNull();
  });
});

describe('price statistics over a window', () => {
  test('counts only points inside the window, the current observation included', () => {
    const stats = priceStats([point(120, 50_000), point(80, 200_000), point(10, 150_000), point(0, 120_000, 'observed')], 120_000, now, 90);
    expect(stats).toEqual({ windowDays: 90, min: 120_000, median: 150_000, max: 200_000, lowestInWindow: true, points: 3 });
  });

  test('a price at the window edge counts; one a millisecond older does not', () => {
    const edge = { ...point(90, 10_000), at: now - 90 * DAY_MS };
    const older = { ...point(90, 5_000), at: now - 90 * DAY_MS - 1 };
    expect(priceStats([edge, older, point(0, 20_000, 'observed')], 20_000, now, 90)?.min).toBe(10_000);
  });

  test('the price now is not the lowest when any point in the window is cheaper', () => {
    expect(priceStats([point(30, 99_000), point(0, 100_000, 'observed')], 100_000, now)?.lowestInWindow).toBe(false);
  });

  test('an equal earlier price still counts as lowest', () => {
    expect(priceStats([point(30, 100_000), point(0, 100_000, 'observed')], 100_000, now)?.lowestInWindow).toBe(true);
  });

  test('out of stock: stats of the history, never "lowest"', () => {
    expect(priceStats([point(5, 100_000)], null, now)).toMatchObject({ min: 100_000, lowestInWindow: false });
  });

  test('no points and no price: nothing to say', () => {
    expect(priceStats([], null, now)).toBeNull();
    expect(priceStats([], 5_000, now)).toMatchObject({ min: 5_000, max: 5_000, points: 1 });
  });
});

test('merging series keeps one point per instant, the published history winning', () => {
  const merged = mergeSeries([point(1, 300, 'observed'), point(1, 200, 'history'), point(3, 100, 'history')]);
  expect(merged.map((p) => [p.price, p.source])).toEqual([
    [100, 'history'],
    [200, 'history'],
  ]);
});

test('shares are percents with one decimal', () => {
  expect(sharePct(3, 7)).toBe(42.9);
  expect(sharePct(0, 5)).toBe(0);
  expect(sharePct(1, 0)).toBeNull();
});

test('money reads the Russian way', () => {
  expect(formatRub(123_400)).toBe('1\u00a0234\u00a0₽');
  expect(formatRub(197_750)).toBe('1\u00a0977,50\u00a0₽');
  expect(formatRub(0)).toBe('0\u00a0₽');
});
