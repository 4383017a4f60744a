// WB's SPP (скидка постоянного покупателя) on the seller's own items: the storefront card's price now
// (`price.product`, the card Lupa already reads) against the seller's price after their own discount
// (prices & discounts API). spp = 1 − storefront ÷ discounted, in percent with one decimal.

import type { Spp } from '../background-kit';
import { type LupaDb, readCards, schemas, validRow, validRows } from '../db';
import { adapterOf } from '../marketplaces';
import { moscowDay } from '../marketplaces/wb/seller-supplies';
import type { Marketplace, WatchEvent } from '../model';
import type { SppPoint } from './tables';

/** Percent with one decimal; null when the two prices cannot be compared (none, or WB above the seller). */
export function sppPct(storefront: number, discounted: number): number | null {
  if (!(discounted > 0) || !(storefront > 0) || storefront > discounted) return null;
  return Math.round((1 - storefront / discounted) * 1000) / 10;
}

/** Each own item's SPP from the stored storefront card and the imported seller prices. */
export async function sppOf(db: LupaDb, marketplace: Marketplace, ids: readonly string[]): Promise<Map<string, Spp>> {
  const out = new Map<string, Spp>();
  if (!adapterOf(marketplace).sellerApi || ids.length === 0) return out;
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

/** WB's day: days since the epoch in Moscow time (UTC+3, no daylight saving). */
export const wbDay = moscowDay;
/** A move of this many percentage points from the last stored day raises a task. */
export const SPP_MOVE_POINTS = 3;

/**
 * Today's SPP of every own item whose two prices are known, kept as the day's point (a later
 * reading the same day replaces it); a move of SPP_MOVE_POINTS or more against the item's previous
 * day raises a `spp-change` task (one per item and day).
 */
export async function recordSpp(db: LupaDb, now: number): Promise<WatchEvent[]> {
  // SPP is WB's: the prices its seller API gave for the seller's WB items.
  const ids = (
    (await db.ownPrices.where('[marketplace+id]').between(['wb', ''], ['wb', '\uffff']).primaryKeys()) as Array<[Marketplace, string]>
  ).map(([, id]) => id);
  const spp = await sppOf(db, 'wb', ids);
  if (spp.size === 0) return [];
  const day = wbDay(now);
  const today: SppPoint[] = [...spp].map(([id, s]) => ({
    marketplace: 'wb',
    id,
    day,
    pct: s.pct,
    storefront: s.storefront,
    discounted: s.discounted,
    at: now,
  }));
  // The previous day each item has, read in one short transaction (an index step per item).
  const before = await db.transaction('r', db.sppPoints, () =>
    Promise.all(today.map((p) => db.sppPoints.where('[marketplace+id+day]').between(['wb', p.id, 0], ['wb', p.id, day]).last())),
  );
  await db.sppPoints.bulkPut(today);
  const names = new Map((await readCards(db, today)).filter((c) => c !== undefined).map((c) => [c.id, c.name]));
  const events: WatchEvent[] = [];
  today.forEach((p, i) => {
    const prev = validRow(schemas.sppPoints, before[i], 'sppPoints');
    if (!prev || Math.abs(p.pct - prev.pct) < SPP_MOVE_POINTS - 1e-9) return;
    events.push({
      key: `wb:${p.id}:spp-change:${day}`,
      marketplace: 'wb',
      id: p.id,
      name: names.get(p.id) ?? '',
      kind: 'spp-change',
      at: now,
      from: prev.pct,
      to: p.pct,
      read: 0,
    });
  });
  return events;
}
