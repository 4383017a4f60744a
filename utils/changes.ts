// What changed on a card between two looks, in the seller's terms: price, discount, title, number
// of photos, rating, in/out of stock. Pure; the change log is built from these.
import type { ProductCard } from './model';

export type ChangeField = 'price' | 'discount' | 'title' | 'photos' | 'rating' | 'stock';

export interface CardChange {
  field: ChangeField;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

export function diffCards(before: ProductCard, after: ProductCard): CardChange[] {
  const out: CardChange[] = [];
  const inStock = (c: ProductCard) => c.priceNow !== null;
  if (inStock(before) !== inStock(after)) out.push({ field: 'stock', from: inStock(before), to: inStock(after) });
  if (inStock(before) && inStock(after) && before.priceNow !== after.priceNow)
    out.push({ field: 'price', from: before.priceNow, to: after.priceNow });
  if (inStock(before) && inStock(after) && before.discountPct !== after.discountPct)
    out.push({ field: 'discount', from: before.discountPct, to: after.discountPct });
  if (before.name.trim() !== after.name.trim()) out.push({ field: 'title', from: before.name, to: after.name });
  if (before.photos !== null && after.photos !== null && before.photos !== after.photos)
    out.push({ field: 'photos', from: before.photos, to: after.photos });
  if (before.rating !== null && after.rating !== null && Math.abs(before.rating - after.rating) >= 0.05)
    out.push({ field: 'rating', from: before.rating, to: after.rating });
  return out;
}
