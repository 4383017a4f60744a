// What a panel must show for a fixture product, computed here from the fixture payloads alone —
// on purpose without any of Lupa's own code.
import * as wb from '../fixtures/wb/catalog.mjs';

const DAY = 24 * 60 * 60 * 1000;
type FixtureProduct = (typeof wb.products)[number];

export interface Expected {
  'price-now': string;
  'price-before': string | null;
  discount: string | null;
  'price-min': string | null;
  'price-median': string | null;
  'price-max': string | null;
  'price-lowest': string | null;
  rating: string;
  reviews: string;
  'negative-share': string | null;
  'stock-total': string;
  seller: string;
  warehouses: Record<string, number>;
  lastNegative: Array<{ answered: boolean; text: string }>;
}

export function expectedFor(p: FixtureProduct, now: number): Expected {
  type DetailSize = { stocks: Array<{ wh: number; qty: number }>; price?: { product: number; basic: number } };
  const card = wb.detailProduct(p) as ReturnType<typeof wb.detailProduct> & { sizes: DetailSize[] };
  const sizes = card.sizes.map((s: DetailSize) => ({
    qty: s.stocks.reduce((a: number, st: { qty: number }) => a + st.qty, 0),
    price: (s as { price?: { product: number; basic: number } }).price,
  }));
  type Sellable = (typeof sizes)[number];
  const onSale = sizes
    .filter((s: Sellable) => s.qty > 0 && s.price)
    .sort((a: Sellable, b: Sellable) => a.price!.product - b.price!.product);
  const cheapest = onSale[0]?.price;
  const priceNow = cheapest ? cheapest.product : null;

  const warehouses: Record<string, number> = {};
  for (const s of card.sizes) for (const st of s.stocks) warehouses[st.wh] = (warehouses[st.wh] ?? 0) + st.qty;

  const history = wb.priceHistory(p, now) ?? [];
  const values = history.filter((h) => h.dt * 1000 >= now - 90 * DAY).map((h) => h.price.RUB);
  if (priceNow !== null) values.push(priceNow);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const med = sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);

  const feedbacks = wb.feedbacksResponse(p, p.reviews.shard, now).feedbacks ?? [];
  const negatives = feedbacks.filter((f) => f.productValuation <= 2).sort((a, b) => Date.parse(b.createdDate) - Date.parse(a.createdDate));

  return {
    'price-now': priceNow === null ? '' : String(priceNow),
    'price-before': cheapest ? String(cheapest.basic) : null,
    discount: cheapest ? String(Math.round(((cheapest.basic - cheapest.product) / cheapest.basic) * 100)) : null,
    'price-min': sorted.length ? String(sorted[0]) : null,
    'price-median': med === null ? null : String(med),
    'price-max': sorted.length ? String(sorted[sorted.length - 1]) : null,
    'price-lowest': sorted.length ? String(priceNow !== null && values.every((v) => priceNow <= v)) : null,
    rating: card.feedbacks > 0 ? String(card.reviewRating) : '',
    reviews: String(card.feedbacks),
    'negative-share': feedbacks.length ? String(Math.round((negatives.length / feedbacks.length) * 1000) / 10) : null,
    'stock-total': String(Object.values(warehouses).reduce((a, b) => a + b, 0)),
    seller: card.supplier,
    warehouses: Object.fromEntries(Object.entries(warehouses).filter(([, q]) => q > 0)),
    lastNegative: negatives.slice(0, 3).map((f) => ({ answered: Boolean(f.answer?.text), text: f.text })),
  };
}
