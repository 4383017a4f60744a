// The seller's own numbers from WB's seller API: what the token can do, the own catalogue (prices
// and discounts) and its import. Replies carry what the token says and what was imported, never the token.
import { z } from 'zod';
import { TokenCategorySchema } from '../marketplaces/wb/seller-token';

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

export const ownNumbersProtocol = {
  /** What the saved token says about itself (read in the background from the token, no request). */
  getSellerToken: { request: z.object({}), reply: SellerTokenInfoSchema },
} as const;
