// The page summary: the tiles of a listing page with what the summary needs (seller, ad, Lupa's
// own sales estimate), and the seller's choices for the bar.
import { z } from 'zod';
import { ArticleIdSchema, KopecksSchema, ListingSchema, MarketplaceSchema, PanelStateSchema } from '../model';
import { SummaryPrefsSchema } from './tables';

export const SummaryTilesRequestSchema = z.object({
  marketplace: MarketplaceSchema,
  listing: ListingSchema,
  tiles: z.array(z.object({ id: ArticleIdSchema, index: z.number().int().nonnegative().max(10_000) })).max(500),
});
export type SummaryTilesRequest = z.output<typeof SummaryTilesRequestSchema>;

export const SummaryTileSchema = z.object({
  id: ArticleIdSchema,
  name: z.string(),
  brand: z.string(),
  seller: z.object({ id: z.string(), name: z.string() }).nullable(),
  displayed: z.number().int().positive(),
  position: z.number().int().positive().nullable(),
  ad: z.object({ position: z.number().int().positive(), cpm: KopecksSchema.nullable() }).nullable(),
  priceNow: KopecksSchema.nullable(),
  rating: z.number().nullable(),
  reviewCount: z.number().int().nonnegative(),
  ordersPerDay: z.number().nonnegative().nullable(),
});

export const SummaryTilesReplySchema = z.object({
  state: PanelStateSchema,
  detail: z.string().nullable(),
  tiles: z.array(SummaryTileSchema),
});
export type SummaryTilesReply = z.infer<typeof SummaryTilesReplySchema>;

export const listingSummaryProtocol = {
  getSummaryTiles: { request: SummaryTilesRequestSchema, reply: SummaryTilesReplySchema },
  getSummaryPrefs: { request: z.object({}), reply: SummaryPrefsSchema },
  setSummaryPrefs: { request: SummaryPrefsSchema.partial(), reply: SummaryPrefsSchema },
} as const;
