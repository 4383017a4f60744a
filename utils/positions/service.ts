// Search positions: the queries a user tracks per product, scans that walk the search pages for
// each query, and one stored row per query per scan (never rewritten), so positions have history.
// A scan runs in the background; panels and the popup poll its status.
import type { z } from 'zod';
import { kvFamily, kvItem, type LupaDb, readCard, schemas, validRows } from '../db';
import type { ListingEntry, Marketplace, WatchEvent } from '../model';
import { problemOf } from '../net';
import type { SearchPages } from '../search-pages';
import { DAY_MS } from '../stats';
import type { PositionsReply, ScanStatus } from './protocol';
import { MAX_QUERIES, MAX_REGIONS, type PositionRegion, type PositionRow, positionsKv, ScanProgressSchema } from './tables';

export const DEFAULT_SCAN_DEPTH = 10;
/** Places lost between two checks that make a task. */
export const POSITION_DROP = 10;
export { MAX_QUERIES } from './tables';

const HISTORY_DAYS = 180;

type ScanProgress = z.infer<typeof ScanProgressSchema>;
const SCAN_PREFIX = positionsKv.scanProgress.key;
const scanProgress = kvFamily<ScanProgress, [Marketplace, string]>(positionsKv.scanProgress);
const extraRegions = kvItem(positionsKv.regions);

interface Scan {
  status: ScanStatus;
  cancelled: boolean;
}

/**
 * One search page of a marketplace whose scans read their own pages (Ozon's listing page JSON):
 * tiles numbered from 1 within the page; a page past the results is empty.
 */
export type ScanPages = (ask: { query: string; page: number }) => Promise<ListingEntry[]>;

/** The region of scans on a marketplace whose search has none to pick (Ozon): the browser's own. */
export const NO_REGION = 0;

export interface PositionsDeps {
  db: LupaDb;
  /**
   * Marketplaces scanned through their own pages, with no regions (Ozon); a place is counted across
   * the pages walked. Others (WB) go through `searchPages` in the user's regions.
   */
  markets?: Partial<Record<Marketplace, ScanPages>>;
  /** A tracked query's place fell by at least POSITION_DROP (or out of the pages scanned). */
  onDrop?: (events: WatchEvent[]) => Promise<void>;
  searchPages: SearchPages;
  region: () => Promise<number>;
  depth: () => Promise<number>;
  now?: () => number;
}

const STOP_WORDS = new Set([
  'и',
  'в',
  'во',
  'на',
  'с',
  'со',
  'из',
  'для',
  'под',
  'по',
  'от',
  'до',
  'без',
  'к',
  'у',
  'о',
  'a',
  'the',
  // units: part of a title, rarely of a query
  'гб',
  'тб',
  'мл',
  'л',
  'шт',
  'см',
  'мм',
  'кг',
  'г',
  'вт',
  'мач',
]);

/** A few queries a buyer would type, from the product's title: its first words, then one more. */
export function suggestQueries(title: string, brand = ''): string[] {
  const words = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
  const out = new Set<string>();
  if (words.length >= 2) out.add(words.slice(0, 2).join(' '));
  if (words.length >= 3) out.add(words.slice(0, 3).join(' '));
  if (words.length >= 3) out.add(`${words[0]} ${words[2]}`);
  if (brand.trim() && words[0]) out.add(`${words[0]} ${brand.trim().toLowerCase()}`);
  if (words.length === 1) out.add(words[0] as string);
  return [...out].slice(0, 4);
}

export function createPositionsService(deps: PositionsDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const scans = new Map<string, Scan>();
  const keyOf = (marketplace: Marketplace, productId: string) => `${marketplace}:${productId}`;

  async function queries(marketplace: Marketplace, productId: string): Promise<string[]> {
    const rows = validRows(
      schemas.positionQueries,
      await db.positionQueries.where('[marketplace+productId]').equals([marketplace, productId]).toArray(),
      'positionQueries',
    );
    return rows.sort((a, b) => a.addedAt - b.addedAt).map((r) => r.query);
  }

  /** The regions the user added (none when the stored list no longer fits its schema). */
  const regions = async (): Promise<PositionRegion[]> => (await extraRegions.get(db)) ?? [];

  /**
   * A scan's progress lives in the store, written after every page: Chrome may stop the worker in
   * the middle of a scan, and the next start resumes it where it stopped (see `resume`).
   */
  const saveProgress = (state: ScanProgress) => scanProgress(state.marketplace, state.productId).set(db, state);

  async function runScan(scan: Scan, state: ScanProgress) {
    const { marketplace, productId, depth } = state;
    const ownPages = deps.markets?.[marketplace];
    try {
      while (state.left.length > 0 && !scan.cancelled) {
        const current = state.left[0] as ScanProgress['left'][number];
        const { query } = current;
        const region = current.region ?? state.region;
        const row: PositionRow = {
          marketplace,
          productId,
          query,
          region,
          at: now(),
          organic: null,
          ad: null,
          cpm: null,
          page: null,
          depth,
        };
        for (; current.page <= depth && !scan.cancelled; current.page++) {
          const entries = ownPages
            ? await ownPages({ query, page: current.page })
            : await deps.searchPages({ query, page: current.page, fresh: true, region });
          const found = entries.find((e) => e.id === productId);
          if (found) {
            // WB shows an advertised card once, in its paid slot; `organic` is where it would stand unpaid.
            // A marketplace numbering tiles per page (Ozon) gets the tiles of the pages before added.
            const before = ownPages ? (current.seen ?? 0) : 0;
            Object.assign(row, {
              organic: found.organic + before,
              ad: found.ad ? found.ad.position + before : null,
              cpm: found.ad?.cpm ?? null,
              page: current.page,
            });
            break;
          }
          if (entries.length === 0) break; // the results ended before `depth`
          if (current.page < depth) {
            state.done++;
            scan.status.done = state.done;
            const next = { ...current, page: current.page + 1, ...(ownPages ? { seen: (current.seen ?? 0) + entries.length } : {}) };
            await saveProgress({ ...state, left: [next, ...state.left.slice(1)] });
            Object.assign(current, { seen: next.seen });
          }
        }
        if (scan.cancelled) break;
        row.at = now();
        const previous = validRows(
          schemas.positions,
          await db.positions
            .where('[marketplace+productId+query+region+at]')
            .between([marketplace, productId, query, region, 0], [marketplace, productId, query, region, Number.MAX_SAFE_INTEGER])
            .toArray(),
          'positions',
        ).pop();
        // The query's row and the shortened progress in one transaction: a stop between them
        // can neither lose the row nor write it twice.
        state.left = state.left.slice(1);
        state.done = state.total - state.left.length * depth;
        scan.status.done = state.done;
        await db.transaction('rw', [db.positions, db.kv], async () => {
          await db.positions.put(row);
          if (state.left.length) await saveProgress(state);
          else await scanProgress(marketplace, productId).delete(db);
        });
        // A drop is a task in the user's own region; other regions are for comparing.
        const own = region === state.region;
        if (own && previous?.organic != null && (row.organic === null || row.organic - previous.organic >= POSITION_DROP)) {
          const name = (await readCard(db, { marketplace, id: productId }))?.name ?? '';
          await deps.onDrop?.([
            {
              key: `scan-${row.at}:${marketplace}:${productId}:${query}:position-drop`,
              marketplace,
              id: productId,
              name: `${name} «${query}»`,
              kind: 'position-drop',
              at: row.at,
              from: previous.organic,
              to: row.organic,
              read: 0,
            },
          ]);
        }
      }
      scan.status.state = scan.cancelled ? 'cancelled' : 'done';
    } catch (error) {
      scan.status.state = 'failed';
      scan.status.problem = problemOf(error).kind;
    }
    if (scan.status.state !== 'done') await scanProgress(marketplace, productId).delete(db);
    scan.status.finishedAt = now();
  }

  return {
    /** `own`: the asking tab's region (the address the user has chosen on WB there); else the user's own as last known. */
    async get(
      marketplace: Marketplace,
      productId: string,
      title: { name: string; brand: string } | null,
      own?: number,
    ): Promise<PositionsReply> {
      const regional = !deps.markets?.[marketplace];
      const [list, rows, region, added] = await Promise.all([
        queries(marketplace, productId),
        db.positions.where('[marketplace+productId]').equals([marketplace, productId]).toArray(),
        regional ? (own ?? deps.region()) : NO_REGION,
        regional ? regions() : [],
      ]);
      const from = now() - HISTORY_DAYS * DAY_MS;
      const valid = validRows(schemas.positions, rows, 'positions').filter((r) => r.at >= from);
      // Positions differ by region: the history shown is the current region's; the others give
      // their latest row per query, side by side.
      const history = valid.filter((r) => r.region === region).sort((a, b) => a.at - b.at);
      const others = added.filter((r) => r.dest !== region);
      const latest = new Map<string, PositionRow>();
      for (const r of valid) {
        if (!others.some((o) => o.dest === r.region)) continue;
        const key = `${r.region}|${r.query}`;
        if ((latest.get(key)?.at ?? -1) < r.at) latest.set(key, r);
      }
      return {
        queries: list,
        suggestions: title ? suggestQueries(title.name, title.brand).filter((q) => !list.includes(q)) : [],
        rows: history,
        scan: scans.get(keyOf(marketplace, productId))?.status ?? null,
        region,
        regions: others.map(({ dest, name }) => ({ dest, name })),
        regionRows: [...latest.values()].filter((r) => list.includes(r.query)),
      };
    },

    /** Adds a region for every product's scans (at most MAX_REGIONS; the same region again renames it). */
    async addRegion(dest: number, name: string): Promise<void> {
      const list = await regions();
      const kept = list.filter((r) => r.dest !== dest);
      if (kept.length >= MAX_REGIONS) throw new RangeError(`at most ${MAX_REGIONS} regions`);
      await extraRegions.set(db, [...kept, { dest, name, addedAt: now() }]);
    },

    async removeRegion(dest: number): Promise<void> {
      await extraRegions.set(
        db,
        (await regions()).filter((r) => r.dest !== dest),
      );
    },

    async setQueries(marketplace: Marketplace, productId: string, list: readonly string[]): Promise<void> {
      const wanted = [...new Set(list.map((q) => q.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))].slice(0, MAX_QUERIES);
      const current = await queries(marketplace, productId);
      await db.transaction('rw', db.positionQueries, async () => {
        for (const q of current) if (!wanted.includes(q)) await db.positionQueries.delete([marketplace, productId, q]);
        let at = now();
        for (const q of wanted) if (!current.includes(q)) await db.positionQueries.put({ marketplace, productId, query: q, addedAt: at++ });
      });
    },

    async start(marketplace: Marketplace, productId: string, own?: number): Promise<ScanStatus> {
      const key = keyOf(marketplace, productId);
      const running = scans.get(key);
      if (running?.status.state === 'running') return running.status;
      const list = await queries(marketplace, productId);
      const depth = await deps.depth();
      const regional = !deps.markets?.[marketplace];
      const region = regional ? (own ?? (await deps.region())) : NO_REGION;
      // Each query in the user's own region first, then in each region added (where there are regions).
      const dests = [region, ...(regional ? await regions() : []).map((r) => r.dest).filter((d) => d !== region)];
      const left = dests.flatMap((dest) => list.map((query) => ({ query, page: 1, region: dest })));
      const scan: Scan = {
        cancelled: false,
        status: { state: 'running', done: 0, total: left.length * depth, startedAt: now(), finishedAt: null, problem: null },
      };
      scans.set(key, scan);
      if (list.length === 0) {
        scan.status.state = 'done';
        scan.status.finishedAt = now();
      } else {
        const state: ScanProgress = {
          marketplace,
          productId,
          region,
          depth,
          startedAt: scan.status.startedAt,
          done: 0,
          total: scan.status.total,
          left,
        };
        await saveProgress(state);
        void runScan(scan, state);
      }
      return scan.status;
    },

    /** Scans a stopped worker left unfinished go on from the page they had reached. */
    async resume(): Promise<number> {
      const stored = await db.kv.where('key').startsWith(`${SCAN_PREFIX}:`).toArray();
      let resumed = 0;
      for (const row of stored) {
        const parsed = ScanProgressSchema.safeParse(row.value);
        if (!parsed.success) {
          await db.kv.delete(row.key);
          continue;
        }
        const state = parsed.data;
        const key = keyOf(state.marketplace, state.productId);
        if (scans.get(key)?.status.state === 'running') continue;
        const scan: Scan = {
          cancelled: false,
          status: { state: 'running', done: state.done, total: state.total, startedAt: state.startedAt, finishedAt: null, problem: null },
        };
        scans.set(key, scan);
        void runScan(scan, state);
        resumed++;
      }
      return resumed;
    },

    cancel(marketplace: Marketplace, productId: string): ScanStatus | null {
      const scan = scans.get(keyOf(marketplace, productId));
      if (scan && scan.status.state === 'running') scan.cancelled = true;
      return scan?.status ?? null;
    },
  };
}

export type PositionsService = ReturnType<typeof createPositionsService>;
