// The own numbers' rows: the seller API's buckets and waits, one control row per endpoint group in
// the kernel's kv table (so a restarted worker still waits).
import { z } from 'zod';
import { InstantSchema } from '../kv-keys';
import { MAX_STORED_WAIT_MS } from '../marketplaces/wb/seller-client';
import { kvPrefix } from '../tables';

const DAY_MS = 86_400_000;

/** A group's bucket: tokens left (a billed error's debt below zero) and until when it waits. */
export const GroupStateSchema = z.object({
  tokens: z.number().min(-1000).max(1000),
  at: InstantSchema,
  waitUntil: z
    .number()
    .nonnegative()
    .refine((at) => at <= Date.now() + MAX_STORED_WAIT_MS + DAY_MS, 'a wait longer than WB asks for'),
});

export const ownNumbersKv = {
  /** A seller API endpoint group's bucket and wait (`seller-api:prices`). */
  sellerApi: kvPrefix('seller-api', GroupStateSchema),
};
