// Twins' table: the user's links between a product and the same product on the other marketplace.
import { z } from 'zod';
import { ArticleIdSchema, type Marketplace, MarketplaceSchema } from '../model';
import { table, userData } from '../tables';

/** A product linked by the user to the same product on the other marketplace (stored both ways). */
export const TwinLinkSchema = z.object({
  marketplace: MarketplaceSchema,
  id: ArticleIdSchema,
  twinMarketplace: MarketplaceSchema,
  twinId: ArticleIdSchema,
  linkedAt: z.number(),
});
export type TwinLink = z.infer<typeof TwinLinkSchema>;

export const twinsTables = {
  twins: userData(table<TwinLink, [Marketplace, string]>(TwinLinkSchema, { 4: '&[marketplace+id]' })),
};
