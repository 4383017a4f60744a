// What the seller API client keeps and says, as stored: each endpoint group's bucket and wait (so a
// restarted worker still waits), why a call did not give its data (a state the UI names), and an
// import's progress.
import { z } from 'zod';
import { MAX_STORED_WAIT_MS } from './seller-client';
import { TokenCategorySchema } from './seller-token';

const DAY_MS = 86_400_000;
/** An instant that has passed (kv-keys' InstantSchema; not imported, as the kernel's kv keys import this file). */
const InstantSchema = z
  .number()
  .nonnegative()
  .refine((at) => at <= Date.now() + DAY_MS, 'an instant in the future');

/** A group's bucket: tokens left (a billed error's debt below zero) and until when it waits. */
export const GroupStateSchema = z.object({
  tokens: z.number().min(-1000).max(1000),
  at: InstantSchema,
  waitUntil: z
    .number()
    .nonnegative()
    .refine((at) => at <= Date.now() + MAX_STORED_WAIT_MS + DAY_MS, 'a wait longer than WB asks for'),
});

/** Why a seller API call did not give its data (utils/marketplaces/wb/seller-client.ts SellerProblem). */
export const SellerProblemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-token') }),
  z.object({ kind: z.literal('unreadable-token') }),
  z.object({ kind: z.literal('expired-token'), expires: z.number() }),
  z.object({ kind: z.literal('missing-category'), category: TokenCategorySchema }),
  z.object({ kind: z.literal('bad-token'), status: z.number().int() }),
  z.object({ kind: z.literal('rate-limited'), until: z.number() }),
  z.object({ kind: z.literal('format-changed'), detail: z.string().max(500) }),
  z.object({ kind: z.literal('offline') }),
  z.object({ kind: z.literal('timeout') }),
  z.object({ kind: z.literal('server'), status: z.number().int().nullable() }),
]);

/** One seller API import's progress: `running` resumes where it stopped (a wait, a stopped worker). */
export const ImportStepSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  startedAt: InstantSchema,
  finishedAt: InstantSchema.nullable(),
  problem: SellerProblemSchema.nullable(),
  /** Rows read in this run, and rows that did not fit (counted, not kept). */
  rows: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
});

/** An import of the statistics API's changed lines (seller-statistics.ts): the step and the next `dateFrom`. */
export const ChangedImportSchema = ImportStepSchema.extend({
  /** The next request's dateFrom: the last lastChangeDate read (WB's own text). */
  dateFrom: z.string().max(40),
});
