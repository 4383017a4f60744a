// The watchlist's tables: watched products with the user's last look, and the tasks refreshes raise.
import { z } from 'zod';
import { ArticleIdSchema, type Marketplace, MarketplaceSchema, type WatchEvent, WatchEventSchema } from '../model';
import { table, userData } from '../tables';

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
