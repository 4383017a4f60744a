// Retention: history older than the window is thinned to one point per product per day (the
// day's last), never deleted outright; the watchlist, settings and queries are never touched.
//
// At a shop's scale (1 000 products × a year) one pass over every history table held a write lock
// for 25 s, so the work is incremental: a watermark says up to when history is already thinned
// (only the day it falls in is looked at again), and the work goes in short slices — each a
// bounded number of rows read by the series' index (product, then time or month) and a time budget, in its
// own transaction — with the position stored after each, so a worker stopped midway resumes
// there. Thinning is idempotent, so a slice whose position was not stored is merely done twice.
import type { Table } from 'dexie';
import type { z } from 'zod';
import { kvItem, type LupaDb } from './db';
import { KERNEL_KV, type RetentionProgressSchema } from './kv-keys';
import type { Marketplace } from './model';
import { dropPoints, MONTH_INDEX, type MonthTable, readMonths, SERIES_OF_MONTHS } from './series';
import { DAY_MS } from './stats';

/** Rows read per slice: with the commit, well under 50 ms of IndexedDB work on a busy 2-core machine. */
export const SLICE_ROWS = 500;
/** A slice stops taking new series once it has run this long. */
export const SLICE_MS = 8;

type Key = Array<string | number>;

export type RetentionProgress = z.infer<typeof RetentionProgressSchema>;
export const retentionProgress = kvItem(KERNEL_KV.retentionProgress);

type Point = { at: number; source?: string };

interface SeriesTable {
  /** A table's name: the kernel's series, and a feature's where that feature is built in (positions). */
  name: string;
  index: string;
  /** Fields that name one series (the index's fields before its time). */
  fields: string[];
  /** A series' points from `from` up to, not including, `to`, sorted by time. */
  read(table: Table, id: Key, from: number, to: number): Promise<Point[]>;
  /** Removes these points of a series. */
  drop(table: Table, id: Key, points: Point[]): Promise<void>;
}

/** A table of one row per point, keyed by the series' fields and the time. */
const flat = (name: string, index: string, fields: string[]): SeriesTable => ({
  name,
  index,
  fields,
  read: async (table, id, from, to) =>
    (await table
      .where(index)
      .between([...id, from], [...id, to], true, false)
      .toArray()) as Point[],
  drop: (table, id, points) => table.bulkDelete(points.map((p) => [...id, p.at])),
});

/** A series packed one row per product and month (utils/series.ts). */
const packed = (name: MonthTable): SeriesTable => ({
  name,
  index: MONTH_INDEX,
  fields: ['marketplace', 'productId'],
  read: (table, [marketplace, id], from, to) => readMonths(table, SERIES_OF_MONTHS[name], marketplace as Marketplace, String(id), from, to),
  drop: (table, [marketplace, id], points) => dropPoints(table, marketplace as Marketplace, String(id), points),
});

const SERIES: SeriesTable[] = [
  // Price points from the marketplace's history and Lupa's own are kept apart (a day of each).
  packed('priceMonths'),
  packed('stockMonths'),
  flat('positions', '[marketplace+productId+query+region+at]', ['marketplace', 'productId', 'query', 'region']),
];

export interface ThinOptions {
  sliceRows?: number;
  sliceMs?: number;
  /** Asked between slices: false stops the work there (it resumes on the next call). */
  keepGoing?: () => boolean;
  /** Told each slice's duration (the bench). */
  onSlice?: (ms: number, removed: number) => void;
}

const dayOf = (at: number) => Math.floor(at / DAY_MS);
const idOf = (row: Record<string, unknown>, fields: string[]) => fields.map((f) => row[f] as string | number);

/** The rows to drop among one series' rows (sorted by time): all but each day's last. */
function extras<T extends { at: number; source?: string }>(rows: T[]): T[] {
  const lastOfDay = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.source ?? ''}|${dayOf(r.at)}`;
    const kept = lastOfDay.get(k);
    if (!kept || r.at > kept.at) lastOfDay.set(k, r);
  }
  const keep = new Set(lastOfDay.values());
  return rows.filter((r) => !keep.has(r));
}

/**
 * One slice: series after `after` in the table's index, each read between `from` and `cutoff`,
 * until the row or time budget is spent. Returns the last series done (null: the table is done).
 * The rows are read in a read-only transaction, which blocks no reader; only the series that have
 * rows to drop are then thinned in a short read-write one, which reads them again (a write may
 * have come in between; thinning twice is harmless).
 */
async function slice(
  db: LupaDb,
  spec: SeriesTable,
  pass: { cutoff: number; from: number; after: Key | null },
  budget: { rows: number; ms: number },
): Promise<{ after: Key | null; removed: number; done: boolean }> {
  const table = db.table(spec.name);
  const started = performance.now();
  const rowsOf = (id: Key) => spec.read(table, id, pass.from, pass.cutoff);
  let read = 0;
  let after = pass.after;
  const thin: Key[] = [];
  await db.transaction('r', table, async () => {
    for (;;) {
      // The next series: the first index entry past everything of the last one.
      const next = (await (after
        ? table.where(spec.index).above([...after, Number.POSITIVE_INFINITY])
        : table.orderBy(spec.index)
      ).first()) as Record<string, unknown> | undefined;
      if (!next) {
        after = null;
        return;
      }
      const id = idOf(next, spec.fields);
      const rows = await rowsOf(id);
      read += rows.length + 1;
      if (extras(rows).length > 0) thin.push(id);
      after = id;
      if (read >= budget.rows || performance.now() - started >= budget.ms) return;
    }
  });
  let removed = 0;
  if (thin.length > 0)
    await db.transaction('rw', table, async () => {
      for (const id of thin) {
        const drop = extras(await rowsOf(id));
        if (drop.length === 0) continue;
        await spec.drop(table, id, drop);
        removed += drop.length;
      }
    });
  return { after, removed, done: after === null };
}

/**
 * Thins history older than `cutoff` that is not thinned yet, slice by slice; returns the rows
 * removed. Stops early when `keepGoing` says so; the next call resumes the same pass.
 */
export async function thinHistory(db: LupaDb, cutoff: number, options: ThinOptions = {}): Promise<number> {
  const budget = { rows: options.sliceRows ?? SLICE_ROWS, ms: options.sliceMs ?? SLICE_MS };
  const progress = (await retentionProgress.get(db)) ?? { watermark: 0, pass: null };
  let pass = progress.pass;
  if (!pass) {
    if (cutoff <= progress.watermark) return 0;
    // The watermark's own day is looked at again: it may have had points after the watermark.
    pass = { cutoff, from: dayOf(progress.watermark) * DAY_MS, table: 0, after: null };
  }
  let removed = 0;
  const save = (value: RetentionProgress) =>
    // Best effort: when the disk is full this write may fail, and the slice is merely done again.
    retentionProgress.set(db, value).catch(() => {});
  // A feature left out of the build has no table to thin.
  const series = SERIES.filter((spec) => db.tables.some((t) => t.name === spec.name));
  while (pass.table < series.length) {
    if (options.keepGoing && !options.keepGoing()) {
      await save({ watermark: progress.watermark, pass });
      return removed;
    }
    const started = performance.now();
    const result = await slice(db, series[pass.table] as SeriesTable, pass, budget);
    options.onSlice?.(performance.now() - started, result.removed);
    removed += result.removed;
    pass = result.done ? { ...pass, table: pass.table + 1, after: null } : { ...pass, after: result.after };
    await save({ watermark: progress.watermark, pass });
    // Let readers (the popup's answer) in between two slices.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await save({ watermark: Math.max(progress.watermark, pass.cutoff), pass: null });
  // A pass that was resumed ran to its own cutoff; a later one may be due at once.
  if (pass.cutoff < cutoff) removed += await thinHistory(db, cutoff, options);
  return removed;
}
