// The kernel's control rows in the `kv` table, each key with its value's schema (utils/tables.ts,
// kvKey). Values are bounded where a wrong one would do harm: a back-off from the year 270000 would
// keep Lupa from a marketplace for good, a watermark in the future would stop retention. A read
// that does not fit reads as absent; a backup holding one is refused (utils/backup/).
import { z } from 'zod';
import { LearnedRegionSchema } from './marketplaces/wb/geo';
import { GroupStateSchema } from './marketplaces/wb/seller-state';
import { UpstreamsCacheSchema } from './marketplaces/wb/upstreams';
import { kvKey, kvPrefix } from './tables';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An instant that has passed (a day's slack for clocks that disagree). */
export const InstantSchema = z
  .number()
  .nonnegative()
  .refine((at) => at <= Date.now() + DAY_MS, 'an instant in the future');
/** Until when a host is left alone: Lupa pauses for minutes (Retry-After is capped at an hour). */
export const BackoffUntilSchema = z
  .number()
  .nonnegative()
  .refine((at) => at <= Date.now() + HOUR_MS, 'a pause longer than an hour');
export const BasketNumberSchema = z.number().int().min(1).max(99);

/** The note the popup shows after storage ran full and old history was thinned. */
export const StorageFreedSchema = z.object({ at: z.number(), removed: z.number().int().nonnegative() });

const SeriesKeySchema = z.array(z.union([z.string().max(200), z.number()])).max(8);
/** How far retention has thinned history (utils/retention.ts). */
export const RetentionProgressSchema = z.object({
  /** History before this instant is thinned. */
  watermark: InstantSchema,
  /** The pass under way, if any: its cutoff, the table it is in and the last series done. */
  pass: z
    .object({
      cutoff: InstantSchema,
      from: z.number().nonnegative(),
      table: z.number().int().min(0).max(16),
      after: SeriesKeySchema.nullable(),
    })
    .nullable(),
});

export const KERNEL_KV = {
  /** The basket CDN host of an article's vol (`basket:<vol>`). */
  basket: kvPrefix('basket', BasketNumberSchema),
  /** A marketplace's pause after a captcha or a 429 (`blocked-until:ozon`), or a WB host's behind its anti-bot wall (`blocked-until:wb:<host>`). */
  blockedUntil: kvPrefix('blocked-until', BackoffUntilSchema),
  /** A host's Retry-After wait, capped at an hour by utils/net.ts (`host-wait:<host>`). */
  hostWait: kvPrefix('host-wait', BackoffUntilSchema),
  /** WB's live basket map (cdn.wbbasket.ru/api/v3/upstreams). */
  wbUpstreams: kvKey('wb-upstreams', UpstreamsCacheSchema),
  /** The user's WB region as the site or WB's geo service gave it. */
  wbRegion: kvKey('wb-region', LearnedRegionSchema),
  /** When a product's published price history was last fetched (`fetched:price-history:<marketplace>:<id>`). */
  historyFetchedAt: kvPrefix('fetched:price-history', InstantSchema),
  storageFreed: kvKey('storage-freed', StorageFreedSchema),
  retentionProgress: kvKey('retention-progress', RetentionProgressSchema),
  /** A seller API endpoint group's bucket and wait (`seller-api:prices`): one client for every feature that calls the seller API. */
  sellerApi: kvPrefix('seller-api', GroupStateSchema),
};
