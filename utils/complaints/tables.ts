// The complaint digests (v11): one row per own item, rewritten each time its reviews are read, so the
// popup reads the counts and computes nothing. Derived data: lost or stale rows are read again.
import { z } from 'zod';
import { ArticleIdSchema, type Marketplace, MarketplaceSchema } from '../model';
import { table } from '../tables';
import { COMPLAINT_TOPICS, OTHER } from './topics';

const count = z.number().int().nonnegative();

export const DigestRowSchema = z.object({
  marketplace: MarketplaceSchema,
  productId: ArticleIdSchema,
  /** When the reviews were read. */
  at: z.number(),
  recent: count,
  previous: count,
  topics: z.array(z.object({ topic: z.enum([...COMPLAINT_TOPICS, OTHER]), count, previous: count })).max(COMPLAINT_TOPICS.length + 1),
});
export type DigestRow = z.infer<typeof DigestRowSchema>;

export const complaintsTables = {
  complaintDigests: table<DigestRow, [Marketplace, string]>(DigestRowSchema, { 11: '&[marketplace+productId], at' }),
};
