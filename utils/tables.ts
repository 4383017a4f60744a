// How a feature declares its IndexedDB tables: the row schema (every read is validated against it)
// and the index spec at each schema version that changed it. utils/db.ts assembles every
// feature's tables into the Dexie versions; a feature left out simply declares nothing.
import type { Transaction } from 'dexie';
import type { z } from 'zod';

export interface TableSpec<Row, Key> {
  row: z.ZodType<Row>;
  /** Dexie index spec by the schema version that introduced or changed it. */
  indexes: Readonly<Record<number, string>>;
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

export function table<Row, Key>(row: z.ZodType<Row>, indexes: Record<number, string>, upgrades?: TableSpec<Row, Key>['upgrades']) {
  return { row, indexes, upgrades } as TableSpec<Row, Key>;
}

/** Marks a table as holding the user's own data (see TableSpec.userData). */
export const userData = <Row, Key>(spec: TableSpec<Row, Key>): TableSpec<Row, Key> => ({ ...spec, userData: true });
