// What Wildberries really sends, as far as Lupa uses it. Lenient where WB is inconsistent
// (numbers as strings, missing arrays, null lists), strict where a wrong value would mislead.
import { z } from 'zod';

/** An integer that may arrive as a number or a numeric string. */
const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const num = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

export const WbStockSchema = z.object({
  wh: int,
  qty: int.pipe(z.number().nonnegative()),
  time1: num.optional(),
  time2: num.optional(),
});

export const WbPriceSchema = z.object({
  /** Before any discount, kopecks. */
  basic: int,
  /** What the buyer pays on the site (seller's discount and WB's SPP for the region), kopecks. */
  product: int,
  total: int.optional(),
});

export const WbSizeSchema = z.object({
  name: z.string().default(''),
  origName: z.string().optional(),
  optionId: int.optional(),
  stocks: z
    .array(WbStockSchema)
    .nullish()
    .transform((s) => s ?? []),
  /** Missing on sizes that are not on sale. */
  price: WbPriceSchema.optional(),
  time1: num.optional(),
  time2: num.optional(),
});

export const WbProductSchema = z.object({
  id: int,
  root: int.optional(),
  name: z.string(),
  brand: z.string().default(''),
  supplier: z.string().optional(),
  supplierId: int.optional(),
  supplierRating: num.optional(),
  /** Integer stars (rounded); `reviewRating` is the card's one-decimal rating. */
  rating: num.optional(),
  reviewRating: num.optional(),
  nmReviewRating: num.optional(),
  /** Review count of the whole card (root); `nmFeedbacks` of this variant only. */
  feedbacks: int.optional(),
  nmFeedbacks: int.optional(),
  totalQuantity: int.optional(),
  /** Number of photos. */
  pics: int.optional(),
  /** The subject (предмет): commission rates are set per subject. */
  subjectId: int.optional(),
  sizes: z.array(WbSizeSchema),
  /** v1 responses carried prices on the product instead of on sizes. */
  salePriceU: int.optional(),
  priceU: int.optional(),
});
export type WbProduct = z.infer<typeof WbProductSchema>;

/**
 * Detail v4 and search v5+ put `products` at the top level; older versions wrapped them in `data`.
 * The old form is unwrapped first (not a union), so a mismatch names the real field that changed.
 */
const unwrapData = (raw: unknown) => {
  const data = (raw as { data?: { products?: unknown } } | null)?.data;
  return raw && typeof raw === 'object' && !('products' in raw) && data && 'products' in data ? data : raw;
};

export const WbDetailResponseSchema = z.preprocess(
  unwrapData,
  z.object({ products: z.array(WbProductSchema) }).transform((r) => r.products),
);

/**
 * A search result is a card plus, on advertised placements, `log`: `promoPosition` the paid slot
 * shown, `position` the organic place it would have, `cpm` the bid in ₽ per 1000 views, `tp` the
 * ad type ("b" search boost, "c" catalog — seen, not documented).
 */
export const WbSearchEntrySchema = WbProductSchema.extend({
  log: z
    .object({
      cpm: num.optional(),
      promotion: int.optional(),
      promoPosition: int.optional(),
      position: int.optional(),
      advertId: int.optional(),
      tp: z.string().optional(),
    })
    .optional(),
});
export type WbSearchEntry = z.infer<typeof WbSearchEntrySchema>;

/** Search v5+ puts `products` at the top level; v4 and older under `data` (see unwrapData). */
export const WbSearchResponseSchema = z.preprocess(
  unwrapData,
  // `products` is required: a renamed list must read as "format changed", never as "nothing found".
  z.object({ products: z.array(WbSearchEntrySchema) }).transform((r) => r.products),
);

export const WbPriceHistorySchema = z.array(
  z.object({
    dt: int,
    price: z.object({ RUB: int }),
  }),
);

export const WbFeedbackSchema = z.object({
  id: z.string(),
  nmId: int.optional(),
  productValuation: int.pipe(z.number().min(1).max(5)),
  createdDate: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  text: z
    .string()
    .nullish()
    .transform((s) => s ?? ''),
  pros: z.string().nullish(),
  cons: z.string().nullish(),
  wbUserDetails: z.object({ name: z.string().nullish() }).nullish(),
  answer: z.object({ text: z.string().nullish() }).nullish(),
});

const Dist = z.object({ 1: int, 2: int, 3: int, 4: int, 5: int });

export const WbFeedbacksResponseSchema = z.object({
  /** A string with one decimal ("4.7"); empty for cards without reviews. */
  valuation: z.union([z.string(), z.number()]).nullish(),
  feedbackCount: int.nullish().transform((n) => n ?? 0),
  valuationDistribution: Dist.nullish(),
  feedbacks: z
    .array(WbFeedbackSchema)
    .nullish()
    .transform((f) => f ?? []),
});
export type WbFeedbacksResponse = z.infer<typeof WbFeedbacksResponseSchema>;

export const WbCardInfoSchema = z.object({
  imt_id: int.optional(),
  nm_id: int.optional(),
  media: z.object({ photo_count: int.optional(), has_video: z.boolean().optional() }).optional(),
});

/** One characteristic of card.json; a malformed one is dropped, not the card. */
const WbCardOptionSchema = z.object({ name: z.string(), value: z.union([z.string(), z.number()]).transform(String) });
const options = z
  .array(z.unknown())
  .optional()
  .transform((list) =>
    (list ?? []).flatMap((o) => {
      const parsed = WbCardOptionSchema.safeParse(o);
      return parsed.success ? [parsed.data] : [];
    }),
  );

/**
 * card.json's size table: the measure names (`details_props`, "Обхват груди, см") and per size its
 * values in the same order. A card without one, or with one in another shape, has none.
 */
const WbSizesTableSchema = z
  .object({
    details_props: z.array(z.string()),
    values: z.array(
      z.object({
        tech_size: z.union([z.string(), z.number()]).transform(String),
        details: z.array(z.union([z.string(), z.number()]).transform(String)),
      }),
    ),
  })
  .optional()
  .catch(undefined);

/** card.json read for its words: title, description, characteristics (plain and grouped), size table. */
export const WbCardTextSchema = WbCardInfoSchema.extend({
  sizes_table: WbSizesTableSchema,
  imt_name: z.string().optional().catch(undefined),
  description: z.string().optional().catch(undefined),
  options,
  grouped_options: z
    .array(z.unknown())
    .optional()
    .transform((groups) =>
      (groups ?? []).flatMap((g) => {
        const parsed = z.object({ options }).safeParse(g);
        return parsed.success ? parsed.data.options : [];
      }),
    ),
});
