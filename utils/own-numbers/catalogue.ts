// The seller's own catalogue from WB's prices & discounts API: every own item with its prices,
// read a page at a time into `ownPrices`. The import is a cursor in the kv table, written in the same
// transaction as the page it follows, so a worker stopped mid-import resumes at the next page with
// nothing lost or doubled; a wait (429) keeps it running for the next alarm. Only a complete import
// removes items the shop no longer has. Own items become "мой товар" in the watchlist (when it is
// there), unless the user gave them a role already.

import type { WatchlistPort } from '../background-kit';
import { kvItem, type LupaDb, schemas, validRows } from '../db';
import { passes, type SellerClient } from '../marketplaces/wb/seller-client';
import { GOODS_PAGE, GOODS_PATH, GoodsPageSchema, ownPricesOf } from '../marketplaces/wb/seller-prices';
import { type CatalogueImport, ownNumbersKv } from './tables';

const DAY_MS = 86_400_000;
/** A full import a day keeps prices and discounts fresh (the seller changes them in the cabinet). */
export const CATALOGUE_MAX_AGE_MS = DAY_MS;

export interface CatalogueDeps {
  db: LupaDb;
  client: SellerClient;
  guard: <T>(work: () => Promise<T>) => Promise<T>;
  watchlist: () => WatchlistPort | undefined;
  now?: () => number;
  pageSize?: number;
}

export function createCatalogue(deps: CatalogueDeps) {
  const { db, client, guard } = deps;
  const now = deps.now ?? (() => Date.now());
  const page = deps.pageSize ?? GOODS_PAGE;
  const cursor = kvItem(ownNumbersKv.catalogueImport);
  /** The import under way: `begun` once its cursor is written (the options page then follows it). */
  let running: { begun: Promise<void>; done: Promise<CatalogueImport> } | null = null;

  /** Marks the imported items as the seller's own where the user has not given them a role. */
  async function markOwn(importedAt: number) {
    const port = deps.watchlist();
    if (!port) return;
    const ids = (await db.ownPrices.where('importedAt').equals(importedAt).primaryKeys()) as Array<[string, string]>;
    for (const [, id] of ids) if ((await port.roleOf('wb', id)) === null) await port.set('wb', id, 'mine');
  }

  async function importAll(begin: () => void): Promise<CatalogueImport> {
    const before = await cursor.get(db);
    let c: CatalogueImport =
      before?.state === 'running'
        ? { ...before, problem: null }
        : { state: 'running', startedAt: now(), offset: 0, finishedAt: null, problem: null };
    await cursor.set(db, c);
    begin();
    for (;;) {
      const result = await client.request('prices', { path: GOODS_PATH, query: { limit: page, offset: c.offset } }, GoodsPageSchema);
      if (!result.ok) {
        const resumable = passes(result.problem);
        c = { ...c, state: resumable ? 'running' : 'failed', problem: result.problem, finishedAt: resumable ? null : now() };
        await cursor.set(db, c);
        return c;
      }
      const got = result.data.data?.listGoods?.length ?? 0;
      const last = got < page;
      const next: CatalogueImport = last
        ? { ...c, offset: c.offset + got, state: 'done', finishedAt: now(), problem: null }
        : { ...c, offset: c.offset + got, problem: null };
      const rows = ownPricesOf(result.data, c.startedAt);
      const startedAt = c.startedAt;
      await guard(() =>
        db.transaction('rw', db.ownPrices, db.kv, async () => {
          await db.ownPrices.bulkPut(rows);
          if (last) await db.ownPrices.where('importedAt').below(startedAt).delete();
          await cursor.set(db, next);
        }),
      );
      c = next;
      if (last) {
        await markOwn(startedAt);
        return c;
      }
    }
  }

  function start() {
    if (!running) {
      let begin: () => void = () => {};
      const begun = new Promise<void>((resolve) => {
        begin = resolve;
      });
      const done = importAll(begin).finally(() => {
        running = null;
        begin();
      });
      running = { begun, done };
    }
    return running;
  }

  return {
    /** Imports (or resumes importing) the own catalogue; one import at a time. */
    run(): Promise<CatalogueImport> {
      return start().done;
    },
    /** Starts (or joins) the import; resolves once its cursor says it runs. */
    begin(): { begun: Promise<void>; done: Promise<CatalogueImport> } {
      return start();
    },
    /** Whether the periodic refresh should run it: under way, never done, or a day old. */
    async due(): Promise<boolean> {
      const c = await cursor.get(db);
      return !c || c.state === 'running' || now() - (c.finishedAt ?? 0) >= CATALOGUE_MAX_AGE_MS;
    },
    async resumable(): Promise<boolean> {
      return (await cursor.get(db))?.state === 'running';
    },
    /** The last import's state and the items it keeps. */
    async summary(): Promise<{ import: CatalogueImport | null; items: number }> {
      return { import: (await cursor.get(db)) ?? null, items: await db.ownPrices.count() };
    },
    async items() {
      return validRows(schemas.ownPrices, await db.ownPrices.toArray(), 'ownPrices');
    },
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
