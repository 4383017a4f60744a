// WB's SPP (скидка постоянного покупателя) on the seller's own items: the storefront card's price now
// (`price.product`, the card Lupa already reads) against the seller's price after their own discount
// (prices & discounts API). spp = 1 − storefront ÷ discounted, in percent with one decimal.
import type { Spp } from '../background-kit';
import { type LupaDb, readCards, schemas, validRows } from '../db';
import type { Marketplace } from '../model';

/** Percent with one decimal; null when the two prices cannot be compared (none, or WB above the seller). */
export function sppPct(storefront: number, discounted: number): number | null {
  if (!(discounted > 0) || !(storefront > 0) || storefront > discounted) return null;
  return Math.round((1 - storefront / discounted) * 1000) / 10;
}

/** Each own item's SPP from the stored storefront card and the imported seller prices. */
export async function sppOf(db: LupaDb, marketplace: Marketplace, ids: readonly string[]): Promise<Map<string, Spp>> {
  const out = new Map<string, Spp>();
  if (marketplace !== 'wb' || ids.length === 0) return out;
  const keys = ids.map((id) => [marketplace, id] as [Marketplace, string]);
  const prices = new Map(
    validRows(schemas.ownPrices, (await db.ownPrices.bulkGet(keys)).filter(Boolean), 'ownPrices').map((p) => [p.id, p]),
  );
  const cards = await readCards(
    db,
    ids.filter((id) => prices.has(id)).map((id) => ({ marketplace, id })),
  );
  for (const card of cards) {
    const own = card && prices.get(card.id);
    if (!card || !own || card.priceNow === null) continue;
    const pct = sppPct(card.priceNow, own.discountedPrice);
    if (pct !== null)
      out.set(card.id, { pct, storefront: card.priceNow, discounted: own.discountedPrice, at: Math.min(card.fetchedAt, own.importedAt) });
  }
  return out;
}
