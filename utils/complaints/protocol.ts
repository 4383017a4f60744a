// The complaint digest's messages: one own item's (the storefront panel) and every own item's that
// has one (the popup).
import { z } from 'zod';
import { ProblemKindSchema, ProductRefSchema } from '../model';
import { DigestRowSchema } from './tables';

export const ComplaintDigestReplySchema = z.object({
  /** Only the seller's own items get a digest ("мой товар" or the own catalogue). */
  own: z.boolean(),
  digest: DigestRowSchema.omit({ marketplace: true, productId: true }).nullable(),
  /** Why the reviews could not be read now (a stored digest, if any, is shown with its age). */
  problem: ProblemKindSchema.nullable(),
});
export type ComplaintDigestReply = z.infer<typeof ComplaintDigestReplySchema>;

export const OwnDigestSchema = DigestRowSchema.extend({ name: z.string().max(2000) });
export type OwnDigest = z.infer<typeof OwnDigestSchema>;

export const complaintsProtocol = {
  getComplaintDigest: { request: ProductRefSchema, reply: ComplaintDigestReplySchema },
  /** Own items with complaints in the last 30 days, the most first. */
  getComplaintDigests: {
    request: z.object({}),
    reply: z.object({ items: z.array(OwnDigestSchema).max(10_000), total: z.number().int().nonnegative() }),
  },
} as const;
