// The protocol between content scripts, extension pages and the background. Each message is a
// pair of zod schemas (request, reply), checked on both sides; the types come from the schemas.
import { z } from 'zod';
import { CHUNK_NAMES } from './chunks/table';
import {
  ChangeRowSchema,
  ListingEntrySchema,
  MarketplaceSchema,
  PositionRowSchema,
  ProblemKindSchema,
  ProductCardSchema,
  ReviewSummarySchema,
  WatchEventSchema,
} from './model';
import { TemplateSchema } from './replies/templates';

export const PanelStateSchema = z.union([z.enum(['fresh', 'stale']), ProblemKindSchema]);
export type PanelState = z.infer<typeof PanelStateSchema>;

export const ProductOverviewRequestSchema = z.object({
  marketplace: MarketplaceSchema,
  id: z.string().regex(/^\d{1,15}$/),
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
  /** The latest changes on the card, newest first (the change log). */
  changes: z
    .array(ChangeRowSchema.omit({ marketplace: true, productId: true }))
    .max(50)
    .default([]),
});
export type ProductOverview = z.infer<typeof ProductOverviewSchema>;

export const ListingSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('search'),
    query: z.string().min(1).max(200),
    sort: z
      .string()
      .regex(/^[a-z_]{1,30}$/)
      .default('popular'),
  }),
  z.object({ type: z.enum(['catalog', 'brand', 'seller']), key: z.string().max(300) }),
]);

export const ListingBadgesRequestSchema = z.object({
  marketplace: MarketplaceSchema,
  listing: ListingSchema,
  /** The tiles in view that have no badge yet: article and 0-based place among the page's tiles. */
  tiles: z.array(z.object({ id: z.string().regex(/^\d{1,15}$/), index: z.number().int().nonnegative().max(10_000) })).max(500),
});
export type ListingBadgesRequest = z.output<typeof ListingBadgesRequestSchema>;

export const ListingBadgesReplySchema = z.object({
  state: PanelStateSchema,
  detail: z.string().nullable(),
  badges: z.array(
    ListingEntrySchema.extend({
      /** The organic place to show on the tile; null when the search does not list the product. */
      position: z.number().int().positive().nullable(),
      trendPct: z.number().nullable(),
    }),
  ),
});
export type ListingBadgesReply = z.infer<typeof ListingBadgesReplySchema>;

/** An export the background saves through the downloads API (a CSV of what the page shows). */
export const SaveFileRequestSchema = z.object({
  filename: z.string().regex(/^lupa-[a-z0-9.-]{1,150}\.csv$/),
  mime: z.literal('text/csv'),
  text: z.string().max(20_000_000),
});

const ProductRefSchema = z.object({ marketplace: MarketplaceSchema, productId: z.string().regex(/^\d{1,15}$/) });

export const ScanStatusSchema = z.object({
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Search pages walked (or skipped once the product was found) out of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  problem: ProblemKindSchema.nullable(),
});
export type ScanStatus = z.infer<typeof ScanStatusSchema>;

export const PositionsReplySchema = z.object({
  queries: z.array(z.string()),
  suggestions: z.array(z.string()),
  rows: z.array(PositionRowSchema),
  scan: ScanStatusSchema.nullable(),
  region: z.number().int(),
});
export type PositionsReply = z.infer<typeof PositionsReplySchema>;

export const TrackedPositionsReplySchema = z.object({
  products: z.array(
    z.object({
      marketplace: MarketplaceSchema,
      productId: z.string(),
      name: z.string(),
      queries: z.array(z.string()),
      rows: z.array(PositionRowSchema),
    }),
  ),
});

const TwinRefSchema = z.object({ marketplace: MarketplaceSchema, id: z.string().regex(/^\d{1,15}$/) });

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

/** The background asks a storefront tab to fetch a same-origin URL for it (see design.md). */
export const PageFetchRequestSchema = z.object({ url: z.string().url() });
export const PageFetchReplySchema = z.object({
  status: z.number().int(),
  body: z.string(),
  retryAfter: z.string().nullable(),
});

const RoleSchema = z.enum(['mine', 'competitor']).nullable();

export const PopupDataSchema = z.object({
  tasks: z.array(WatchEventSchema),
  /** From WB's seller API, when the user set a token. */
  unanswered: z.lazy(() => UnansweredSchema).nullable(),
  unansweredOzon: z.lazy(() => OzonUnansweredSchema).nullable(),
  /** When storage ran out and history was thinned (the popup says so). */
  storageFreed: z.lazy(() => StorageFreedSchema).nullable(),
  watchlist: z.array(
    z.object({
      marketplace: MarketplaceSchema,
      id: z.string(),
      role: z.enum(['mine', 'competitor']),
      name: z.string(),
      priceNow: z.number().int().nullable(),
      rating: z.number().nullable(),
      fetchedAt: z.number().nullable(),
      /** Kopecks since the user last looked; null when unknown. */
      priceChange: z.number().int().nullable(),
      /** Estimated orders per day (stock history); null until there is enough of it. */
      salesPerDay: z.number().nonnegative().nullable(),
    }),
  ),
});

export const UnansweredSchema = z.object({ reviews: z.number().int(), questions: z.number().int(), at: z.number() });
export const StorageFreedSchema = z.object({ at: z.number(), removed: z.number().int().nonnegative() });

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

export const RefreshSummarySchema = z.object({
  runId: z.string(),
  resumed: z.boolean(),
  checked: z.number().int(),
  events: z.number().int(),
  open: z.number().int(),
  problem: z.string().nullable(),
});

/** The background asks a storefront tab for the structured data its page embeds (JSON-LD text). */
export const PageEmbeddedReplySchema = z.object({ ldJson: z.array(z.string().max(500_000)).max(20) });

const RefSchema = z.object({ marketplace: MarketplaceSchema, id: z.string().regex(/^\d{1,15}$/) });
const CostsSchema = z.object({
  cost: z.number().int().nonnegative().max(100_000_000).nullable(),
  commissionPct: z.number().min(0).max(100).nullable(),
  logistics: z.number().int().nonnegative().max(100_000_000).nullable(),
});

/** Beside each own item on a cabinet's prices page: its competitors' prices and its costs. */
export const CompetitorFiguresSchema = z.object({
  id: z.string(),
  competitors: z.object({
    min: z.number().int().nullable(),
    median: z.number().int().nullable(),
    priced: z.number().int(),
    linked: z.number().int(),
  }),
  oldestAt: z.number().nullable(),
  costs: CostsSchema.nullable(),
  problem: z.string().nullable(),
});
export type CompetitorFiguresReply = z.infer<typeof CompetitorFiguresSchema>;

export const OwnItemSchema = RefSchema.extend({
  name: z.string(),
  costs: CostsSchema.nullable(),
  competitors: z.array(RefSchema.extend({ name: z.string(), priceNow: z.number().int().nullable() })),
});
export type OwnItem = z.infer<typeof OwnItemSchema>;

/** A storefront product's place among the seller's items: the own items, and which it competes with. */
export const CompetitorLinksReplySchema = z.object({
  own: z.array(RefSchema.extend({ name: z.string() })),
  linkedTo: z.array(RefSchema),
});

export const protocol = {
  getProductOverview: { request: ProductOverviewRequestSchema, reply: ProductOverviewSchema },
  pageFetch: { request: PageFetchRequestSchema, reply: PageFetchReplySchema },
  pageEmbedded: { request: z.object({}), reply: PageEmbeddedReplySchema },
  getListingBadges: { request: ListingBadgesRequestSchema, reply: ListingBadgesReplySchema },
  saveFile: { request: SaveFileRequestSchema, reply: z.object({ saved: z.boolean() }) },
  getPositions: { request: ProductRefSchema, reply: PositionsReplySchema },
  setPositionQueries: {
    request: ProductRefSchema.extend({ queries: z.array(z.string().trim().min(1).max(120)).max(20) }),
    reply: PositionsReplySchema,
  },
  startPositionScan: { request: ProductRefSchema, reply: ScanStatusSchema },
  cancelPositionScan: { request: ProductRefSchema, reply: ScanStatusSchema.nullable() },
  getTrackedPositions: { request: z.object({}), reply: TrackedPositionsReplySchema },
  getTwin: { request: TwinRefSchema, reply: TwinReplySchema },
  getWatch: { request: TwinRefSchema, reply: z.object({ role: RoleSchema }) },
  setWatch: { request: TwinRefSchema.extend({ role: RoleSchema }), reply: z.object({ role: RoleSchema }) },
  getPopupData: { request: z.object({}), reply: PopupDataSchema },
  markTasksRead: { request: z.object({ keys: z.array(z.string().max(200)).max(1000) }), reply: z.object({ open: z.number().int() }) },
  runRefresh: { request: z.object({}), reply: RefreshSummarySchema },
  /** The options page saved a token (or removed it): check it and count what waits for an answer. */
  checkWbToken: { request: z.object({}), reply: TokenCheckSchema },
  /** The cabinet's reply assistant reads the user's templates (content scripts cannot read storage). */
  getReplyTemplates: { request: z.object({}), reply: z.array(TemplateSchema) },
  /** `twin`: a URL or an article on the other marketplace; null unlinks. */
  setTwin: { request: TwinRefSchema.extend({ twin: z.string().trim().max(500).nullable() }), reply: TwinReplySchema },
  /** A cabinet's prices page asks for the figures beside the seller's items on screen. */
  getCompetitorFigures: {
    request: z.object({ marketplace: MarketplaceSchema, ids: z.array(z.string().regex(/^\d{1,15}$/)).max(500) }),
    reply: z.object({ items: z.array(CompetitorFiguresSchema) }),
  },
  setUnitCosts: { request: RefSchema.extend({ costs: CostsSchema }), reply: z.object({ saved: z.literal(true) }) },
  getCompetitorLinks: { request: RefSchema, reply: CompetitorLinksReplySchema },
  /**
   * Links (or unlinks) a competitor to one of the seller's items. `competitor` is a ref, or what
   * the user pasted in the options page: a WB/Ozon product URL or an article.
   */
  setCompetitorLink: {
    request: z.object({
      mine: RefSchema,
      competitor: z.union([RefSchema, z.string().trim().min(1).max(500)]),
      linked: z.boolean(),
    }),
    reply: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), reason: z.string() })]),
  },
  reportCabinetUnanswered: {
    request: z.object({
      marketplace: z.literal('ozon'),
      kind: z.enum(['reviews', 'questions']),
      count: z.number().int().min(0).max(100_000),
    }),
    reply: z.object({ ok: z.literal(true) }),
  },
  /** A storefront content script needs a chunk (utils/chunks/table.ts): the background injects it into its world. */
  injectChunk: { request: z.object({ chunk: z.enum(CHUNK_NAMES) }), reply: z.object({ ok: z.literal(true) }) },
  getOwnItems: { request: z.object({}), reply: z.object({ items: z.array(OwnItemSchema) }) },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = z.input<Protocol[K]['request']>;
export type ReplyOf<K extends MessageName> = z.output<Protocol[K]['reply']>;
