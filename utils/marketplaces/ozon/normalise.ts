// Ozon page JSON → Lupa's own types. Pure; `now` from the caller.
import type { z } from 'zod';
import { BARE_ARTICLE_RE } from '../../article';
import type { ListingEntry, ProductCard, Review, ReviewSummary } from '../../model';
import { FetchProblem, type RawResponse } from '../../net';
import { cutText, isNegative, negativesOf, REVIEW_TEXT_MAX } from '../../stats';
import { skuFromLink } from './page';
import { parseRub } from './price';
import {
  JsonLdProductSchema,
  OzonListingSchema,
  type OzonPageJson,
  OzonReviewListSchema,
  OzonReviewSchema,
  WebCurrentSellerSchema,
  WebPriceSchema,
  WebProductHeadingSchema,
  WebReviewProductScoreSchema,
} from './schemas';

/** Markers of Ozon's anti-bot wall (reference §1.5): a challenge page, a captcha, an incident id. */
const BLOCK_MARKERS = ['abt-challenge', 'incidentId', 'captcha', '__rr=1', 'challengeURL', '"error":"forbidden"'];

export function isOzonBlock(response: RawResponse): boolean {
  if (response.status === 401 || response.status === 403) return true;
  const head = response.body.slice(0, 4000);
  return BLOCK_MARKERS.some((m) => head.includes(m));
}

/** The state of the first widget whose name is `name` ("webPrice-3121879-default-1" → "webPrice"). */
export function widgetState<S extends z.ZodType>(
  json: OzonPageJson,
  name: string,
  schema: S,
): { present: boolean; state: z.output<S> | null } {
  for (const [key, raw] of Object.entries(json.widgetStates)) {
    if (key.split('-')[0] !== name) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      return { present: true, state: parsed.success ? parsed.data : null };
    } catch {
      return { present: true, state: null };
    }
  }
  return { present: false, state: null };
}

function jsonLd(json: OzonPageJson) {
  const raw = json.seo?.script?.[0]?.innerHTML;
  if (!raw) return null;
  try {
    const parsed = JsonLdProductSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const num = (v: string | number | undefined) => {
  if (v === undefined) return null;
  const n =
    typeof v === 'number'
      ? v
      : Number(
          String(v)
            .replace(',', '.')
            .replace(/[\s\u00a0]/g, ''),
        );
  return Number.isFinite(n) ? n : null;
};

/** A product page's JSON as a card; a page that is not a product (no title anywhere) is null. */
export function cardFromOzon(json: OzonPageJson, sku: number, fetchedAt: number): ProductCard | null {
  const heading = widgetState(json, 'webProductHeading', WebProductHeadingSchema);
  const price = widgetState(json, 'webPrice', WebPriceSchema);
  const score = widgetState(json, 'webReviewProductScore', WebReviewProductScoreSchema);
  const seller = widgetState(json, 'webCurrentSeller', WebCurrentSellerSchema);
  const outOfStock = widgetState(json, 'webOutOfStock', WebProductHeadingSchema.partial()).present;
  const ld = jsonLd(json);

  const name = heading.state?.title ?? ld?.name ?? null;
  if (name === null) return null;
  // Widgets present but unreadable is a changed format, not a missing product.
  if ((price.present && !price.state) || (heading.present && !heading.state)) {
    throw new FetchProblem('format-changed', 'ozon page json: a price or heading widget changed shape');
  }

  const available = price.state
    ? price.state.isAvailable !== false
    : !outOfStock && ld?.offers?.availability !== 'https://schema.org/OutOfStock';
  let priceNow = price.state
    ? parseRub(price.state.price)
    : parseRub(ld?.offers?.price !== undefined ? String(ld.offers.price) : undefined);
  if (!available) priceNow = null;
  const original = price.state?.showOriginalPrice === false ? null : parseRub(price.state?.originalPrice);
  const priceBefore = priceNow === null ? null : (original ?? priceNow);
  const priceCard = priceNow === null ? null : parseRub(price.state?.cardPrice);
  if (available && priceNow === null && (price.present || ld?.offers?.price !== undefined)) {
    throw new FetchProblem('format-changed', 'ozon page json: price is not a price');
  }

  const sellerName = seller.state?.sellerCell?.centerBlock?.title?.text ?? ld?.offers?.seller?.name ?? null;
  const sellerLink = seller.state?.sellerCell?.common?.action?.link ?? '';
  const sellerId = /\/seller\/([^/?]+)/.exec(sellerLink)?.[1] ?? sellerName ?? '';
  const rating = score.state?.totalScore ?? num(ld?.aggregateRating?.ratingValue);
  const reviewCount = score.state?.reviewsCount ?? num(ld?.aggregateRating?.reviewCount) ?? 0;
  const brand = typeof ld?.brand === 'string' ? ld.brand : (ld?.brand?.name ?? '');

  return {
    marketplace: 'ozon',
    id: String(sku),
    // A product is its own root on Ozon: its reviews are the SKU's.
    rootId: String(sku),
    name,
    brand,
    seller: sellerName ? { id: sellerId, name: sellerName, rating: null } : null,
    rating: reviewCount > 0 && rating !== null && rating >= 0 && rating <= 5 ? rating : null,
    reviewCount: Math.max(0, Math.round(reviewCount)),
    priceNow,
    priceBefore,
    priceCard,
    discountPct: priceNow !== null && priceBefore ? Math.max(0, Math.round(((priceBefore - priceNow) / priceBefore) * 100)) : null,
    sizes: [],
    stockTotal: 0,
    stockByWarehouse: [],
    stockKnown: false,
    photos: null,
    fetchedAt,
  };
}

/** A card from the JSON-LD the product page embeds, if one of them is this article's Product. */
export function cardFromEmbedded(ldJson: readonly string[], sku: number, fetchedAt: number): ProductCard | null {
  for (const text of ldJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const ld = JsonLdProductSchema.safeParse(parsed);
    // Pages embed several JSON-LD blocks (organization, breadcrumbs…): only this article's Product.
    if (!ld.success || ld.data['@type'] !== 'Product' || (ld.data.sku !== undefined && String(ld.data.sku) !== String(sku))) continue;
    try {
      const card = cardFromOzon({ widgetStates: {}, seo: { script: [{ innerHTML: text }] } }, sku, fetchedAt);
      if (card) return card;
    } catch {
      // not usable either
    }
  }
  return null;
}

/** An article from a tile: its id, or the one in its product link. */
const skuOf = (tile: { id?: number | string; action?: { link: string } }) => {
  const fromId = tile.id !== undefined ? String(tile.id) : '';
  return BARE_ARTICLE_RE.test(fromId) ? fromId : skuFromLink(tile.action?.link ?? '');
};

/** Listing tiles of a search/category page JSON, numbered from `offset + 1`. */
export function entriesFromOzon(json: OzonPageJson, offset: number, fetchedAt: number): ListingEntry[] {
  void fetchedAt;
  const key = Object.keys(json.widgetStates).find((k) => /^(searchResultsV2|tileGridDesktop)-/.test(k));
  if (!key) throw new FetchProblem('format-changed', 'ozon page json: no listing widget');
  let parsed: z.infer<typeof OzonListingSchema>;
  try {
    parsed = OzonListingSchema.parse(JSON.parse(json.widgetStates[key] as string));
  } catch {
    throw new FetchProblem('format-changed', `ozon page json: ${key.split('-')[0]} changed shape`);
  }
  const entries: ListingEntry[] = [];
  for (const tile of parsed.items) {
    const id = skuOf(tile);
    if (!id) continue;
    const atoms = tile.mainState;
    const name = atoms.find((a) => a.id === 'name')?.textDS?.text ?? atoms.find((a) => a.id === 'name')?.textAtom?.text ?? '';
    const prices = atoms.find((a) => a.priceV2)?.priceV2?.price ?? [];
    const priceNow = parseRub(prices.find((p) => p.textStyle === 'PRICE')?.text ?? prices[0]?.text);
    const labels = atoms.flatMap((a) => a.labelList?.items.map((i) => i.title ?? '') ?? []);
    const rating = labels.map((l) => /^([0-5](?:[.,]\d)?)$/.exec(l.trim())?.[1]).find(Boolean);
    const reviews = labels.map((l) => /^([\d\s\u00a0\u2009]+)\s*отзыв/.exec(l.trim())?.[1]).find(Boolean);
    const displayed = offset + entries.length + 1;
    entries.push({
      id,
      name,
      brand: '',
      displayed,
      organic: displayed,
      ad: null,
      priceNow,
      rating: rating ? Number(rating.replace(',', '.')) : null,
      reviewCount: reviews ? Number(reviews.replace(/\D/g, '')) : 0,
      stockTotal: null,
    });
  }
  return entries;
}

/** One page of a card's reviews (`webListReviews`), its broken reviews left out. */
export function reviewsFromOzon(json: OzonPageJson): { reviews: Review[]; total: number | null } {
  const list = widgetState(json, 'webListReviews', OzonReviewListSchema);
  if (!list.state)
    throw new FetchProblem('format-changed', `ozon reviews: ${list.present ? 'webListReviews changed shape' : 'no webListReviews'}`);
  const reviews: Review[] = [];
  for (const raw of list.state.reviews) {
    const r = OzonReviewSchema.safeParse(raw);
    if (!r.success) continue;
    const { content } = r.data;
    // As on WB: the comment, and the cons apart (a negative review's point is often there).
    const text = [content.comment || (content.negative ? '' : content.positive), content.negative ? `Недостатки: ${content.negative}` : '']
      .filter(Boolean)
      .join('\n');
    reviews.push({
      id: r.data.uuid,
      rating: content.score,
      createdAt: r.data.publishedAt,
      author: cutText(r.data.author?.firstName ?? '', 200),
      text: cutText(text, REVIEW_TEXT_MAX),
      answered: r.data.commentsAmount === undefined ? null : r.data.commentsAmount > 0,
    });
  }
  // Reviews there, none readable: the shape changed, not the card.
  if (reviews.length === 0 && list.state.reviews.length > 0) throw new FetchProblem('format-changed', 'ozon reviews: no review readable');
  const paging = list.state.paging;
  return { reviews, total: paging?.commonTotal ?? paging?.total ?? null };
}

/**
 * A card's review summary from two pages of its reviews: the first as Ozon shows it (its default,
 * most useful first) gives the distribution and the negative share — over those reviews only, Ozon
 * publishes no distribution — and the lowest-rated first page adds the negatives Ozon shows there
 * (it serves no newest-first order: `published_at_desc` falls back to usefulness, reference §1.3).
 */
export function reviewSummaryFromOzon(
  card: Pick<ProductCard, 'id' | 'rating' | 'reviewCount'>,
  shown: Review[],
  lowest: Review[],
  at: number,
): ReviewSummary {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of shown) distribution[r.rating - 1] = (distribution[r.rating - 1] ?? 0) + 1;
  const seen = new Set(shown.map((r) => r.id));
  const negatives = negativesOf([...shown, ...lowest.filter((r) => !seen.has(r.id))]);
  return {
    marketplace: 'ozon',
    rootId: card.id,
    at,
    rating: card.rating,
    count: card.reviewCount,
    distribution,
    distributionOf: shown.length,
    recentCount: shown.length,
    recentNegative: shown.filter(isNegative).length,
    lastNegative: negatives.lastNegative,
    negativeAnsweredPct: negatives.negativeAnsweredPct,
  };
}
