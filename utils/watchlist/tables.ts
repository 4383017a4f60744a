// The watchlist's tables: watched products with the user's last look, and the tasks refreshes raise.
import { z } from 'zod';
import { ArticleIdSchema, type Marketplace, MarketplaceSchema, ProblemKindSchema, type WatchEvent, WatchEventSchema } from '../model';
import { kvKey, table, userData } from '../tables';

/** A product the user watches: their own, or a competitor's. */
export const WatchRowSchema = z.object({
  marketplace: MarketplaceSchema,
  id: ArticleIdSchema,
  role: z.enum(['mine', 'competitor']),
  addedAt: z.number(),
  /** What the user saw when they last opened the watchlist: change arrows are against it. */
  looked: z.object({ at: z.number(), price: z.number().int().nullable(), rating: z.number().nullable() }).nullable(),
  /** Orders per day at the last refresh (null: not enough stock history), kept so the popup reads it. */
  salesPerDay: z.number().nonnegative().nullable().optional(),
  /** The card as the last refresh stored it, for the popup's one read (absent until a refresh). */
  latest: z
    .object({ name: z.string(), priceNow: z.number().int().nullable(), rating: z.number().nullable(), fetchedAt: z.number() })
    .optional(),
  /** Since when the marketplace no longer returns the card (kept, never deleted); absent when it does. */
  notFoundAt: z.number().optional(),
});
export type WatchRow = z.infer<typeof WatchRowSchema>;

export const watchlistTables = {
  watchlist: userData(table<WatchRow, [Marketplace, string]>(WatchRowSchema, { 5: '&[marketplace+id], role' })),
  /** v8: `[read+kind+at]` — the popup counts open tasks per kind and reads the newest of each off the index. */
  events: table<WatchEvent, string>(WatchEventSchema, {
    5: '&key, [marketplace+id], at, read',
    8: '&key, [marketplace+id], at, read, [read+kind+at]',
  }),
};

/** A refresh under way: the products still to refresh (`marketplace:id`), so a stopped worker resumes. */
export const RefreshCursorSchema = z.object({
  runId: z.string().max(40),
  startedAt: z.number(),
  pending: z.array(z.string().max(200)),
});
export type RefreshCursor = z.infer<typeof RefreshCursorSchema>;

/** The last refresh as the popup shows it. */
export const LastRefreshSchema = z.object({
  runId: z.string(),
  resumed: z.boolean(),
  finishedAt: z.number(),
  checked: z.number().int(),
  changed: z.number().int(),
  notFound: z.number().int(),
  /** Batches or cards that could not be had (the kind of the first is `problem`). */
  problems: z.number().int(),
  problem: ProblemKindSchema.nullable(),
  /**
   * Cards not read because their marketplace is read only through its own open tab (Ozon) and none
   * was open: not a problem, not "offline" — they wait for a run with a tab.
   */
  skipped: z.number().int().nonnegative().optional(),
  /** false: the run stopped (a problem) and the rest waits for the next alarm. */
  complete: z.boolean(),
});
export type LastRefresh = z.infer<typeof LastRefreshSchema>;

export const watchlistKv = {
  /** A restored cursor names each product at most once, and no more of them than the file watches. */
  refreshCursor: kvKey('watch-refresh-cursor', RefreshCursorSchema, (cursor, file) => {
    return new Set(cursor.pending).size === cursor.pending.length && cursor.pending.length <= file.rows('watchlist');
  }),
  lastRefresh: kvKey('watch-last-refresh', LastRefreshSchema),
  /** When the user last opened the watchlist (stored once, not on every row). */
  lookedAt: kvKey('watchlist-looked-at', z.number()),
};
