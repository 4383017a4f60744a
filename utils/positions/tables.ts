// Search positions' tables: one row per check (never rewritten) and the queries tracked per product.
import { z } from 'zod';
import { ArticleIdSchema, KopecksSchema, type Marketplace, MarketplaceSchema } from '../model';
import { kvKey, kvPrefix, table, userData } from '../tables';

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

/** Queries tracked per product. */
export const MAX_QUERIES = 20;
/** Regions scanned besides the user's own. */
export const MAX_REGIONS = 5;

/** A region the user added for scans (read off a WB tab whose delivery address is there). */
export const PositionRegionSchema = z.object({
  dest: z.number().int().min(-1e12).max(1e12),
  name: z.string().min(1).max(300),
  addedAt: z.number(),
});
export type PositionRegion = z.infer<typeof PositionRegionSchema>;
/** The deepest scan the settings allow (positionDepth), in search pages. */
const MAX_DEPTH = 50;

export const ScanProgressSchema = z.object({
  marketplace: MarketplaceSchema,
  productId: z.string(),
  region: z.number(),
  depth: z.number().int().positive().max(MAX_DEPTH),
  startedAt: z.number(),
  done: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_QUERIES * (MAX_REGIONS + 1) * MAX_DEPTH),
  total: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_QUERIES * (MAX_REGIONS + 1) * MAX_DEPTH),
  /** Queries still to check, the first from the page it had reached. */
  /** Queries still to check (per region: a scan walks each query in each region), the first from the page it had reached. */
  left: z
    .array(
      z.object({
        query: z.string().max(120),
        page: z.number().int().positive().max(MAX_DEPTH),
        /** Absent in progress stored before regions: the scan's own `region`. */
        region: z.number().int().min(-1e12).max(1e12).optional(),
        /** Tiles on the pages before `page`, where a marketplace numbers tiles per page (Ozon). */
        seen: z.number().int().nonnegative().max(1_000_000).optional(),
      }),
    )
    .max(MAX_QUERIES * (MAX_REGIONS + 1)),
});

export const positionsKv = {
  /** A scan's progress, stored after every page so a stopped worker resumes it (`scan:<marketplace>:<id>`). */
  scanProgress: kvPrefix('scan', ScanProgressSchema),
  /** Regions scanned besides the user's own, for every product (`position-regions`). */
  regions: kvKey('position-regions', z.array(PositionRegionSchema).max(MAX_REGIONS)),
};
