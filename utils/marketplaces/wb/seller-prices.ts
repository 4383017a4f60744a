// WB's prices & discounts API, `GET discounts-prices-api…/api/v2/list/goods/filter` (reference §3.3):
// the seller's own items with their price before discount, the seller's discount and club discount,
// and each size's prices. WB sends rubles (the discounted ones with kopecks); Lupa keeps kopecks.
import { z } from 'zod';

/** Rubles as WB sends them (1644.5, 1595.17) into whole kopecks. */
export const rublesToKopecks = (rubles: number) => Math.round(rubles * 100);

export const GOODS_PATH = '/api/v2/list/goods/filter';
/** The most one page may hold. */
export const GOODS_PAGE = 1000;

const Rubles = z.number().nonnegative().max(100_000_000);
const Percent = z.number().min(0).max(100);

const SizeSchema = z.object({
  sizeID: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  price: Rubles,
  discountedPrice: Rubles,
  clubDiscountedPrice: Rubles.nullish(),
  techSizeName: z.string().max(100).nullish(),
});

const GoodSchema = z.object({
  nmID: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  vendorCode: z.string().max(300).nullish(),
  discount: Percent,
  clubDiscount: Percent.nullish(),
  editableSizePrice: z.boolean().nullish(),
  sizes: z.array(SizeSchema).max(500),
});

export const GoodsPageSchema = z.object({
  data: z.object({ listGoods: z.array(GoodSchema).max(GOODS_PAGE).nullish() }).nullish(),
});
export type GoodsPage = z.infer<typeof GoodsPageSchema>;

/** One own item's prices, kopecks. */
export const OwnPriceSchema = z.object({
  marketplace: z.literal('wb'),
  id: z.string().regex(/^\d{1,16}$/),
  vendorCode: z.string().max(300),
  /** Before the seller's discount (the lowest size's). */
  price: z.number().int().nonnegative(),
  /** The seller's discount, percent. */
  discount: z.number().min(0).max(100),
  clubDiscount: z.number().min(0).max(100),
  /** After the seller's discount, before WB's SPP (the lowest size's). */
  discountedPrice: z.number().int().nonnegative(),
  sizes: z
    .array(
      z.object({
        sizeId: z.number().int().nonnegative(),
        name: z.string().max(100),
        price: z.number().int().nonnegative(),
        discountedPrice: z.number().int().nonnegative(),
        clubDiscountedPrice: z.number().int().nonnegative().nullable(),
      }),
    )
    .max(500),
  editableSizePrice: z.boolean(),
  /** When the import that wrote it started. */
  importedAt: z.number(),
});
export type OwnPrice = z.infer<typeof OwnPriceSchema>;

/** A page's goods as Lupa keeps them (an item with no sizes has no price to keep and is left out). */
export function ownPricesOf(page: GoodsPage, importedAt: number): OwnPrice[] {
  return (page.data?.listGoods ?? []).flatMap((g) => {
    const sizes = g.sizes.map((s) => ({
      sizeId: s.sizeID,
      name: s.techSizeName?.trim() ?? '',
      price: rublesToKopecks(s.price),
      discountedPrice: rublesToKopecks(s.discountedPrice),
      clubDiscountedPrice: s.clubDiscountedPrice == null ? null : rublesToKopecks(s.clubDiscountedPrice),
    }));
    const lowest = [...sizes].sort((a, b) => a.discountedPrice - b.discountedPrice)[0];
    if (!lowest) return [];
    return [
      {
        marketplace: 'wb' as const,
        id: String(g.nmID),
        vendorCode: g.vendorCode?.trim() ?? '',
        price: lowest.price,
        discount: g.discount,
        clubDiscount: g.clubDiscount ?? 0,
        discountedPrice: lowest.discountedPrice,
        sizes,
        editableSizePrice: g.editableSizePrice ?? false,
        importedAt,
      },
    ];
  });
}
