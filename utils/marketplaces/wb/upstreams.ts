// WB's live basket map: `https://cdn.wbbasket.ru/api/v3/upstreams` (reference §1.5, [PX], [RR]
// `scripts/update-upstreams-routes.js`). Shape:
//   {"origin":{"mediabasket_route_map":[{"method":"range","hosts":[{"vol_range_from":0,
//     "vol_range_to":143,"host":"basket-01.wbbasket.ru"},…]}],"videonme_route_map":[…]},"recommend":{…}}
// Only `range` maps of basket-NN.wbbasket.ru hosts are taken: a map naming any other host is not
// followed (Lupa never asks a host a response named).
import { z } from 'zod';

const int = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** One vol range and the basket serving it. */
export const BasketRangeSchema = z.object({
  from: z.number().int().min(0).max(1e7),
  to: z.number().int().min(0).max(1e7),
  basket: z.number().int().min(1).max(999),
});
export type BasketRange = z.infer<typeof BasketRangeSchema>;

/** The map as Lupa keeps it (kv `wb-upstreams`): when it was fetched, and its ranges. */
export const UpstreamsCacheSchema = z.object({
  fetchedAt: z.number(),
  ranges: z.array(BasketRangeSchema).min(1).max(5000),
});
export type UpstreamsCache = z.infer<typeof UpstreamsCacheSchema>;

/** How long a fetched map is trusted before it is asked again. */
export const UPSTREAMS_TTL = 6 * 60 * 60 * 1000;
/** After a failed fetch, the map is not asked again for this long (a stale map or the table serves). */
export const UPSTREAMS_RETRY_MS = 15 * 60 * 1000;

const BASKET_HOST = /^basket-(\d{2,3})\.wbbasket\.ru$/;

export const WbUpstreamsSchema = z
  .object({
    origin: z.object({
      mediabasket_route_map: z.array(
        z.object({
          method: z.string().optional(),
          hosts: z.array(z.object({ vol_range_from: int, vol_range_to: int, host: z.string() }).loose()),
        }),
      ),
    }),
  })
  .transform((map, ctx) => {
    const ranges: BasketRange[] = [];
    for (const route of map.origin.mediabasket_route_map) {
      if (route.method !== undefined && route.method !== 'range') continue;
      for (const h of route.hosts) {
        const basket = BASKET_HOST.exec(h.host.trim().toLowerCase());
        if (!basket || h.vol_range_to < h.vol_range_from) continue;
        ranges.push({ from: h.vol_range_from, to: h.vol_range_to, basket: Number(basket[1]) });
      }
    }
    const valid = z.array(BasketRangeSchema).min(1).max(5000).safeParse(ranges);
    if (!valid.success) {
      ctx.addIssue({ code: 'custom', message: 'no basket ranges in the map' });
      return z.NEVER;
    }
    return valid.data.sort((a, b) => a.from - b.from);
  });

/** The basket the map names for a vol, if any. */
export function basketFromMap(ranges: readonly BasketRange[], vol: number): number | null {
  return ranges.find((r) => vol >= r.from && vol <= r.to)?.basket ?? null;
}
