// The reply assistant's messages: the cabinet reads the user's templates through the background,
// and on WB what the seller API knows of the unanswered reviews and questions (the token stays in
// the background; the content script gets only the reviews).
import { z } from 'zod';
import { ARTICLE_RE } from '../article';
import { ProblemKindSchema } from '../model';
import type { CardFacts } from './facts';
import { TemplateSchema } from './template-schema';

/** An unanswered review or question as the seller API knows it (components/cabinet/anchors.ts KnownReview). */
export const KnownReviewSchema = z.object({
  id: z.string().min(1).max(100),
  parts: z.array(z.string().max(10_000)).max(3),
  buyer: z.string().max(200),
  article: z.string().regex(ARTICLE_RE).nullable(),
  stars: z.number().int().min(1).max(5).nullable(),
  product: z.string().max(1000),
  brand: z.string().max(500),
});

const fact = z.string().max(2000).nullable();
/** What a reply may quote about one product (facts.ts CardFacts). */
export const CardFactsSchema = z.object({
  composition: fact,
  care: fact,
  completeness: fact,
  sizeTable: z
    .array(z.object({ size: z.string().max(50), measures: z.string().max(2000) }))
    .max(100)
    .nullable(),
  inStock: z.array(z.string().max(50)).max(200).nullable(),
  stock: z.number().int().nonnegative().nullable(),
  deliveryDays: z.number().int().positive().nullable(),
}) satisfies z.ZodType<CardFacts>;

export const replyAssistantProtocol = {
  /** The cabinet's reply assistant reads the user's templates (content scripts cannot read storage). */
  getReplyTemplates: { request: z.object({}), reply: z.array(TemplateSchema) },
  /**
   * The WB cabinet's reply assistant asks what the seller API knows of the unanswered reviews or
   * questions, to tell which one a card on the page is; null without a token or an answer.
   */
  getCabinetKnown: {
    request: z.object({ kind: z.enum(['reviews', 'questions']) }),
    reply: z.object({ items: z.array(KnownReviewSchema).max(1000).nullable() }),
  },
  /** The WB cabinet's assistant asks for the facts of the product a review or question is about (card.json, the card). */
  getCardFacts: {
    request: z.object({ article: z.string().regex(ARTICLE_RE) }),
    reply: z.object({ facts: CardFactsSchema.nullable(), problem: ProblemKindSchema.nullable() }),
  },
} as const;
