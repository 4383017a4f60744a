// The user's own WB delivery region (`dest`), which sets prices (SPP) and delivery times. In order
// (reference §1.1, §2.1): the region the user picked in Lupa's options; the one the site itself
// keeps in the tab's localStorage (`geo-data-v1-0`: {"data":{"xinfo":"appType=1&curr=rub&dest=…"}});
// WB's geo service (`user-geo-data.wildberries.ru/get-geo-info`, {"xinfo":"…dest=…", …}); Moscow
// only as the last resort.
import { z } from 'zod';
import { FetchProblem, type Net, type Transport } from '../../net';
import { DEFAULT_DEST } from './endpoints';

export const GEO_INFO_URL = 'https://user-geo-data.wildberries.ru/get-geo-info?currency=RUB&locale=ru';
/** The site's localStorage keys holding the region (`geo-data-v1-0` and its siblings). */
export const SITE_GEO_KEY = /^geo-data-v1/;

/** A region learned from the site or the geo service (kv `wb-region`). */
export const LearnedRegionSchema = z.object({
  dest: z.number().int().min(-1e12).max(1e12),
  source: z.enum(['site', 'geo-service']),
  at: z.number(),
});
export type LearnedRegion = z.infer<typeof LearnedRegionSchema>;

/** The region in WB's `xinfo` query string ("appType=1&curr=rub&dest=-1257786&spp=30"); older ones list several, the first counts. */
export function destFromXinfo(xinfo: string): number | null {
  const m = /(?:^|&)dest=(-?\d{1,13})(?:[,&]|$)/.exec(xinfo);
  return m ? Number(m[1]) : null;
}

const XinfoDest = z
  .string()
  .max(2000)
  .transform((x, ctx) => {
    const dest = destFromXinfo(x);
    if (dest === null) {
      ctx.addIssue({ code: 'custom', message: 'no dest in xinfo' });
      return z.NEVER;
    }
    return dest;
  });

/** WB's geo service answer: `xinfo` carries the region. */
export const WbGeoInfoSchema = z.object({ xinfo: XinfoDest }).transform((g) => g.xinfo);
/** The site's own record in localStorage. */
export const WbSiteGeoSchema = z.object({ data: z.object({ xinfo: XinfoDest }) }).transform((g) => g.data.xinfo);

/** The region in the site's localStorage text, or null when it is absent or not understood. */
export function destFromSiteGeo(text: string | null): number | null {
  if (!text) return null;
  try {
    const parsed = WbSiteGeoSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The site's record with the delivery address it names, when it names one (a region's label for the user). */
const WbSiteAddressSchema = z.object({
  data: z.object({ xinfo: XinfoDest, address: z.string().max(300).optional().catch(undefined) }),
});

/** The region and its address in the site's localStorage text; null when absent or not understood. */
export function siteRegionFrom(text: string | null): { dest: number; address: string | null } | null {
  if (!text) return null;
  try {
    const parsed = WbSiteAddressSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const address = parsed.data.data.address?.trim();
    return { dest: parsed.data.data.xinfo, address: address ? address : null };
  } catch {
    return null;
  }
}

/** The site's region is read from a tab at most this often. */
const SITE_READ_EVERY = 10 * 60 * 1000;
/** The geo service's answer is trusted this long. */
const GEO_SERVICE_TTL = 24 * 60 * 60 * 1000;
/** After the geo service failed, it is not asked again for this long. */
const GEO_SERVICE_RETRY = 60 * 60 * 1000;

export interface WbRegionDeps {
  net: Net;
  background: Transport;
  /** The region the user picked in the options; null: their own. */
  chosen: () => Promise<number | null>;
  learned: { get(): Promise<LearnedRegion | undefined>; set(region: LearnedRegion): Promise<void> };
  now?: () => number;
}

/** What the region resolver may ask of a storefront tab: the text the site keeps under `geo-data-v1…`. */
export interface RegionContext {
  siteRegion?: () => Promise<string | null>;
  /** The tab that asks: each tab's record is read once, then at most every SITE_READ_EVERY. */
  tabId?: number;
}

export function createWbRegion(deps: WbRegionDeps) {
  const now = deps.now ?? (() => Date.now());
  /** When each tab's record was last read (a few dozen tabs at most are kept). */
  const siteReadAt = new Map<number, number>();
  let serviceFailedAt = Number.NEGATIVE_INFINITY;

  async function fromService(): Promise<number> {
    const response = await deps.net.get(GEO_INFO_URL, deps.background);
    if (response.status === 404) throw new FetchProblem('not-found', 'geo service: 404');
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw new FetchProblem('format-changed', 'geo service: not JSON');
    }
    const parsed = WbGeoInfoSchema.safeParse(json);
    if (!parsed.success) throw new FetchProblem('format-changed', 'geo service: no dest');
    return parsed.data;
  }

  return async function region(ctx: RegionContext = {}): Promise<number> {
    const chosen = await deps.chosen();
    if (chosen !== null) return chosen;
    const tab = ctx.tabId ?? -1;
    if (ctx.siteRegion && now() - (siteReadAt.get(tab) ?? Number.NEGATIVE_INFINITY) >= SITE_READ_EVERY) {
      siteReadAt.delete(tab);
      siteReadAt.set(tab, now());
      if (siteReadAt.size > 50) siteReadAt.delete(siteReadAt.keys().next().value as number);
      const dest = destFromSiteGeo(await ctx.siteRegion().catch(() => null));
      if (dest !== null) {
        await deps.learned.set({ dest, source: 'site', at: now() }).catch(() => {});
        return dest;
      }
    }
    const kept = await deps.learned.get().catch(() => undefined);
    if (kept && (kept.source === 'site' || now() - kept.at < GEO_SERVICE_TTL)) return kept.dest;
    if (now() - serviceFailedAt >= GEO_SERVICE_RETRY) {
      try {
        const dest = await fromService();
        await deps.learned.set({ dest, source: 'geo-service', at: now() }).catch(() => {});
        return dest;
      } catch {
        serviceFailedAt = now();
      }
    }
    return kept?.dest ?? DEFAULT_DEST;
  };
}

export type WbRegion = ReturnType<typeof createWbRegion>;
