// How a feature declares its IndexedDB tables: the row schema (every read is validated against it)
// and the index spec at each schema version that changed it. utils/db.ts assembles every
// feature's tables into the Dexie versions; a feature left out simply declares nothing.
// The kernel's `kv` table holds small control rows (cursors, back-offs, progress); each key, or
// family of keys `prefix:…`, is declared the same way with its value's schema, so that a value read
// back, or restored from a file, is checked against what the code that writes it means by it.
import type { Transaction } from 'dexie';
import type { z } from 'zod';

export interface TableSpec<Row, Key> {
  row: z.ZodType<Row>;
  /** Dexie index spec by the schema version that introduced or changed it (null: deleted by it). */
  indexes: Readonly<Record<number, string | null>>;
  /** Data changes that a version's upgrade makes to this table's rows. */
  upgrades?: Readonly<Record<number, (tx: Transaction) => Promise<unknown>>>;
  /**
   * The user's own data (what they marked, linked, typed): never thinned or freed for space, and
   * written with strict durability (utils/db.ts).
   */
  userData?: boolean;
  /** Phantom: the primary key's type, for Dexie's Table<Row, Key>. */
  readonly key?: Key;
}

export function table<Row, Key>(row: z.ZodType<Row>, indexes: Record<number, string | null>, upgrades?: TableSpec<Row, Key>['upgrades']) {
  return { row, indexes, upgrades } as TableSpec<Row, Key>;
}

/** Marks a table as holding the user's own data (see TableSpec.userData). */
export const userData = <Row, Key>(spec: TableSpec<Row, Key>): TableSpec<Row, Key> => ({ ...spec, userData: true });

/** What a restore knows of the whole file when it checks a control row against the rest of it. */
export interface FileFacts {
  /** Rows the file holds for a table. */
  rows: (table: string) => number;
}

export interface KvSpec<T> {
  /** The key, or a family's prefix (its keys are `prefix:<part>…`). */
  key: string;
  family: boolean;
  value: z.ZodType<T>;
  /** A restored value must also agree with the rest of the file (a cursor names no more products than are watched). */
  fits?(value: T, file: FileFacts): boolean;
}

/** One key of the `kv` table. */
export const kvKey = <T>(key: string, value: z.ZodType<T>, fits?: KvSpec<T>['fits']): KvSpec<T> => ({ key, family: false, value, fits });

/** A family of keys `prefix:<part>…` sharing one schema. */
export const kvPrefix = <T>(prefix: string, value: z.ZodType<T>, fits?: KvSpec<T>['fits']): KvSpec<T> => ({
  key: prefix,
  family: true,
  value,
  fits,
});
