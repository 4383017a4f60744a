// WB's sales funnel, `POST seller-analytics-api.wildberries.ru/api/analytics/v3/sales-funnel/products`
// (reference §3.2: 3 requests a minute; the Analytics category): for a period of whole days, per
// item (nmId) the card's opens, adds to cart, orders and buyouts with their sums — the numbers the
// cabinet's "Воронка продаж" shows. Sums come in rubles; Lupa keeps kopecks.
import { z } from 'zod';
import { rublesToKopecks } from './seller-prices';

export const FUNNEL_PATH = '/api/analytics/v3/sales-funnel/products';
/** Items per page Lupa asks for. */
export const FUNNEL_PAGE = 1000;

const Count = z.number().int().nonnegative().max(1_000_000_000);
const Rubles = z.number().nonnegative().max(100_000_000_000);

const StatisticSchema = z.object({
  openCount: Count.nullish(),
  cartCount: Count.nullish(),
  orderCount: Count.nullish(),
  orderSum: Rubles.nullish(),
  buyoutCount: Count.nullish(),
  buyoutSum: Rubles.nullish(),
});

const FunnelProductSchema = z.object({
  product: z.object({ nmId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  statistic: z.object({ selected: StatisticSchema }),
});

/** The answer; a product that does not fit is skipped by funnelRows, a changed envelope is not. */
export const FunnelPageSchema = z.object({
  data: z.object({
    products: z
      .array(z.unknown())
      .max(FUNNEL_PAGE * 2)
      .nullish(),
  }),
});
export type FunnelPage = z.infer<typeof FunnelPageSchema>;

/** A period of whole days, `YYYY-MM-DD` both ends, as WB's day (Moscow time). */
export interface FunnelPeriod {
  start: string;
  end: string;
}

export const funnelBody = (period: FunnelPeriod, offset: number, limit = FUNNEL_PAGE) => ({
  selectedPeriod: period,
  skipDeletedNm: true,
  limit,
  offset,
});

/** One item's funnel over a period: [nmId, opens, carts, orders, order sum kopecks, buyouts, buyout sum kopecks]. */
export const FunnelRowSchema = z.tuple([
  z.number().int().positive(),
  Count,
  Count,
  Count,
  z.number().int().nonnegative(),
  Count,
  z.number().int().nonnegative(),
]);
export type FunnelRow = z.infer<typeof FunnelRowSchema>;

export function funnelRows(page: FunnelPage): { rows: FunnelRow[]; got: number; dropped: number } {
  const rows: FunnelRow[] = [];
  let dropped = 0;
  const products = page.data.products ?? [];
  for (const raw of products) {
    const parsed = FunnelProductSchema.safeParse(raw);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    const s = parsed.data.statistic.selected;
    rows.push([
      parsed.data.product.nmId,
      s.openCount ?? 0,
      s.cartCount ?? 0,
      s.orderCount ?? 0,
      rublesToKopecks(s.orderSum ?? 0),
      s.buyoutCount ?? 0,
      rublesToKopecks(s.buyoutSum ?? 0),
    ]);
  }
  return { rows, got: products.length, dropped };
}
