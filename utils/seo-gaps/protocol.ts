// SEO gaps: one card's words against the top organic cards of a query.
import { z } from 'zod';
import { ArticleIdSchema, MarketplaceSchema, ProblemKindSchema } from '../model';

export const SeoGapsReplySchema = z.object({
  query: z.string(),
  /** Cards compared (the top organic ones of the first page, this card left out). */
  rivals: z.number().int().nonnegative(),
  /** Of those, cards whose words could not be read (left out of the counts). */
  skipped: z.number().int().nonnegative(),
  minCount: z.number().int().nonnegative(),
  missing: z.array(z.object({ key: z.string(), word: z.string(), phrase: z.boolean(), count: z.number().int().positive() })),
  unique: z.array(z.object({ key: z.string(), word: z.string() })),
  /** Why there is no comparison (this card's words or the search could not be read). */
  problem: ProblemKindSchema.nullable(),
});
export type SeoGapsReply = z.infer<typeof SeoGapsReplySchema>;

export const seoGapsProtocol = {
  getSeoGaps: {
    request: z.object({ marketplace: MarketplaceSchema, productId: ArticleIdSchema, query: z.string().trim().min(1).max(120) }),
    reply: SeoGapsReplySchema,
  },
} as const;
