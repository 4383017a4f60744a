// Search positions' tables: one row per check (never rewritten) and the queries tracked per product.
import { z } from 'zod';
import { ArticleIdSchema, KopecksSchema, type Marketplace, MarketplaceSchema } from '../model';
import { table, userData } from '../tables';

/** Where a product stood for a query at one moment: one row per scan, never rewritten. */
export const PositionRowSchema = z.object({
  marketplace: MarketplaceSchema,
  productId: ArticleIdSchema,
  query: z.string(),
  region: z.number().int(),
  at: z.number(),
  /** null: not found within the pages scanned. */
  organic: z.number().int().positive().nullable(),
  ad: z.number().int().positive().nullable(),
  cpm: KopecksSchema.nullable(),
  /** The search page the product was found on (organic, else ad). */
  page: z.number().int().positive().nullable(),
  /** How many pages were scanned: "not in the first N pages". */
  depth: z.number().int().positive(),
});
export type PositionRow = z.infer<typeof PositionRowSchema>;

export const PositionQuerySchema = z.object({
  marketplace: MarketplaceSchema,
  productId: ArticleIdSchema,
  query: z.string().min(1).max(120),
  addedAt: z.number(),
});
export type PositionQuery = z.infer<typeof PositionQuerySchema>;

export const positionsTables = {
  positions: table<PositionRow, [Marketplace, string, string, number, number]>(PositionRowSchema, {
    3: '&[marketplace+productId+query+region+at], [marketplace+productId]',
  }),
  positionQueries: userData(
    table<PositionQuery, [Marketplace, string, string]>(PositionQuerySchema, {
      3: '&[marketplace+productId+query], [marketplace+productId]',
    }),
  ),
};
