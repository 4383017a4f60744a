// Reviews and questions waiting for an answer: WB's seller API (token) and Ozon's cabinet page.
import { z } from 'zod';

export const UnansweredSchema = z.object({ reviews: z.number().int(), questions: z.number().int(), at: z.number() });

/** Ozon: read off the cabinet page the user last opened; a kind not seen yet is null. */
export const OzonUnansweredSchema = z.object({
  reviews: z.number().int().nonnegative().nullable(),
  questions: z.number().int().nonnegative().nullable(),
  at: z.number(),
});

export const TokenCheckSchema = z.union([
  z.object({ ok: z.literal(true), unanswered: UnansweredSchema }),
  z.object({ ok: z.literal(false), reason: z.enum(['bad-token', 'rate-limited', 'offline', 'server', 'no-token']) }),
]);

export const unansweredProtocol = {
  /** What waits for an answer: WB from its seller API (with a token), Ozon as read off its cabinet page. */
  getUnanswered: {
    request: z.object({}),
    reply: z.object({ wb: UnansweredSchema.nullable(), ozon: OzonUnansweredSchema.nullable() }),
  },
  /** The options page saved a token (or removed it): check it and count what waits for an answer. */
  checkWbToken: { request: z.object({}), reply: TokenCheckSchema },
  /** Ozon's cabinet page counted what waits for an answer (the sender is checked to be that page). */
  reportCabinetUnanswered: {
    request: z.object({
      kind: z.enum(['reviews', 'questions']),
      count: z.number().int().min(0).max(100_000),
    }),
    reply: z.object({ ok: z.literal(true) }),
  },
} as const;
