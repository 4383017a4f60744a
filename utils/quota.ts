// When the browser's storage is full: history is thinned (never the watchlist, the links, the
// costs, the queries or the tasks; settings and templates live in extension storage, not here),
// the user is told once, and the write that failed is tried again once. Every write of the user's
// own data (watch, links, twins, queries, costs, templates) goes through this guard.
import { type LupaDb, schemas, validRows } from './db';
import { thinHistory } from './retention';
import { DAY_MS } from './stats';
import { STORAGE_FULL } from './storage-full';

/** Detailed history kept when space runs out: a week; older points become one a day. */
export const QUOTA_KEEP_DAYS = 7;

export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; message?: string; inner?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.name === 'QuotaExceededError' || /quota/i.test(e.message ?? '')) return true;
    e = e.inner as typeof e;
  }
  return false;
}

/** Frees space from what Lupa can afford to lose; returns the number of rows removed. */
export async function freeSpace(db: LupaDb, now: number): Promise<number> {
  let removed = await thinHistory(db, now - QUOTA_KEEP_DAYS * DAY_MS);
  // Cached search pages are only a cache.
  removed += await db.searchPages.count();
  await db.searchPages.clear();
  // Review summaries: the newest per product is enough.
  const summaries = validRows(schemas.reviewSummaries, await db.reviewSummaries.toArray(), 'reviewSummaries');
  const newest = new Map<string, number>();
  for (const s of summaries) newest.set(`${s.marketplace}:${s.rootId}`, Math.max(newest.get(`${s.marketplace}:${s.rootId}`) ?? 0, s.at));
  const old = summaries.filter((s) => s.at < (newest.get(`${s.marketplace}:${s.rootId}`) ?? 0));
  await db.reviewSummaries.bulkDelete(old.map((s) => [s.marketplace, s.rootId, s.at] as [typeof s.marketplace, string, number]));
  return removed + old.length;
}

export interface QuotaDeps {
  db: LupaDb;
  now?: () => number;
  /** Tells the user what was done (stored note, notification). */
  onFreed: (removed: number) => Promise<void>;
}

/** A write that did not fit even after space was freed: nothing of it was written. */
export class StorageFullError extends Error {
  constructor() {
    super('the browser storage is full: nothing was written');
    this.name = STORAGE_FULL;
  }
}

/**
 * Runs a write; if storage is full, frees space, tells the user and tries once more. A write that
 * still does not fit fails with StorageFullError (a transaction that fails leaves nothing behind),
 * so the page that asked says so and keeps what the user entered.
 */
export function quotaGuard(deps: QuotaDeps) {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      const removed = await freeSpace(deps.db, (deps.now ?? Date.now)()).catch(() => 0);
      await deps.onFreed(removed).catch(() => {});
      try {
        return await work();
      } catch (again) {
        throw isQuotaError(again) ? new StorageFullError() : again;
      }
    }
  };
}
