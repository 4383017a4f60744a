// What Ozon's page JSON looks like, as far as Lupa uses it. Widget states arrive as JSON *strings*
// under keys "{widget}-{id}-{container}-{n}" whose ids change with the layout: widgets are found by
// name prefix, and each state is parsed on its own, so one changed widget does not sink the page.
import { z } from 'zod';

export const OzonPageJsonSchema = z.object({
  widgetStates: z.record(z.string(), z.string()),
  layoutTrackingInfo: z.string().optional(),
  seo: z
    .object({ script: z.array(z.object({ innerHTML: z.string() })).optional() })
    .passthrough()
    .optional(),
  pageInfo: z.object({ url: z.string().optional() }).passthrough().optional(),
  nextPage: z.string().optional(),
});
export type OzonPageJson = z.infer<typeof OzonPageJsonSchema>;

export const WebPriceSchema = z.object({
  isAvailable: z.boolean().optional(),
  price: z.string().optional(),
  originalPrice: z.string().optional(),
  cardPrice: z.string().optional(),
  showOriginalPrice: z.boolean().optional(),
});

export const WebProductHeadingSchema = z.object({ title: z.string() });

export const WebReviewProductScoreSchema = z.object({
  totalScore: z.number().min(0).max(5).nullish(),
  reviewsCount: z.number().int().nonnegative().nullish(),
});

export const WebCurrentSellerSchema = z.object({
  sellerCell: z
    .object({
      centerBlock: z
        .object({ title: z.object({ text: z.string() }).optional() })
        .passthrough()
        .optional(),
      common: z
        .object({ action: z.object({ link: z.string().optional() }).passthrough().optional() })
        .passthrough()
        .optional(),
    })
    .passthrough()
    .optional(),
});

/** schema.org Product from `seo.script[0].innerHTML`: the fallback when widgets move. */
export const JsonLdProductSchema = z.object({
  '@type': z.string().optional(),
  name: z.string().optional(),
  sku: z.union([z.string(), z.number()]).optional(),
  brand: z.union([z.string(), z.object({ name: z.string() })]).optional(),
  offers: z
    .object({
      price: z.union([z.string(), z.number()]).optional(),
      availability: z.string().optional(),
      seller: z.object({ name: z.string().optional() }).passthrough().optional(),
    })
    .passthrough()
    .optional(),
  aggregateRating: z
    .object({ ratingValue: z.union([z.string(), z.number()]).optional(), reviewCount: z.union([z.string(), z.number()]).optional() })
    .passthrough()
    .optional(),
});

const textAtom = z.object({ text: z.string() });
/** A tile of a search/category listing (`searchResultsV2` / `tileGridDesktop`). */
export const OzonTileSchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  action: z.object({ link: z.string() }).passthrough().optional(),
  mainState: z
    .array(
      z
        .object({
          id: z.string().optional(),
          type: z.string().optional(),
          textDS: textAtom.optional(),
          textAtom: textAtom.optional(),
          priceV2: z
            .object({ price: z.array(z.object({ text: z.string(), textStyle: z.string().optional() })) })
            .passthrough()
            .optional(),
          labelList: z
            .object({ items: z.array(z.object({ title: z.string().optional() }).passthrough()) })
            .passthrough()
            .optional(),
        })
        .passthrough(),
    )
    .default([]),
  isAdv: z.boolean().optional(),
});
export const OzonListingSchema = z.object({ items: z.array(OzonTileSchema) });

/**
 * When a review was published. The reference names `publishedAt` without its type; readers of the
 * live page see Unix seconds [U]. Seconds, milliseconds and ISO strings are all taken.
 */
const publishedAt = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : Date.parse(v);
  const ms = n < 1e11 ? n * 1000 : n;
  if (!Number.isFinite(ms) || ms <= 0) {
    ctx.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return Math.round(ms);
});

/**
 * One review of `webListReviews` (reference §1.3 "Reviews on storefront"). The reference documents
 * no seller's answer on the storefront review; `commentsAmount` is Lupa's assumption [U], named
 * after the nearest documented shape, the Seller API review's `comments_amount` (§2.3). Without it
 * the answer is unknown, never "not answered".
 */
export const OzonReviewSchema = z.object({
  uuid: z.union([z.string().min(1), z.number()]).transform(String),
  author: z.object({ firstName: z.string().nullish() }).passthrough().nullish(),
  publishedAt,
  content: z
    .object({
      score: z.number().int().min(1).max(5),
      comment: z.string().nullish(),
      positive: z.string().nullish(),
      negative: z.string().nullish(),
    })
    .passthrough(),
  commentsAmount: z.number().int().nonnegative().optional(),
});

/** `webListReviews`: a page of reviews (30) and the card's totals. */
export const OzonReviewListSchema = z.object({
  paging: z
    .object({ commonTotal: z.number().int().nonnegative().optional(), total: z.number().int().nonnegative().optional() })
    .passthrough()
    .optional(),
  reviews: z.array(z.unknown()),
});
