// Wildberries shapes → Lupa's own types. Pure functions; `now` comes from the caller.
import type { z } from 'zod';
import type { CardText, ListingEntry, PricePoint, ProductCard, Review, ReviewSummary, Size, WarehouseStock } from '../../model';
import { cutText, negativesOf, REVIEW_TEXT_MAX } from '../../stats';
import type { WbCardTextSchema, WbFeedbacksResponse, WbPriceHistorySchema, WbProduct, WbSearchEntry } from './schemas';
import { warehouseName } from './warehouses';

function sizeOf(size: WbProduct['sizes'][number], product: WbProduct): Size {
  const qty = size.stocks.reduce((sum, s) => sum + s.qty, 0);
  const price = size.price?.product ?? product.salePriceU ?? null;
  const priceBefore = size.price?.basic ?? product.priceU ?? null;
  return {
    name: size.origName && size.name && size.origName !== size.name ? `${size.name} (${size.origName})` : size.name || size.origName || '',
    optionId: size.optionId ?? null,
    qty,
    price,
    priceBefore,
  };
}

/** A rating is 0–5 stars; anything else WB sends is not a rating. */
const ratingOrNull = (r: number | undefined) => (r !== undefined && r >= 0 && r <= 5 ? r : null);

export function cardFromWb(product: WbProduct, fetchedAt: number): ProductCard {
  const sizes = product.sizes.map((s) => sizeOf(s, product));
  // Some responses (search, newer versions) give only `totalQuantity`, no stocks per size.
  const stocksListed = product.sizes.some((s) => s.stocks.length > 0);
  const stockOnlyInTotal = !stocksListed && (product.totalQuantity ?? 0) > 0;
  // What a buyer can pay now: the cheapest size that is in stock and has a price.
  const onSale = sizes.filter((s) => (s.qty > 0 || stockOnlyInTotal) && s.price !== null);
  const cheapest = onSale.reduce<Size | null>(
    (best, s) => (best === null || (s.price as number) < (best.price as number) ? s : best),
    null,
  );
  const priceNow = cheapest?.price ?? null;
  const priceBefore = cheapest ? (cheapest.priceBefore ?? cheapest.price) : null;
  const discountPct =
    priceNow !== null && priceBefore !== null && priceBefore > 0
      ? Math.max(0, Math.round(((priceBefore - priceNow) / priceBefore) * 100))
      : null;

  const byWh = new Map<number, WarehouseStock>();
  for (const size of product.sizes) {
    for (const stock of size.stocks) {
      const hours = stock.time1 !== undefined || stock.time2 !== undefined ? (stock.time1 ?? 0) + (stock.time2 ?? 0) : null;
      const entry = byWh.get(stock.wh) ?? { warehouseId: stock.wh, name: warehouseName(stock.wh), qty: 0, deliveryHours: null };
      entry.qty += stock.qty;
      if (hours !== null) entry.deliveryHours = entry.deliveryHours === null ? hours : Math.min(entry.deliveryHours, hours);
      byWh.set(stock.wh, entry);
    }
  }
  const stockByWarehouse = [...byWh.values()].filter((w) => w.qty > 0).sort((a, b) => b.qty - a.qty || a.warehouseId - b.warehouseId);

  const reviewCount = Math.max(0, product.feedbacks ?? 0);
  // WB sends rating 0 for cards without reviews: that is "no rating", not zero stars.
  const rating = reviewCount > 0 ? (product.reviewRating ?? product.rating ?? null) : null;
  return {
    marketplace: 'wb',
    id: String(product.id),
    rootId: product.root !== undefined ? String(product.root) : null,
    name: product.name,
    brand: product.brand,
    seller:
      product.supplierId !== undefined
        ? { id: String(product.supplierId), name: product.supplier ?? '', rating: ratingOrNull(product.supplierRating) }
        : null,
    rating: rating !== null && rating >= 0 && rating <= 5 ? rating : null,
    reviewCount,
    priceNow,
    priceBefore,
    priceCard: null,
    discountPct,
    sizes,
    stockTotal: stockOnlyInTotal ? (product.totalQuantity ?? 0) : stockByWarehouse.reduce((sum, w) => sum + w.qty, 0),
    stockByWarehouse,
    stockKnown: true,
    photos: product.pics ?? null,
    ...(product.subjectId ? { subjectId: product.subjectId } : {}),
    fetchedAt,
  };
}

export function pricePointsFromWb(nmId: string, history: z.infer<typeof WbPriceHistorySchema>): PricePoint[] {
  return history.map((p) => ({
    marketplace: 'wb',
    productId: nmId,
    at: p.dt * 1000,
    price: p.price.RUB,
    source: 'history',
  }));
}

/** A search result: where it stands, whether it is paid for, and what its tile would show. */
export function listingEntryFromWb(entry: WbSearchEntry, displayed: number, fetchedAt: number): ListingEntry {
  const card = cardFromWb(entry, fetchedAt);
  const ad = entry.log && (entry.log.promotion ?? 1) > 0 && entry.log.position !== undefined ? entry.log : undefined;
  return {
    id: card.id,
    name: card.name,
    brand: card.brand,
    displayed,
    organic: ad ? (ad.position as number) : displayed,
    ad: ad ? { position: displayed, cpm: ad.cpm !== undefined ? Math.round(ad.cpm * 100) : null } : null,
    priceNow: card.priceNow,
    rating: card.rating,
    reviewCount: card.reviewCount,
    stockTotal: card.stockTotal,
    seller: card.seller ? { id: card.seller.id, name: card.seller.name } : null,
  };
}

export { REVIEW_TEXT_MAX } from '../../stats';

/** Is this shard's answer empty (so the other shard should be asked)? */
export function isEmptyFeedbacks(r: WbFeedbacksResponse): boolean {
  return r.feedbackCount === 0 && r.feedbacks.length === 0;
}

/** The reviews WB returned, newest first, each text with its cons (cut at REVIEW_TEXT_MAX). */
export function reviewsFromWb(r: WbFeedbacksResponse): Review[] {
  return r.feedbacks
    .map((f) => ({
      id: f.id,
      rating: f.productValuation,
      createdAt: Date.parse(f.createdDate),
      author: cutText(f.wbUserDetails?.name ?? '', 200),
      // WB keeps pros and cons apart from the text; a negative review's point is often in cons.
      text: cutText([f.text, f.cons ? `Недостатки: ${f.cons}` : ''].filter(Boolean).join('\n'), REVIEW_TEXT_MAX),
      answered: Boolean(f.answer?.text?.trim()),
    }))
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function reviewSummaryFromWb(rootId: string, r: WbFeedbacksResponse, at: number): ReviewSummary {
  const reviews = reviewsFromWb(r);
  const d = r.valuationDistribution;
  const valuation = r.valuation === null || r.valuation === undefined || r.valuation === '' ? null : Number(r.valuation);
  return {
    marketplace: 'wb',
    rootId,
    at,
    rating: valuation !== null && Number.isFinite(valuation) && valuation >= 0 && valuation <= 5 ? valuation : null,
    count: r.feedbackCount,
    distribution: d ? [d[1], d[2], d[3], d[4], d[5]] : [0, 0, 0, 0, 0],
    recentCount: reviews.length,
    ...negativesOf(reviews),
  };
}

/** card.json's words: title, description, characteristics (grouped ones too, each once), within the model's bounds. */
export function cardTextFromWb(nmId: string, info: z.infer<typeof WbCardTextSchema>): CardText {
  const seen = new Set<string>();
  const options = [...info.options, ...info.grouped_options].filter((o) => {
    const key = `${o.name}\u0000${o.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    id: nmId,
    title: (info.imt_name ?? '').slice(0, 2000),
    description: (info.description ?? '').slice(0, 20_000),
    options: options.slice(0, 500).map((o) => ({ name: o.name.slice(0, 500), value: o.value.slice(0, 2000) })),
    sizeTable: info.sizes_table?.details_props.length
      ? {
          props: info.sizes_table.details_props.slice(0, 20).map((p) => p.slice(0, 200)),
          rows: info.sizes_table.values.slice(0, 100).map((v) => ({
            size: v.tech_size.slice(0, 50),
            values: v.details.slice(0, 20).map((d) => d.slice(0, 100)),
          })),
        }
      : null,
  };
}
