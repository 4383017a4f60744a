// Search positions: the queries tracked per product, their checks and the running scan.
import { z } from 'zod';
import { ArticleIdSchema, MarketplaceSchema, ProblemKindSchema } from '../model';
import { PositionRowSchema } from './tables';

const ProductRefSchema = z.object({ marketplace: MarketplaceSchema, productId: ArticleIdSchema });

export const ScanStatusSchema = z.object({
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Search pages walked (or skipped once the product was found) out of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  problem: ProblemKindSchema.nullable(),
});
export type ScanStatus = z.infer<typeof ScanStatusSchema>;

export const PositionsReplySchema = z.object({
  queries: z.array(z.string()),
  suggestions: z.array(z.string()),
  rows: z.array(PositionRowSchema),
  scan: ScanStatusSchema.nullable(),
  /** The user's own region, whose history `rows` is. */
  region: z.number().int(),
  /** Regions added for scans (the own one left out), with each one's latest row per query. */
  regions: z.array(z.object({ dest: z.number().int(), name: z.string() })),
  regionRows: z.array(PositionRowSchema),
});
export type PositionsReply = z.infer<typeof PositionsReplySchema>;

export const TrackedPositionsReplySchema = z.object({
  products: z.array(
    z.object({
      marketplace: MarketplaceSchema,
      productId: z.string(),
      name: z.string(),
      queries: z.array(z.string()),
      rows: z.array(PositionRowSchema),
    }),
  ),
});

export const positionsProtocol = {
  getPositions: { request: ProductRefSchema, reply: PositionsReplySchema },
  setPositionQueries: {
    request: ProductRefSchema.extend({ queries: z.array(z.string().trim().min(1).max(120)).max(20) }),
    reply: PositionsReplySchema,
  },
  startPositionScan: { request: ProductRefSchema, reply: ScanStatusSchema },
  cancelPositionScan: { request: ProductRefSchema, reply: ScanStatusSchema.nullable() },
  getTrackedPositions: { request: z.object({}), reply: TrackedPositionsReplySchema },
  /** Adds the region the asking WB tab delivers to (its site record), named by its address. */
  addPositionRegion: { request: ProductRefSchema, reply: PositionsReplySchema },
  removePositionRegion: { request: ProductRefSchema.extend({ dest: z.number().int() }), reply: PositionsReplySchema },
} as const;
