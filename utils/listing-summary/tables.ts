// The page summary keeps no rows of its own: only the seller's choices, in one kv row (whether the
// bar is open, and the bid ladder's assumptions).
import { z } from 'zod';
import { KopecksSchema } from '../model';
import { kvKey } from '../tables';

export const SummaryPrefsSchema = z.object({
  open: z.boolean(),
  /** Margin per order, kopecks; null until the seller types it. */
  marginPerOrder: KopecksSchema.max(100_000_000).nullable(),
  /** Clicks per 1000 views, percent. */
  ctrPct: z.number().min(0).max(100),
  /** Orders per click, percent. */
  conversionPct: z.number().min(0).max(100),
});
export type SummaryPrefs = z.infer<typeof SummaryPrefsSchema>;

export { DEFAULT_SUMMARY_PREFS } from './summary';

export const listingSummaryKv = {
  prefs: kvKey('listing-summary-prefs', SummaryPrefsSchema),
};
