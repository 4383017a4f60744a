// The watchlist and its tasks: roles, what changed since the last look, refreshes.
import { z } from 'zod';
import { MarketplaceSchema, ProductRefSchema, WatchEventSchema } from '../model';

const RoleSchema = z.enum(['mine', 'competitor']).nullable();

/** The popup's view of the watchlist: open tasks and the watched products (the look is marked). */
export const WatchlistReplySchema = z.object({
  tasks: z.array(WatchEventSchema),
  watchlist: z.array(
    z.object({
      marketplace: MarketplaceSchema,
      id: z.string(),
      role: z.enum(['mine', 'competitor']),
      name: z.string(),
      priceNow: z.number().int().nullable(),
      rating: z.number().nullable(),
      fetchedAt: z.number().nullable(),
      /** Kopecks since the user last looked; null when unknown. */
      priceChange: z.number().int().nullable(),
      /** Estimated orders per day (stock history); null until there is enough of it. */
      salesPerDay: z.number().nonnegative().nullable(),
    }),
  ),
});

export const RefreshSummarySchema = z.object({
  runId: z.string(),
  resumed: z.boolean(),
  checked: z.number().int(),
  events: z.number().int(),
  open: z.number().int(),
  problem: z.string().nullable(),
});

export const watchlistProtocol = {
  getWatch: { request: ProductRefSchema, reply: z.object({ role: RoleSchema }) },
  setWatch: { request: ProductRefSchema.extend({ role: RoleSchema }), reply: z.object({ role: RoleSchema }) },
  getWatchlist: { request: z.object({}), reply: WatchlistReplySchema },
  markTasksRead: { request: z.object({ keys: z.array(z.string().max(200)).max(1000) }), reply: z.object({ open: z.number().int() }) },
  runRefresh: { request: z.object({}), reply: RefreshSummarySchema },
} as const;
