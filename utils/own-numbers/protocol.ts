// The seller's own numbers from WB's seller API: what the token can do, the own catalogue (prices
// and discounts) and its import. Replies carry what the token says and what was imported, never the token.
import { z } from 'zod';
import { TokenCategorySchema } from '../marketplaces/wb/seller-token';
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

export const ownNumbersProtocol = {
  /** What the saved token says about itself (read in the background from the token, no request). */
  getSellerToken: { request: z.object({}), reply: SellerTokenInfoSchema },
  /** The own catalogue: the last import's state and how many own items it keeps. */
  getOwnCatalogue: { request: z.object({}), reply: OwnCatalogueSchema },
  /** Starts (or resumes) importing the own catalogue; answers at once with its state. */
  importOwnCatalogue: { request: z.object({}), reply: OwnCatalogueSchema },
} as const;
