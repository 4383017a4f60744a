// Competitors and pricing: which competitors each own item is compared with, and its unit costs
// (kept when history is thinned).
import { z } from 'zod';
import { ArticleIdSchema, KopecksSchema, type Marketplace, MarketplaceSchema } from '../model';
import { table, userData } from '../tables';

/**
 * The seller's own item and a competitor's product they compare it with. Made on a storefront
 * product ("конкурент для…") or in the options page; a competitor may be on either marketplace.
 */
export const CompetitorLinkSchema = z.object({
  marketplace: MarketplaceSchema,
  mineId: ArticleIdSchema,
  competitorMarketplace: MarketplaceSchema,
  competitorId: ArticleIdSchema,
  linkedAt: z.number(),
});
export type CompetitorLink = z.infer<typeof CompetitorLinkSchema>;

/** What one unit of the seller's own item costs them: cost price and logistics in kopecks. */
export const UnitCostSchema = z.object({
  marketplace: MarketplaceSchema,
  id: ArticleIdSchema,
  cost: KopecksSchema.nullable(),
  commissionPct: z.number().min(0).max(100).nullable(),
  logistics: KopecksSchema.nullable(),
  updatedAt: z.number(),
});
export type UnitCost = z.infer<typeof UnitCostSchema>;

export const competitorsTables = {
  competitorLinks: userData(
    table<CompetitorLink, [Marketplace, string, Marketplace, string]>(CompetitorLinkSchema, {
      7: '&[marketplace+mineId+competitorMarketplace+competitorId], [marketplace+mineId]',
    }),
  ),
  unitCosts: userData(table<UnitCost, [Marketplace, string]>(UnitCostSchema, { 7: '&[marketplace+id]' })),
};
