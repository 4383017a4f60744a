// Twins: the same product on the other marketplace, linked by the user.
import { z } from 'zod';
import { MarketplaceSchema, PanelStateSchema, ProductRefSchema } from '../model';

/** The twin's figures beside a product (display data only). */
export const TwinReplySchema = z.object({
  twin: z
    .object({
      marketplace: MarketplaceSchema,
      id: z.string(),
      name: z.string(),
      priceNow: z.number().int().nullable(),
      rating: z.number().nullable(),
      reviewCount: z.number().int(),
      fetchedAt: z.number(),
    })
    .nullable(),
  /** The link exists but the twin could not be read (blocked, offline…). */
  state: PanelStateSchema.nullable(),
  linkedId: z.string().nullable(),
});
export type TwinReply = z.infer<typeof TwinReplySchema>;

export const twinsProtocol = {
  getTwin: { request: ProductRefSchema, reply: TwinReplySchema },
  /** `twin`: a URL or an article on the other marketplace; null unlinks. */
  setTwin: { request: ProductRefSchema.extend({ twin: z.string().trim().max(500).nullable() }), reply: TwinReplySchema },
} as const;
