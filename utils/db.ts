// Lupa's IndexedDB, opened only by the background and extension pages: IndexedDB is per origin,
// so a database opened in a content script would belong to wildberries.ru, not to Lupa.
// Every schema version ever shipped stays here; a version with a data change has an upgrade, and
// tests/unit/db.test.ts opens a database written by each older version.
import Dexie, { type Table } from 'dexie';
import { z } from 'zod';
import {
  type ChangeRow,
  ChangeRowSchema,
  type CompetitorLink,
  CompetitorLinkSchema,
  type Marketplace,
  type PositionQuery,
  PositionQuerySchema,
  type PositionRow,
  PositionRowSchema,
  type PricePoint,
  PricePointSchema,
  type ProductCard,
  ProductCardSchema,
  type ProductRef,
  type ReviewSummary,
  ReviewSummarySchema,
  type SearchPage,
  SearchPageSchema,
  type StockSnapshot,
  StockSnapshotSchema,
  type TwinLink,
  TwinLinkSchema,
  type UnitCost,
  UnitCostSchema,
  type WatchEvent,
  WatchEventSchema,
  type WatchRow,
  WatchRowSchema,
} from './model';

export const DB_NAME = 'lupa';

/** v1: latest card per product, observed price points, stock snapshots, review summaries. */
export const STORES_V1 = {
  cards: '&[marketplace+id], fetchedAt',
  pricePoints: '&[marketplace+productId+at]',
  stockSnapshots: '&[marketplace+productId+at]',
  reviewSummaries: '&[marketplace+rootId+at]',
  kv: '&key',
} as const;

/**
 * v2: price points also come from the marketplace's published history, so each carries its
 * `source`; v1 rows were all Lupa's own observations.
 */
export const STORES_V2 = {
  ...STORES_V1,
  pricePoints: '&[marketplace+productId+at], source',
} as const;

/**
 * v3: listings and positions — search pages kept for ten minutes (shared by badges and scans),
 * one row per position check, and the queries the user tracks per product.
 */
export const STORES_V3 = {
  ...STORES_V2,
  searchPages: '&[marketplace+query+sort+region+page], fetchedAt',
  positions: '&[marketplace+productId+query+region+at], [marketplace+productId]',
  positionQueries: '&[marketplace+productId+query], [marketplace+productId]',
} as const;

/** v4: twins — the user's links between a product and the same product on the other marketplace. */
export const STORES_V4 = {
  ...STORES_V3,
  twins: '&[marketplace+id]',
} as const;

/** v5: the watchlist and the events its refreshes find (tasks). */
export const STORES_V5 = {
  ...STORES_V4,
  watchlist: '&[marketplace+id], role',
  events: '&key, [marketplace+id], at, read',
} as const;

/** v6: the change log — what changed on a card between two looks. */
export const STORES_V6 = {
  ...STORES_V5,
  changes: '&[marketplace+productId+at+field], [marketplace+productId]',
} as const;

/**
 * v7: the seller cabinet's pricing — which competitors each of the seller's own items is compared
 * with, and the item's cost price, commission and logistics (kept when history is thinned).
 */
export const STORES_V7 = {
  ...STORES_V6,
  competitorLinks: '&[marketplace+mineId+competitorMarketplace+competitorId], [marketplace+mineId]',
  unitCosts: '&[marketplace+id]',
} as const;

export interface KvRow {
  key: string;
  value: unknown;
}

export class LupaDb extends Dexie {
  cards!: Table<ProductCard, [Marketplace, string]>;
  pricePoints!: Table<PricePoint, [Marketplace, string, number]>;
  stockSnapshots!: Table<StockSnapshot, [Marketplace, string, number]>;
  reviewSummaries!: Table<ReviewSummary, [Marketplace, string, number]>;
  kv!: Table<KvRow, string>;
  searchPages!: Table<SearchPage, [Marketplace, string, string, number, number]>;
  positions!: Table<PositionRow, [Marketplace, string, string, number, number]>;
  positionQueries!: Table<PositionQuery, [Marketplace, string, string]>;
  twins!: Table<TwinLink, [Marketplace, string]>;
  watchlist!: Table<WatchRow, [Marketplace, string]>;
  events!: Table<WatchEvent, string>;
  changes!: Table<ChangeRow, [Marketplace, string, number, string]>;
  competitorLinks!: Table<CompetitorLink, [Marketplace, string, Marketplace, string]>;
  unitCosts!: Table<UnitCost, [Marketplace, string]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) =>
        tx
          .table('pricePoints')
          .toCollection()
          .modify((row: Partial<PricePoint>) => {
            row.source ??= 'observed';
          }),
      );
    this.version(3).stores(STORES_V3);
    this.version(4).stores(STORES_V4);
    this.version(5).stores(STORES_V5);
    this.version(6).stores(STORES_V6);
    this.version(7).stores(STORES_V7);
  }
}

/**
 * Rows read back are validated: a row that no longer fits (a bug, a bad restore) is left in place
 * — never deleted — and skipped, with one warning naming the table.
 */
export function validRows<T>(schema: z.ZodType<T>, rows: readonly unknown[], table: string): T[] {
  const good: T[] = [];
  let bad = 0;
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) good.push(parsed.data);
    else bad++;
  }
  if (bad > 0) console.warn(`[lupa] ${bad} stored row(s) in ${table} do not fit the current format; skipped`);
  return good;
}

export function validRow<T>(schema: z.ZodType<T>, row: unknown, table: string): T | undefined {
  return row === undefined ? undefined : validRows(schema, [row], table)[0];
}

export const schemas = {
  cards: ProductCardSchema,
  pricePoints: PricePointSchema,
  stockSnapshots: StockSnapshotSchema,
  reviewSummaries: ReviewSummarySchema,
  searchPages: SearchPageSchema,
  positions: PositionRowSchema,
  positionQueries: PositionQuerySchema,
  twins: TwinLinkSchema,
  watchlist: WatchRowSchema,
  events: WatchEventSchema,
  changes: ChangeRowSchema,
  competitorLinks: CompetitorLinkSchema,
  unitCosts: UnitCostSchema,
} as const;

/**
 * The stored cards of these products, in the same order: undefined where none is stored or the
 * stored one no longer fits (see validRows). One read for all of them.
 */
export async function readCards(db: LupaDb, refs: readonly ProductRef[]): Promise<Array<ProductCard | undefined>> {
  const rows = await db.cards.bulkGet(refs.map((r) => [r.marketplace, r.id] as [Marketplace, string]));
  const cards = new Map(validRows(schemas.cards, rows.filter(Boolean), 'cards').map((c) => [`${c.marketplace}:${c.id}`, c]));
  return refs.map((r) => cards.get(`${r.marketplace}:${r.id}`));
}

/** One product's stored card, when there is one that fits. */
export async function readCard(db: LupaDb, ref: ProductRef): Promise<ProductCard | undefined> {
  return validRow(schemas.cards, await db.cards.get([ref.marketplace, ref.id]), 'cards');
}

/** A product's time series (price points, stock snapshots) between two instants. */
export function seriesOf<T>(
  table: Table<T, [Marketplace, string, number]>,
  marketplace: Marketplace,
  id: string,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
) {
  return table.where('[marketplace+productId+at]').between([marketplace, id, from], [marketplace, id, to]);
}

export async function kvGet<T>(db: LupaDb, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const row = await db.kv.get(key);
  if (!row) return undefined;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

export async function kvSet(db: LupaDb, key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}

export const TimestampSchema = z.number();
export const BasketNumberSchema = z.number().int().min(1).max(99);
