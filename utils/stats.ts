// Pure maths over our own types. No I/O, no dates from the clock: callers pass `now`.
import type { PricePoint, Review, ReviewSummary } from './model';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Median of integers (kopecks); an even count averages the middle two, rounded to a kopeck. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

export interface PriceStats {
  windowDays: number;
  min: number;
  median: number;
  max: number;
  /** The price now is at or below every earlier price in the window. */
  lowestInWindow: boolean;
  points: number;
}

/**
 * Statistics of the prices seen in the last `windowDays`. Definition shared with the tests: the
 * series holds the marketplace's published history and Lupa's own observations — the price now
 * is one of them (the service stores it as an observation before asking) — and points with
 * `at >= now - windowDays` count. The price now is "lowest" when no point in the window is cheaper.
 */
export function priceStats(points: readonly PricePoint[], priceNow: number | null, now: number, windowDays = 90): PriceStats | null {
  const from = now - windowDays * DAY_MS;
  const values = points.filter((p) => p.at >= from && p.at <= now).map((p) => p.price);
  if (values.length === 0 && priceNow !== null) values.push(priceNow);
  if (values.length === 0) return null;
  return {
    windowDays,
    min: Math.min(...values),
    median: median(values) as number,
    max: Math.max(...values),
    lowestInWindow: priceNow !== null && values.every((p) => priceNow <= p),
    points: values.length,
  };
}

/** Share in percent with one decimal: 3 of 7 → 42.9. */
export function sharePct(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export function isNegative(review: Pick<Review, 'rating'>): boolean {
  return review.rating <= 2;
}

/**
 * The panel quotes a review, it does not archive it: WB's own limit is a few thousand characters, so
 * a longer text (a 2 MB one was seen in the corpus) is cut rather than stored and drawn whole.
 */
export const REVIEW_TEXT_MAX = 2000;
export const cutText = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The negative side of some reviews (any order): how many are 1–2★, the latest three, newest first,
 * and the share answered among those whose answer is known (null when none is).
 */
export function negativesOf(reviews: readonly Review[]): Pick<ReviewSummary, 'recentNegative' | 'lastNegative' | 'negativeAnsweredPct'> {
  const negative = reviews.filter(isNegative).sort((a, b) => b.createdAt - a.createdAt);
  const known = negative.filter((n) => n.answered !== null);
  return {
    recentNegative: negative.length,
    lastNegative: negative.slice(0, 3),
    negativeAnsweredPct: sharePct(known.filter((n) => n.answered).length, known.length),
  };
}

/** Merge price points from several sources into one series ordered by time (one point per instant). */
export function mergeSeries(points: readonly PricePoint[]): PricePoint[] {
  const byAt = new Map<number, PricePoint>();
  for (const p of points) {
    const prev = byAt.get(p.at);
    // The marketplace's own history wins over our observation at the same instant.
    if (!prev || (prev.source === 'observed' && p.source === 'history')) byAt.set(p.at, p);
  }
  return [...byAt.values()].sort((a, b) => a.at - b.at);
}
