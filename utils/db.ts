// Lupa's IndexedDB, opened only by the background and extension pages: IndexedDB is per origin,
// so a database opened in a content script would belong to wildberries.ru, not to Lupa.
// The kernel's tables are declared here; each feature declares its own in utils/<feature>/tables.ts
// and is listed once in TABLES. Every schema version ever shipped stays readable: a table's index
// spec is kept by the version that introduced or changed it, a data change has an upgrade, and
// tests/unit/db.test.ts opens a database written by each older version.
import Dexie, { type IndexableType, type Table, type Transaction } from 'dexie';
import { z } from 'zod';
import { competitorsTables } from './competitors/tables';
import { complaintsTables } from './complaints/tables';
import { KERNEL_KV } from './kv-keys';
import { listingSummaryKv } from './listing-summary/tables';
import {
  type ChangeRow,
  ChangeRowSchema,
  type Marketplace,
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
} from './model';
import { ownNumbersKv, ownNumbersTables } from './own-numbers/tables';
import { positionsKv, positionsTables } from './positions/tables';
import { codecOf, monthOf, monthTables, packMonths, putMerged, type SeriesTable } from './series';
import { suppliesKv, suppliesTables } from './supplies/tables';
import { type KvSpec, type TableSpec, table } from './tables';
import { twinsTables } from './twins/tables';
import { unansweredKv } from './unanswered/tables';
import { watchlistKv, watchlistTables } from './watchlist/tables';

export const DB_NAME = 'lupa';

export interface KvRow {
  key: string;
  value: unknown;
}
const KvRowSchema = z.object({ key: z.string(), value: z.unknown() }) as z.ZodType<KvRow>;

/**
 * The kernel's tables. v1: latest card per product, observed price points, stock snapshots, review
 * summaries, kv. v2: price points also come from the marketplace's published history, so each
 * carries its `source` (v1 rows were all Lupa's own observations). v3: search pages kept for ten
 * minutes (shared by badges and scans). v6: the change log — what changed on a card between looks.
 * v14: the price points and stock snapshots packed one row per product and month.
 */
const KERNEL_TABLES = {
  cards: table<ProductCard, [Marketplace, string]>(ProductCardSchema, { 1: '&[marketplace+id], fetchedAt' }),
  reviewSummaries: table<ReviewSummary, [Marketplace, string, number]>(ReviewSummarySchema, { 1: '&[marketplace+rootId+at]' }),
  kv: table<KvRow, string>(KvRowSchema, { 1: '&key' }),
  searchPages: table<SearchPage, [Marketplace, string, string, number, number]>(SearchPageSchema, {
    3: '&[marketplace+query+sort+region+page], fetchedAt',
  }),
  changes: table<ChangeRow, [Marketplace, string, number, string]>(ChangeRowSchema, {
    6: '&[marketplace+productId+at+field], [marketplace+productId]',
  }),
  // v14: price points and stock snapshots packed one row per product and month (utils/series.ts).
  ...monthTables,
};

/** Rows read from a flat history table at a time while v14 packs them. */
const MOVE_ROWS = 10_000;

/**
 * v14's upgrade of one flat history table: its rows, read a page at a time by their key (product,
 * then time), packed into month rows; the table itself is then deleted (its index spec is null).
 * A row whose time is no instant cannot be placed in a month: it is dropped, with a warning.
 */
async function moveToMonths(tx: Transaction, name: SeriesTable): Promise<void> {
  const flat = tx.table(name);
  const months = tx.table(codecOf(name).months);
  let after: IndexableType | undefined;
  let dropped = 0;
  for (;;) {
    const rows = (await (after === undefined ? flat.orderBy(':id') : flat.where(':id').above(after)).limit(MOVE_ROWS).toArray()) as Array<
      Record<string, unknown>
    >;
    const last = rows[rows.length - 1];
    if (!last) break;
    after = [last.marketplace, last.productId, last.at] as IndexableType;
    const placed = rows.filter((r) => typeof r.at === 'number' && Number.isFinite(monthOf(r.at)));
    dropped += rows.length - placed.length;
    await putMerged(months, packMonths(name, placed));
    (tx.db as LupaDb).onUpgradeStep?.();
    if (rows.length < MOVE_ROWS) break;
  }
  if (dropped > 0) console.warn(`[lupa] ${dropped} row(s) of ${name} without a time were not kept`);
}

/**
 * The flat history tables of v1–v13, deleted by v14 once their rows are packed into month rows.
 * Declared only for the versions that had them: no code reads them.
 */
const RETIRED_TABLES = {
  pricePoints: table<PricePoint, [Marketplace, string, number]>(
    PricePointSchema,
    { 1: '&[marketplace+productId+at]', 2: '&[marketplace+productId+at], source', 14: null },
    {
      2: (tx) =>
        tx
          .table('pricePoints')
          .toCollection()
          .modify((row: Partial<PricePoint>) => {
            row.source ??= 'observed';
          }),
      14: (tx) => moveToMonths(tx, 'pricePoints'),
    },
  ),
  stockSnapshots: table<StockSnapshot, [Marketplace, string, number]>(
    StockSnapshotSchema,
    { 1: '&[marketplace+productId+at]', 14: null },
    { 14: (tx) => moveToMonths(tx, 'stockSnapshots') },
  ),
};

/** Every table: the kernel's and one line per feature (v3 positions, v4 twins, v5 and v8 watchlist, v7 competitors, v9 and v10 own numbers, v11 complaint digests, v12 supplies). */
export const TABLES = {
  ...KERNEL_TABLES,
  ...positionsTables,
  ...twinsTables,
  ...watchlistTables,
  ...competitorsTables,
  ...ownNumbersTables,
  ...complaintsTables,
  ...suppliesTables,
};
type Tables = typeof TABLES;

/** Every key of the kv table: the kernel's and one line per feature that keeps control rows there. */
export const KV_KEYS: ReadonlyArray<KvSpec<unknown>> = Object.values({
  ...KERNEL_KV,
  ...listingSummaryKv,
  ...positionsKv,
  ...watchlistKv,
  ...unansweredKv,
  ...ownNumbersKv,
  ...suppliesKv,
});

/** The declaration a kv key falls under (its own, or its family's), if any. */
export function kvSpecOf(key: string): KvSpec<unknown> | undefined {
  return KV_KEYS.find((spec) => (spec.family ? key.startsWith(`${spec.key}:`) : key === spec.key));
}
type TableName = keyof Tables;
type RowOf<S> = S extends TableSpec<infer R, unknown> ? R : never;
type KeyOf<S> = S extends TableSpec<unknown, infer K> ? K : never;
type LupaTables = { [N in TableName]: Table<RowOf<Tables[N]>, KeyOf<Tables[N]>> };

const specs = Object.entries(TABLES) as Array<[TableName, TableSpec<unknown, unknown>]>;
/** Every table any version declared, the retired ones included: what the versions are built from. */
const everySpec = [...specs, ...Object.entries(RETIRED_TABLES)] as Array<[string, TableSpec<unknown, unknown>]>;
/** The newest schema version any table declares. */
export const DB_VERSION = Math.max(...everySpec.flatMap(([, spec]) => Object.keys(spec.indexes).map(Number)));

/**
 * The Dexie stores of schema version `version`: each table's newest index spec at or before it
 * (null: the table was deleted by then).
 */
export function storesAt(version: number): Record<string, string | null> {
  const stores: Record<string, string | null> = {};
  for (const [name, spec] of everySpec) {
    const at = Object.keys(spec.indexes)
      .map(Number)
      .filter((v) => v <= version)
      .sort((a, b) => b - a)[0];
    if (at !== undefined) stores[name] = spec.indexes[at] as string | null;
  }
  return stores;
}

/** The tables of the user's own data (marked `userData` in their feature's tables.ts). */
export const USER_TABLES: readonly TableName[] = specs.filter(([, spec]) => spec.userData).map(([name]) => name);

/**
 * Whether a read-write transaction over these stores writes the user's own data and nothing else
 * (a mark, a link, a query, costs), or replaces everything (a restore, a wipe): such transactions
 * are committed with strict durability — on disk, not only handed to the OS, before they report
 * success (security.md R2). Cache writes, and refreshes that touch one user table beside the cache,
 * keep the browser's default.
 */
export function isUserDataWrite(stores: readonly string[], mode: 'readonly' | 'readwrite'): boolean {
  if (mode !== 'readwrite' || stores.length === 0) return false;
  const user = new Set<string>(USER_TABLES);
  return stores.every((s) => user.has(s)) || (user.size > 0 && [...user].every((s) => stores.includes(s)));
}

export interface LupaDb extends LupaTables {}
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the tables are declared by the registry above
export class LupaDb extends Dexie {
  /**
   * Called now and then while a long upgrade runs (v14 packs the history: 17 s for a year of 1 000
   * products): the background calls an extension API there, which keeps the worker from being
   * stopped as idle after 30 s — a stopped worker would abort the upgrade, and start it over each time.
   */
  onUpgradeStep?: () => void;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.use({
      stack: 'dbcore',
      name: 'user-data-durability',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, txOptions) =>
          down.transaction(stores, mode, isUserDataWrite(stores, mode) ? { ...txOptions, durability: 'strict' } : txOptions),
      }),
    });
    for (let version = 1; version <= DB_VERSION; version++) {
      const upgrades = everySpec.flatMap(([, spec]) => spec.upgrades?.[version] ?? []);
      const declared = this.version(version).stores(storesAt(version));
      if (upgrades.length > 0)
        declared.upgrade(async (tx) => {
          for (const upgrade of upgrades) await upgrade(tx);
        });
    }
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

/** Each table's row schema, for validated reads (validRows) and restore. */
export const schemas = Object.fromEntries(specs.map(([name, spec]) => [name, spec.row])) as {
  [N in TableName]: z.ZodType<RowOf<Tables[N]>>;
};

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

/** A product's time series (price points, stock snapshots), packed by month: utils/series.ts. */
export { addPoints, lastPoint, readAllSeries, readSeries, type SeriesTable } from './series';

/**
 * One key of the `kv` table, as declared with its schema (utils/tables.ts kvKey, registered in
 * KV_KEYS): what is read back is validated (a value that no longer fits reads as absent).
 */
export interface KvItem<T> {
  key: string;
  get: (db: LupaDb) => Promise<T | undefined>;
  set: (db: LupaDb, value: T) => Promise<void>;
  delete: (db: LupaDb) => Promise<void>;
}

export function kvItem<T>(spec: KvSpec<T>, key = spec.key): KvItem<T> {
  return {
    key,
    get: async (db) => {
      const row = await db.kv.get(key);
      if (!row) return undefined;
      const parsed = spec.value.safeParse(row.value);
      return parsed.success ? parsed.data : undefined;
    },
    set: async (db, value) => {
      await db.kv.put({ key, value });
    },
    delete: (db) => db.kv.delete(key),
  };
}

/** A family of kv keys `prefix:<part>…` sharing one schema (basket number per vol, scan per product). */
export function kvFamily<T, P extends Array<string | number> = [string | number]>(spec: KvSpec<T>) {
  return (...parts: P): KvItem<T> => kvItem(spec, `${spec.key}:${parts.join(':')}`);
}
