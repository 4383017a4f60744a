// The own numbers' rows: the seller's own items and prices from WB's seller API (v9), and the
// catalogue import's cursor in the kernel's kv table (so a stopped import resumes, nothing doubled).
import { z } from 'zod';
import { InstantSchema } from '../kv-keys';
import { type OwnPrice, OwnPriceSchema } from '../marketplaces/wb/seller-prices';
import { SellerProblemSchema } from '../marketplaces/wb/seller-state';
import type { Marketplace } from '../model';
import { kvKey, table } from '../tables';

/**
 * The own catalogue's import: a cursor over `/api/v2/list/goods/filter` pages. `running` resumes
 * where it stopped (a worker stopped mid-import, a wait), `done` and `failed` start afresh.
 */
export const CatalogueImportSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  startedAt: InstantSchema,
  /** Goods read so far in this import: the next page's offset. */
  offset: z.number().int().nonnegative().max(10_000_000),
  finishedAt: InstantSchema.nullable(),
  /** Why it stopped or waits (a wait keeps it `running`). */
  problem: SellerProblemSchema.nullable(),
});
export type CatalogueImport = z.infer<typeof CatalogueImportSchema>;

/** v9: the seller's own items and prices (prices & discounts), replaced by each full import. */
export const ownNumbersTables = {
  ownPrices: table<OwnPrice, [Marketplace, string]>(OwnPriceSchema, { 9: '&[marketplace+id], importedAt' }),
};

export const ownNumbersKv = {
  catalogueImport: kvKey('own-catalogue-import', CatalogueImportSchema),
};
