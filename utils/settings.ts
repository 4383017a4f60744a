// User settings in extension storage (WXT's typed, versioned storage items), validated on read.
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_DEST } from './marketplaces/wb/endpoints';

export const SettingsSchema = z.object({
  /**
   * Wildberries delivery region: changes prices (SPP) and delivery times. null: the user's own, as
   * the site or WB's geo service knows it (utils/marketplaces/wb/geo.ts), Moscow as the last resort.
   */
  wbDest: z.number().int().nullable().default(null),
  /** Window of the "lowest in N days" mark and the price statistics. */
  priceWindowDays: z.number().int().min(7).max(365).default(90),
  /** How many search pages (100 products each) a position scan walks per query. */
  positionDepth: z.number().int().min(1).max(50).default(10),
  /** How often the watchlist is refreshed in the background. */
  refreshMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(180),
  /** A price move of at least this many percent is a task. */
  priceMovePct: z.number().min(0.5).max(90).default(5),
  /** A rating drop of at least this much is a task. */
  ratingDrop: z.number().min(0.05).max(2).default(0.1),
  /** History older than this is thinned to a point a day (never the watchlist or settings). */
  retentionDays: z.number().int().min(30).max(3650).default(180),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // Version 1 had no "the user's own region": every save of the form stored Moscow, chosen or not.
    2: (old: unknown) =>
      old && typeof old === 'object' && (old as { wbDest?: unknown }).wbDest === DEFAULT_DEST ? { ...old, wbDest: null } : old,
  },
});

export async function getSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
