// Listing badges: the tiles of a search, catalog, brand or seller page and their figures.
import { z } from 'zod';
import { ArticleIdSchema, ListingEntrySchema, ListingSchema, MarketplaceSchema, PanelStateSchema } from '../model';

export const ListingBadgesRequestSchema = z.object({
  marketplace: MarketplaceSchema,
  listing: ListingSchema,
  /** The tiles in view that have no badge yet: article and 0-based place among the page's tiles. */
  tiles: z.array(z.object({ id: ArticleIdSchema, index: z.number().int().nonnegative().max(10_000) })).max(500),
});
export type ListingBadgesRequest = z.output<typeof ListingBadgesRequestSchema>;

export const ListingBadgesReplySchema = z.object({
  state: PanelStateSchema,
  detail: z.string().nullable(),
  badges: z.array(
    ListingEntrySchema.extend({
      /** The organic place to show on the tile; null when the search does not list the product. */
      position: z.number().int().positive().nullable(),
      trendPct: z.number().nullable(),
    }),
  ),
});
export type ListingBadgesReply = z.infer<typeof ListingBadgesReplySchema>;

export const listingBadgesProtocol = {
  getListingBadges: { request: ListingBadgesRequestSchema, reply: ListingBadgesReplySchema },
} as const;
