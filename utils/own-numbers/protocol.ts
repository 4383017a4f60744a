// The seller's own numbers from WB's seller API: what the token can do, the own catalogue (prices
// and discounts) and its import. Replies carry what the token says and what was imported, never the token.
import { z } from 'zod';
import { SellerProblemSchema } from '../marketplaces/wb/seller-state';
import { TokenCategorySchema } from '../marketplaces/wb/seller-token';
import { ProductRefSchema } from '../model';
import { CatalogueImportSchema } from './tables';

export const SellerTokenInfoSchema = z.discriminatedUnion('state', [
  /** No token saved. */
  z.object({ state: z.literal('none') }),
  /** A saved token that does not read as a JWT of WB's. */
  z.object({ state: z.literal('unreadable') }),
  z.object({
    state: z.literal('read'),
    type: z.enum(['personal', 'service', 'basic', 'test', 'unknown']),
    categories: z.array(TokenCategorySchema),
    readOnly: z.boolean(),
    /** ms; null when the token names no expiry. */
    expires: z.number().nullable(),
  }),
]);
export type SellerTokenInfo = z.infer<typeof SellerTokenInfoSchema>;

export const OwnCatalogueSchema = z.object({ import: CatalogueImportSchema.nullable(), items: z.number().int().nonnegative() });
export type OwnCatalogue = z.infer<typeof OwnCatalogueSchema>;

const PerDay = z.number().nonnegative().max(10_000_000).nullable();
/** One own item's sales from WB's funnel (periods ending `day`, WB's day number). */
export const OwnSalesSchema = z.object({
  day: z.number().int().nonnegative(),
  at: z.number(),
  ordersPerDay7: PerDay,
  ordersPerDay30: PerDay,
  buyoutPct: z.number().min(0).max(1000).nullable(),
  revenue7: z.number().int().nonnegative().nullable(),
  funnel7: z
    .object({ views: z.number().int().nonnegative(), cart: z.number().int().nonnegative(), orders: z.number().int().nonnegative() })
    .nullable(),
  /** The last 7 days' buyouts and returns from the statistics API; null before its first import. */
  week: z
    .object({ buyouts: z.number().int().nonnegative(), returns: z.number().int().nonnegative(), forPay: z.number().int() })
    .nullable()
    .default(null),
});

export const OwnSalesReplySchema = z.discriminatedUnion('state', [
  /** Not one of the seller's items (or not WB). */
  z.object({ state: z.literal('not-own') }),
  /** The seller's item: its figures come when the user asks (`reveal`). */
  z.object({ state: z.literal('own') }),
  z.object({ state: z.literal('ok'), sales: OwnSalesSchema, problem: SellerProblemSchema.nullable() }),
  z.object({ state: z.literal('problem'), problem: SellerProblemSchema }),
]);
export type OwnSalesReply = z.infer<typeof OwnSalesReplySchema>;

export const ownNumbersProtocol = {
  /**
   * A storefront panel: is this the seller's own item, and (only once the user asks to see them,
   * `reveal`) its orders, buyouts and funnel. Nothing of the seller's goes into the page before that.
   */
  getOwnSales: { request: ProductRefSchema.extend({ reveal: z.boolean() }), reply: OwnSalesReplySchema },
  /** What the saved token says about itself (read in the background from the token, no request). */
  getSellerToken: { request: z.object({}), reply: SellerTokenInfoSchema },
  /** The own catalogue: the last import's state and how many own items it keeps. */
  getOwnCatalogue: { request: z.object({}), reply: OwnCatalogueSchema },
  /** Starts (or resumes) importing the own catalogue; answers at once with its state. */
  importOwnCatalogue: { request: z.object({}), reply: OwnCatalogueSchema },
} as const;
