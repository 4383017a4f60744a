// The page summary's maths: one pass over the tiles a listing page shows, plus a sort or two. Pure
// and free of zod, so the content script's light core computes it in place as tiles load (and
// `npm run bench` times it on 1 000 tiles). Money in kopecks.

/** One tile as the summary reads it (utils/listing-summary/protocol.ts sends these). */
export interface SummaryTile {
  id: string;
  name: string;
  brand: string;
  seller: { id: string; name: string } | null;
  /** 1-based place shown on the page (ads included). */
  displayed: number;
  /** The organic place; null when unknown. */
  position: number | null;
  ad: { position: number; cpm: number | null } | null;
  priceNow: number | null;
  rating: number | null;
  reviewCount: number;
  /** Lupa's estimate from its own stock history; null when it has none for this card. */
  ordersPerDay: number | null;
}

/** A price band: from (inclusive), to (exclusive; the last band includes its end), cards in it. */
export type PriceBand = [from: number, to: number, count: number];

export interface ListingSummary {
  tiles: number;
  /** Tiles with a price (in stock). */
  priced: number;
  medianPrice: number | null;
  bands: PriceBand[];
  ads: number;
  /** Advertised tiles among the tiles, percent with one decimal; null without tiles or where ads are not marked. */
  adSharePct: number | null;
  /** Distinct sellers among tiles that name one; null when none does (Ozon's listing JSON). */
  sellers: number | null;
  /** Distinct brands among tiles that name one; null when none does. */
  brands: number | null;
  /** The biggest brands by tiles, with their share of all tiles (percent, one decimal). */
  topBrands: Array<{ brand: string; count: number; sharePct: number }>;
  /** The top brands' share of all tiles together. */
  topBrandsSharePct: number | null;
  medianRating: number | null;
  medianReviews: number | null;
  /** Tiles Lupa has a sales estimate for (its own stock history): the estimate covers only these. */
  covered: number;
  /** Estimated orders a day over the covered tiles (one decimal); null when none is covered. */
  ordersPerDay: number | null;
  /** Estimated revenue a day over the covered tiles with a price, kopecks. */
  revenuePerDay: number | null;
}

export const TOP_BRANDS = 3;
export const MAX_BANDS = 8;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Median of sorted numbers; an even count averages the middle two. */
function medianSorted(sorted: ArrayLike<number>, round: (n: number) => number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/** A round band width in kopecks (1, 2, 2.5 or 5 × 10ⁿ rubles), at least a ruble. */
export function bandWidth(range: number, bands = MAX_BANDS): number {
  const raw = Math.max(range / bands, 100);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= raw) return Math.round(step * power);
  return Math.round(10 * power);
}

/**
 * Price bands over sorted prices: round edges, at most MAX_BANDS (+1 when the edges fall that way),
 * empty bands kept so the histogram's gaps are real. One price (or all equal): one band [p, p, n].
 */
export function priceBands(sorted: ArrayLike<number>): PriceBand[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  if (min === max) return [[min, max, n]];
  const width = bandWidth(max - min);
  const start = Math.floor(min / width) * width;
  const count = Math.floor((max - start) / width) + 1;
  const bands: PriceBand[] = [];
  for (let i = 0; i < count; i++) bands.push([start + i * width, start + (i + 1) * width, 0]);
  for (let i = 0; i < n; i++) {
    const band = bands[Math.min(count - 1, Math.floor(((sorted[i] as number) - start) / width))] as PriceBand;
    band[2]++;
  }
  return bands;
}

/** `adsMarked`: whether the listing says which tiles are ads (Ozon's does not, as far as is known). */
export function summarise(tiles: readonly SummaryTile[], adsMarked = true): ListingSummary {
  const prices: number[] = [];
  const ratings: number[] = [];
  const reviews = new Float64Array(tiles.length);
  const sellers = new Set<string>();
  const brands = new Map<string, number>();
  let ads = 0;
  let covered = 0;
  let orders = 0;
  let revenue = 0;
  let revenueKnown = false;
  for (let i = 0; i < tiles.length; i++) {
    const t = tiles[i] as SummaryTile;
    if (t.priceNow !== null) prices.push(t.priceNow);
    if (t.rating !== null) ratings.push(t.rating);
    reviews[i] = t.reviewCount;
    if (t.ad) ads++;
    if (t.seller) sellers.add(t.seller.id);
    const brand = t.brand.trim();
    if (brand) brands.set(brand, (brands.get(brand) ?? 0) + 1);
    if (t.ordersPerDay !== null) {
      covered++;
      orders += t.ordersPerDay;
      if (t.priceNow !== null) {
        revenue += t.ordersPerDay * t.priceNow;
        revenueKnown = true;
      }
    }
  }
  const sortedPrices = Float64Array.from(prices).sort();
  const total = tiles.length;
  const share = (part: number) => (total === 0 ? 0 : round1((part / total) * 100));
  const topBrands = [...brands]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP_BRANDS)
    .map(([brand, count]) => ({ brand, count, sharePct: share(count) }));
  return {
    tiles: total,
    priced: prices.length,
    medianPrice: medianSorted(sortedPrices, Math.round),
    bands: priceBands(sortedPrices),
    ads,
    adSharePct: total === 0 || !adsMarked ? null : share(ads),
    sellers: sellers.size === 0 ? null : sellers.size,
    brands: brands.size === 0 ? null : brands.size,
    topBrands,
    topBrandsSharePct: topBrands.length === 0 ? null : share(topBrands.reduce((n, b) => n + b.count, 0)),
    medianRating: medianSorted(Float64Array.from(ratings).sort(), round1),
    medianReviews: medianSorted(reviews.sort(), Math.round),
    covered,
    ordersPerDay: covered === 0 ? null : round1(orders),
    revenuePerDay: revenueKnown ? Math.round(revenue) : null,
  };
}

/** One paid slot of a search as the bid ladder shows it. */
export interface BidSlot {
  /** The slot shown (1-based place on the results, ads included). */
  slot: number;
  /** The results page the slot is on. */
  page: number;
  id: string;
  name: string;
  /** Bid, kopecks per 1000 views; null when WB's `log` names none. */
  cpm: number | null;
  /** Where the card would stand unpaid (WB's `log.position`). */
  organic: number | null;
}

/** Every advertised tile, by slot. */
export function bidLadder(tiles: readonly SummaryTile[], pageSize: number): BidSlot[] {
  const slots: BidSlot[] = [];
  for (const t of tiles)
    if (t.ad)
      slots.push({
        slot: t.ad.position,
        page: Math.floor((t.ad.position - 1) / pageSize) + 1,
        id: t.id,
        name: t.name,
        cpm: t.ad.cpm,
        organic: t.position,
      });
  return slots.sort((a, b) => a.slot - b.slot);
}

/** What the seller assumes of an ad's views: clicks per view and orders per click, percent; margin per order, kopecks. */
export interface BidAssumptions {
  marginPerOrder: number | null;
  ctrPct: number;
  conversionPct: number;
}

/**
 * The highest CPM (kopecks per 1000 views) whose expected orders still pay for it: 1000 views bring
 * 1000 × CTR × conversion orders, each earning the margin. Null until the margin is known.
 */
export function breakEvenCpm(a: BidAssumptions): number | null {
  if (a.marginPerOrder === null || !(a.ctrPct >= 0) || !(a.conversionPct >= 0)) return null;
  return Math.floor(1000 * (a.ctrPct / 100) * (a.conversionPct / 100) * a.marginPerOrder);
}

/** The bar's state as the seller left it (utils/listing-summary/tables.ts keeps it). */
export interface SummaryPrefsValue extends BidAssumptions {
  open: boolean;
}

/**
 * What the bar assumes until the seller says otherwise: open, no margin (so no break-even), and a
 * CTR and click-to-order conversion of the order sellers quote for WB search ads — shown as
 * assumptions to replace, never as the card's measured funnel.
 */
export const DEFAULT_SUMMARY_PREFS: SummaryPrefsValue = { open: true, marginPerOrder: null, ctrPct: 3, conversionPct: 5 };
