// Competitors and pricing: links between own items and competitors, costs, prices-page figures.
import { z } from 'zod';
import { ArticleIdSchema, MarketplaceSchema, ProductRefSchema } from '../model';

const CostsSchema = z.object({
  cost: z.number().int().nonnegative().max(100_000_000).nullable(),
  commissionPct: z.number().min(0).max(100).nullable(),
  logistics: z.number().int().nonnegative().max(100_000_000).nullable(),
});

/** Beside each own item on a cabinet's prices page: its competitors' prices and its costs. */
export const CompetitorFiguresSchema = z.object({
  id: z.string(),
  competitors: z.object({
    min: z.number().int().nullable(),
    median: z.number().int().nullable(),
    priced: z.number().int(),
    linked: z.number().int(),
  }),
  oldestAt: z.number().nullable(),
  costs: CostsSchema.nullable(),
  problem: z.string().nullable(),
  /**
   * WB's SPP on this own item (the own-numbers feature, when it is there): known, 'unknown' (no
   * seller prices or no storefront card yet), or null where there is none to know (Ozon).
   */
  spp: z
    .union([z.object({ pct: z.number().min(0).max(100), storefront: z.number().int(), at: z.number() }), z.literal('unknown')])
    .nullable(),
  /** WB's commission by the item's subject (seller API tariffs): known, 'unknown', or null where Lupa cannot know it. */
  commission: z
    .union([z.object({ pct: z.number().min(0).max(100), fbs: z.number().min(0).max(100).nullable() }), z.literal('unknown')])
    .nullable(),
  /** The item's orders per day over the last 7 days (WB's sales funnel), where read. */
  ordersPerDay7: z.number().nonnegative().nullable(),
  /** WB's logistics a unit (box tariff of the warehouse holding the stock × the package volume): known, 'unknown', or null. */
  logistics: z
    .union([
      z.object({ kopecks: z.number().int().nonnegative(), warehouse: z.string().max(300).nullable(), liters: z.number().nonnegative() }),
      z.literal('unknown'),
    ])
    .nullable(),
});
export type CompetitorFiguresReply = z.infer<typeof CompetitorFiguresSchema>;

export const OwnItemSchema = ProductRefSchema.extend({
  name: z.string(),
  costs: CostsSchema.nullable(),
  competitors: z.array(ProductRefSchema.extend({ name: z.string(), priceNow: z.number().int().nullable() })),
});
export type OwnItem = z.infer<typeof OwnItemSchema>;

/** A storefront product's place among the seller's items: the own items, and which it competes with. */
export const CompetitorLinksReplySchema = z.object({
  own: z.array(ProductRefSchema.extend({ name: z.string() })),
  linkedTo: z.array(ProductRefSchema),
});

export const competitorsProtocol = {
  /** A cabinet's prices page asks for the figures beside the seller's items on screen. */
  getCompetitorFigures: {
    request: z.object({ marketplace: MarketplaceSchema, ids: z.array(ArticleIdSchema).max(500) }),
    reply: z.object({ items: z.array(CompetitorFiguresSchema) }),
  },
  setUnitCosts: { request: ProductRefSchema.extend({ costs: CostsSchema }), reply: z.object({ saved: z.literal(true) }) },
  getCompetitorLinks: { request: ProductRefSchema, reply: CompetitorLinksReplySchema },
  /**
   * Links (or unlinks) a competitor to one of the seller's items. `competitor` is a ref, or what
   * the user pasted in the options page: a WB/Ozon product URL or an article.
   */
  setCompetitorLink: {
    request: z.object({
      mine: ProductRefSchema,
      competitor: z.union([ProductRefSchema, z.string().trim().min(1).max(500)]),
      linked: z.boolean(),
    }),
    reply: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), reason: z.string() })]),
  },
  getOwnItems: { request: z.object({}), reply: z.object({ items: z.array(OwnItemSchema) }) },
} as const;
