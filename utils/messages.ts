// The protocol between content scripts, extension pages and the background. Each message is a
// pair of zod schemas (request, reply), checked on both sides; the types come from the schemas.
// Each feature keeps its own messages in utils/<feature>/protocol.ts; this file holds the kernel's
// (the product overview, the tab as a transport, exports, chunks) and lists the features' protocols
// once — a feature left out is a line removed here.
import { z } from 'zod';
import { ASK_BATCH_MAX } from './ask-batch';
import { CHUNK_NAMES } from './chunks/table';
import { competitorsProtocol } from './competitors/protocol';
import { complaintsProtocol } from './complaints/protocol';
import { StorageFreedSchema } from './kv-keys';
import { listingBadgesProtocol } from './listing-badges/protocol';
import { listingSummaryProtocol } from './listing-summary/protocol';
import { ChangeRowSchema, PanelStateSchema, ProblemKindSchema, ProductCardSchema, ProductRefSchema, ReviewSummarySchema } from './model';
import { ownNumbersProtocol } from './own-numbers/protocol';
import { positionsProtocol } from './positions/protocol';
import { replyAssistantProtocol } from './reply-assistant/protocol';
import { seoGapsProtocol } from './seo-gaps/protocol';
import { suppliesProtocol } from './supplies/protocol';
import { twinsProtocol } from './twins/protocol';
import { unansweredProtocol } from './unanswered/protocol';
import { watchlistProtocol } from './watchlist/protocol';

export const ProductOverviewRequestSchema = ProductRefSchema.extend({
  /**
   * 'cached': answer from the store when fresh enough; 'refresh': go to the marketplace;
   * 'user': the user pressed Refresh (also lifts an anti-bot back-off once).
   */
  mode: z.enum(['cached', 'refresh', 'user']),
});
export type ProductOverviewRequest = z.infer<typeof ProductOverviewRequestSchema>;

/** What a panel shows: display data only, never raw marketplace JSON, never a token. */
export const ProductOverviewSchema = z.object({
  state: PanelStateSchema,
  /** A sentence for the developer console about what went wrong; no secrets. */
  detail: z.string().nullable(),
  /** The card as Lupa keeps it, less what only the background needs. */
  product: ProductCardSchema.omit({ rootId: true }).nullable(),
  priceHistory: z.object({
    points: z.array(z.object({ at: z.number(), price: z.number().int(), source: z.enum(['history', 'observed']) })),
    stats: z
      .object({
        windowDays: z.number().int(),
        min: z.number().int(),
        median: z.number().int(),
        max: z.number().int(),
        lowestInWindow: z.boolean(),
        points: z.number().int(),
      })
      .nullable(),
    problem: ProblemKindSchema.nullable(),
  }),
  reviews: z.object({
    summary: ReviewSummarySchema.omit({ marketplace: true }).nullable(),
    problem: ProblemKindSchema.nullable(),
  }),
  /** Orders per day from Lupa's stock snapshots; null until there is enough history. */
  sales: z
    .object({
      perDay: z.number().nonnegative(),
      low: z.number().nonnegative(),
      high: z.number().nonnegative(),
      confidence: z.enum(['low', 'medium', 'high']),
      observedDays: z.number().nonnegative(),
      reasons: z.array(z.enum(['few-days', 'supplies', 'stock-outs'])),
    })
    .nullable()
    .default(null),
  /**
   * The estimate's correction from the seller's own items' real orders (the own-numbers feature):
   * the panel shows the estimate × factor and says on how many items and with what error.
   */
  calibration: z
    .object({
      factor: z.number().positive(),
      items: z.number().int().positive(),
      errorPct: z.number().nonnegative(),
      /** The subject whose own items gave it; null: all own items. */
      subject: z.number().int().positive().nullable().default(null),
    })
    .nullable()
    .default(null),
  /** The latest changes on the card, newest first (the change log). */
  changes: z
    .array(ChangeRowSchema.omit({ marketplace: true, productId: true }))
    .max(50)
    .default([]),
});
export type ProductOverview = z.infer<typeof ProductOverviewSchema>;

/** An export the background saves through the downloads API (a CSV of what the page shows). */
export const SaveFileRequestSchema = z.object({
  filename: z.string().regex(/^lupa-[a-z0-9.-]{1,150}\.csv$/),
  mime: z.literal('text/csv'),
  text: z.string().max(20_000_000),
});

/** The background asks a storefront tab to fetch a same-origin URL for it (see design.md). */
export const PageFetchRequestSchema = z.object({
  url: z.string().url(),
  /** The only header a page route sends: WB search's query id (`qid` and digits). */
  headers: z.object({ 'x-queryid': z.string().regex(/^qid\d{1,64}$/) }).optional(),
});
export const PageFetchReplySchema = z.object({
  status: z.number().int(),
  body: z.string(),
  retryAfter: z.string().nullable(),
});

/** The background asks a storefront tab for the structured data its page embeds (JSON-LD text). */
export const PageEmbeddedReplySchema = z.object({ ldJson: z.array(z.string().max(500_000)).max(20) });

export const AskManyRequestSchema = z.object({
  asks: z
    .array(z.object({ type: z.string().max(64), data: z.unknown() }))
    .min(1)
    .max(ASK_BATCH_MAX),
});
export const AskManyReplySchema = z.object({
  replies: z.array(
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), res: z.unknown() }),
      z.object({ ok: z.literal(false), err: z.object({ name: z.string(), message: z.string() }) }),
    ]),
  ),
});

const kernelProtocol = {
  getProductOverview: { request: ProductOverviewRequestSchema, reply: ProductOverviewSchema },
  pageFetch: { request: PageFetchRequestSchema, reply: PageFetchReplySchema },
  pageEmbedded: { request: z.object({}), reply: PageEmbeddedReplySchema },
  saveFile: { request: SaveFileRequestSchema, reply: z.object({ saved: z.boolean() }) },
  /** A storefront content script needs a chunk (utils/chunks/table.ts): the background injects it into its world. */
  injectChunk: { request: z.object({ chunk: z.enum(CHUNK_NAMES) }), reply: z.object({ ok: z.literal(true) }) },
  /**
   * Asks a content script made in one task, sent as one message (utils/content/messaging.ts): each
   * goes through its own handler, sender check and schemas; the replies come back in one task.
   */
  askMany: { request: AskManyRequestSchema, reply: AskManyReplySchema },
  /** A marketplace page's UI text (utils/catalogue.ts): every message as a template. */
  getCatalogue: { request: z.object({}), reply: z.object({ messages: z.record(z.string(), z.string().max(5_000)) }) },
  /** The popup's note after storage ran out and history was thinned. */
  getStorageNote: { request: z.object({}), reply: StorageFreedSchema.nullable() },
} as const;

export const protocol = {
  ...kernelProtocol,
  ...listingBadgesProtocol,
  ...listingSummaryProtocol,
  ...positionsProtocol,
  ...twinsProtocol,
  ...watchlistProtocol,
  ...unansweredProtocol,
  ...replyAssistantProtocol,
  ...competitorsProtocol,
  ...seoGapsProtocol,
  ...ownNumbersProtocol,
  ...complaintsProtocol,
  ...suppliesProtocol,
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = z.input<Protocol[K]['request']>;
export type ReplyOf<K extends MessageName> = z.output<Protocol[K]['reply']>;
