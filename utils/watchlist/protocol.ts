// The watchlist and its tasks: roles, what changed since the last look, refreshes.
import { z } from 'zod';
import { MarketplaceSchema, ProductRefSchema, WatchEventSchema } from '../model';
import { LastRefreshSchema } from './tables';

const RoleSchema = z.enum(['mine', 'competitor']).nullable();

/**
 * The popup's view of the watchlist: open tasks (the newest few of each kind, with each kind's
 * count), the watched products with their summaries, the last refresh and when the next one runs.
 */
export const WatchlistReplySchema = z.object({
  tasks: z.array(WatchEventSchema),
  /** Open tasks per kind (all of them, not only those in `tasks`). */
  taskCounts: z.array(z.object({ kind: WatchEventSchema.shape.kind, count: z.number().int() })),
  /** null before the first refresh. */
  lastRefresh: LastRefreshSchema.nullable(),
  /** When the alarm runs next (ms since epoch); null when no alarm is set. */
  nextRefreshAt: z.number().nullable(),
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
      /** Since when the marketplace no longer returns the card ("не найден" with the date); null when it does. */
      notFoundAt: z.number().nullable(),
    }),
  ),
});

/** What a refresh run answers: the tally the popup keeps as the last refresh, with the tasks it raised and those open. */
export const RefreshSummarySchema = LastRefreshSchema.pick({
  runId: true,
  resumed: true,
  checked: true,
  changed: true,
  notFound: true,
  problems: true,
  problem: true,
  skipped: true,
}).extend({
  events: z.number().int(),
  open: z.number().int(),
});

export const watchlistProtocol = {
  getWatch: { request: ProductRefSchema, reply: z.object({ role: RoleSchema }) },
  setWatch: { request: ProductRefSchema.extend({ role: RoleSchema }), reply: z.object({ role: RoleSchema }) },
  getWatchlist: { request: z.object({}), reply: WatchlistReplySchema },
  markTasksRead: {
    request: z.object({
      keys: z.array(z.string().max(200)).max(1000),
      /** Every open task of these kinds too (a whole group at once). */
      kinds: z.array(WatchEventSchema.shape.kind).max(10).optional(),
    }),
    reply: z.object({ open: z.number().int() }),
  },
  runRefresh: { request: z.object({}), reply: RefreshSummarySchema },
} as const;
