// Lupa's own types. Every marketplace adapter normalises into these; the store, the services and
// the UI see nothing else. They are zod schemas so that storage reads and messages are validated
// with the same definition that gives the type.
import { z } from 'zod';
import { ARTICLE_RE } from './article';

export const MarketplaceSchema = z.enum(['wb', 'ozon']);
export type Marketplace = z.infer<typeof MarketplaceSchema>;

/** One product: its marketplace and its article there. */
/** An article as Lupa's model and protocol take it (utils/article.ts: 1–15 digits). */
export const ArticleIdSchema = z.string().regex(ARTICLE_RE);
export const ProductRefSchema = z.object({ marketplace: MarketplaceSchema, id: ArticleIdSchema });
export type ProductRef = z.infer<typeof ProductRefSchema>;

/** Money is an integer number of kopecks everywhere inside Lupa. */
export const KopecksSchema = z.number().int().nonnegative();

export const WarehouseStockSchema = z.object({
  warehouseId: z.number().int(),
  name: z.string(),
  qty: z.number().int().nonnegative(),
  /** Delivery time to the user's region in hours, where the marketplace gives it. */
  deliveryHours: z.number().nonnegative().nullable(),
});
export type WarehouseStock = z.infer<typeof WarehouseStockSchema>;

export const SizeSchema = z.object({
  name: z.string(),
  optionId: z.number().int().nullable(),
  qty: z.number().int().nonnegative(),
  price: KopecksSchema.nullable(),
  priceBefore: KopecksSchema.nullable(),
});
export type Size = z.infer<typeof SizeSchema>;

export const ProductCardSchema = z.object({
  marketplace: MarketplaceSchema,
  id: ArticleIdSchema,
  /** The card that groups variants (WB imtId); reviews belong to it. */
  rootId: z.string().nullable(),
  name: z.string(),
  brand: z.string(),
  seller: z.object({ id: z.string(), name: z.string(), rating: z.number().nullable() }).nullable(),
  rating: z.number().min(0).max(5).nullable(),
  reviewCount: z.number().int().nonnegative(),
  /** What the buyer pays now: the lowest price among sizes in stock; null when nothing is on sale. */
  priceNow: KopecksSchema.nullable(),
  priceBefore: KopecksSchema.nullable(),
  /** Ozon's price for holders of its bank card; null where there is none (and on WB). */
  priceCard: KopecksSchema.nullable().default(null),
  discountPct: z.number().int().min(0).max(100).nullable(),
  sizes: z.array(SizeSchema),
  stockTotal: z.number().int().nonnegative(),
  stockByWarehouse: z.array(WarehouseStockSchema),
  /** false where the marketplace shows only availability (Ozon): then stockTotal means nothing. */
  stockKnown: z.boolean().default(true),
  /** Number of photos on the card, where the marketplace says (WB `pics`). */
  photos: z.number().int().nonnegative().nullable().default(null),
  /** The marketplace's subject (WB предмет, `subjectId`): what its commission is set by; absent where unknown. */
  subjectId: z.number().int().positive().nullish(),
  fetchedAt: z.number(),
});
export type ProductCard = z.infer<typeof ProductCardSchema>;

export const PriceSourceSchema = z.enum(['history', 'observed']);
export const PricePointSchema = z.object({
  marketplace: MarketplaceSchema,
  productId: ArticleIdSchema,
  at: z.number(),
  price: KopecksSchema,
  /** 'history': the marketplace's own published history; 'observed': seen by Lupa. */
  source: PriceSourceSchema,
});
export type PricePoint = z.infer<typeof PricePointSchema>;

export const StockSnapshotSchema = z.object({
  marketplace: MarketplaceSchema,
  productId: ArticleIdSchema,
  at: z.number(),
  total: z.number().int().nonnegative(),
  byWarehouse: z.array(z.object({ warehouseId: z.number().int(), qty: z.number().int() })),
});
export type StockSnapshot = z.infer<typeof StockSnapshotSchema>;

export const ReviewSchema = z.object({
  id: z.string(),
  rating: z.number().int().min(1).max(5),
  createdAt: z.number(),
  author: z.string(),
  text: z.string(),
  /** Whether the seller answered; null where the marketplace's page does not say (Ozon, see its normaliser). */
  answered: z.boolean().nullable(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const DistributionSchema = z.tuple([
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
]);

export const ReviewSummarySchema = z.object({
  marketplace: MarketplaceSchema,
  rootId: z.string(),
  at: z.number(),
  rating: z.number().min(0).max(5).nullable(),
  count: z.number().int().nonnegative(),
  /** Counts of 1★…5★ over all reviews (index 0 is 1★), or over `distributionOf` of them. */
  distribution: DistributionSchema,
  /**
   * Set where the distribution counts only the reviews the marketplace showed (Ozon publishes no
   * distribution: the reviews on its first reviews page); absent where it counts all of them (WB).
   */
  distributionOf: z.number().int().nonnegative().optional(),
  /** How many recent reviews the marketplace returned, and how many of them are 1–2★. */
  recentCount: z.number().int().nonnegative(),
  recentNegative: z.number().int().nonnegative(),
  /** The latest negative (1–2★) reviews, newest first, at most three. */
  lastNegative: z.array(ReviewSchema).max(3),
  /** Share of answered reviews among the recent negative ones (0–100), null when there are none (or none says). */
  negativeAnsweredPct: z.number().min(0).max(100).nullable(),
  /** Questions buyers asked on the card (WB); null when they could not be had, absent where not asked. */
  questions: z.number().int().nonnegative().nullable().optional(),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

/** One product as a listing shows it: its place, its ad, and the figures of its tile. */
export const ListingEntrySchema = z.object({
  id: ArticleIdSchema,
  name: z.string(),
  brand: z.string(),
  /** 1-based place in the list as shown (ads included). */
  displayed: z.number().int().positive(),
  /** The organic place: for an ad, where it would stand unpaid (WB's log.position). */
  organic: z.number().int().positive(),
  ad: z.object({ position: z.number().int().positive(), cpm: KopecksSchema.nullable() }).nullable(),
  priceNow: KopecksSchema.nullable(),
  rating: z.number().nullable(),
  reviewCount: z.number().int().nonnegative(),
  /** null where the marketplace does not show stock (Ozon). */
  stockTotal: z.number().int().nonnegative().nullable(),
  /** The seller, where the listing names one (WB search: `supplierId`, `supplier`); absent in older cached pages. */
  seller: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});
export type ListingEntry = z.infer<typeof ListingEntrySchema>;

/** A card's own words as its seller wrote them (WB's card.json): what search reads besides the title. */
export const CardTextSchema = z.object({
  id: ArticleIdSchema,
  title: z.string().max(2000),
  description: z.string().max(20_000),
  /** Characteristics: name and value as the card shows them ("Состав", "хлопок 95%, эластан 5%"). */
  options: z.array(z.object({ name: z.string().max(500), value: z.string().max(2000) })).max(500),
  /** The card's size table (WB `sizes_table`): measure names, and per size its values in that order. */
  sizeTable: z
    .object({
      props: z.array(z.string().max(200)).max(20),
      rows: z.array(z.object({ size: z.string().max(50), values: z.array(z.string().max(100)).max(20) })).max(100),
    })
    .nullable()
    .default(null),
});
export type CardText = z.infer<typeof CardTextSchema>;

/** A listing page (search, category, brand, seller, a product page's carousel) as the features that read its tiles ask for it. */
export const ListingSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('search'),
    query: z.string().min(1).max(200),
    sort: z
      .string()
      .regex(/^[a-z_]{1,30}$/)
      .default('popular'),
  }),
  // `carousel`: the tiles on a product page, keyed by its article (no place of their own).
  z.object({ type: z.enum(['catalog', 'brand', 'seller', 'carousel']), key: z.string().max(300) }),
]);

/** One search page as Lupa keeps it (10 minutes), shared by listing badges and position scans. */
export const SearchPageSchema = z.object({
  marketplace: MarketplaceSchema,
  query: z.string(),
  sort: z.string(),
  region: z.number().int(),
  page: z.number().int().positive(),
  fetchedAt: z.number(),
  entries: z.array(ListingEntrySchema),
});
export type SearchPage = z.infer<typeof SearchPageSchema>;

/** Something that changed on a watched product and asks for attention (a task). */
export const WatchEventSchema = z.object({
  /**
   * product + kind + when it was raised (older rows: run id + product + kind). One open task per
   * product and kind: a refresh that sees the condition again updates it, never adds another.
   */
  key: z.string(),
  marketplace: MarketplaceSchema,
  id: ArticleIdSchema,
  name: z.string(),
  kind: z.enum([
    'price-move',
    'out-of-stock',
    'back-in-stock',
    'rating-drop',
    'stock-low',
    'new-negative',
    'position-drop',
    'spp-change',
    'orders-drop',
    'acceptance-free',
  ]),
  at: z.number(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** 0 unread, 1 read (IndexedDB does not index booleans). */
  read: z.union([z.literal(0), z.literal(1)]),
  /** When the condition cleared by itself (stock no longer low, back in stock): the task is closed. */
  cleared: z.number().optional(),
});
export type WatchEvent = z.infer<typeof WatchEventSchema>;

/** One change on a card, as the change log shows it (append-only). */
export const ChangeRowSchema = z.object({
  marketplace: MarketplaceSchema,
  productId: ArticleIdSchema,
  at: z.number(),
  field: z.enum(['price', 'discount', 'title', 'photos', 'rating', 'stock']),
  from: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  to: z.union([z.string(), z.number(), z.boolean()]).nullable(),
});
export type ChangeRow = z.infer<typeof ChangeRowSchema>;

/**
 * Why data could not be had: each kind is a state the user sees. 'token-expired': WB's site routes
 * answered 498 (the page's anti-bot token, `x_wbaas_token`, is gone) and the public host failed
 * too; reloading the page renews the token.
 */
export const ProblemKindSchema = z.enum([
  'offline',
  'blocked',
  'rate-limited',
  'format-changed',
  'not-found',
  'server',
  'timeout',
  'token-expired',
  /** The marketplace answers only its own open tab (Ozon's page JSON) and none is open: open one. */
  'needs-tab',
]);
export type ProblemKind = z.infer<typeof ProblemKindSchema>;

/** What a panel or a badge row says about its data: fresh, stale (shown with its age) or a problem. */
export const PanelStateSchema = z.union([z.enum(['fresh', 'stale']), ProblemKindSchema]);
export type PanelState = z.infer<typeof PanelStateSchema>;
