// Pricing figures for the seller's own item, all in kopecks: the buyer's price after the seller's
// discount, the margin from the item's costs, the competitors' lowest and median price, and the
// price (before discount) that matches the lowest competitor. Pure functions, no rounding surprises:
// marketplaces take prices in whole rubles, so a suggested price is whole rubles.
import { parseRub } from '../marketplaces/ozon/price';
import { median } from '../stats';
import type { UnitCost } from './tables';

/**
 * The price the buyer sees: the seller's own discount (0–99 %) applied, then WB's SPP where it is
 * known (the storefront's price; reference: spp = 1 − storefront ÷ discounted).
 */
export function buyerPrice(price: number, discountPct: number, sppPct = 0): number {
  return Math.round((price * (100 - clampDiscount(discountPct)) * (100 - clampDiscount(sppPct))) / 10_000);
}

function clampDiscount(pct: number): number {
  return Number.isFinite(pct) ? Math.min(99, Math.max(0, pct)) : 0;
}

export interface Margin {
  /** Kopecks left per unit after commission, logistics and cost price. */
  margin: number;
  /** The margin as a share of the buyer's price, percent. */
  marginPct: number | null;
  commission: number;
}

/** Null until the cost price is known: a margin without it would be a made-up figure. */
export function marginOf(buyer: number, costs: Pick<UnitCost, 'cost' | 'commissionPct' | 'logistics'> | null): Margin | null {
  if (!costs || costs.cost === null) return null;
  const commission = Math.round((buyer * (costs.commissionPct ?? 0)) / 100);
  const margin = buyer - commission - (costs.logistics ?? 0) - costs.cost;
  return { margin, marginPct: buyer > 0 ? Math.round((margin / buyer) * 1000) / 10 : null, commission };
}

export interface CompetitorPrices {
  min: number | null;
  median: number | null;
  /** Competitors with a price now (in stock). */
  priced: number;
  /** Linked competitors in all, priced or not. */
  linked: number;
}

export function competitorPrices(prices: ReadonlyArray<number | null>): CompetitorPrices {
  const priced = prices.filter((p): p is number => p !== null);
  return {
    min: priced.length ? Math.min(...priced) : null,
    median: median(priced),
    priced: priced.length,
    linked: prices.length,
  };
}

export interface PriceToMatch {
  /** Price before discount, whole rubles in kopecks, whose buyer price is at most the target. */
  price: number;
  buyer: number;
  /** True when the current price is already at or below the target. */
  already: boolean;
}

/**
 * The highest whole-ruble price before discount whose buyer price (after the seller's discount and
 * the SPP, when known) does not exceed `target`.
 */
export function priceToMatch(target: number, currentPrice: number, discountPct: number, sppPct = 0): PriceToMatch {
  const d = clampDiscount(discountPct);
  const s = clampDiscount(sppPct);
  const now = buyerPrice(currentPrice, d, s);
  if (now <= target) return { price: currentPrice, buyer: now, already: true };
  let rubles = Math.floor((target * 100) / ((100 - d) * (100 - s)));
  while (rubles > 0 && buyerPrice(rubles * 100, d, s) > target) rubles--;
  while (buyerPrice((rubles + 1) * 100, d, s) <= target) rubles++;
  return { price: rubles * 100, buyer: buyerPrice(rubles * 100, d, s), already: false };
}

type Costs = Pick<UnitCost, 'cost' | 'commissionPct' | 'logistics'>;
/** The costs as the seller types them: rubles ("85,40", "1 200") and a percent ("19,5"). */
export interface CostsText {
  cost: string;
  commission: string;
  logistics: string;
}

const rublesText = (kopecks: number | null | undefined) => (kopecks == null ? '' : String(kopecks / 100).replace('.', ','));

export function costsToText(costs: Costs | null | undefined): CostsText {
  return {
    cost: rublesText(costs?.cost),
    commission: costs?.commissionPct == null ? '' : String(costs.commissionPct).replace('.', ','),
    logistics: rublesText(costs?.logistics),
  };
}

/** What the seller typed, as stored costs; anything unreadable (or a percent outside 0–100) is unset. */
export function costsFromText(text: CostsText): Costs {
  const pct = Number(text.commission.trim().replace(',', '.'));
  return {
    cost: parseRub(text.cost),
    commissionPct: text.commission.trim() === '' || !(pct >= 0 && pct <= 100) ? null : pct,
    logistics: parseRub(text.logistics),
  };
}
