// The own numbers' rows: the seller's own items and prices from WB's seller API (v9), and the
// catalogue import's cursor in the kernel's kv table (so a stopped import resumes, nothing doubled).
import { z } from 'zod';
import { InstantSchema } from '../kv-keys';
import { CardSizeSchema } from '../marketplaces/wb/seller-content';
import { FunnelRowSchema } from '../marketplaces/wb/seller-funnel';
import { type OwnPrice, OwnPriceSchema } from '../marketplaces/wb/seller-prices';
import { ChangedImportSchema, SellerProblemSchema } from '../marketplaces/wb/seller-state';
import { BoxRateSchema, SubjectRateSchema } from '../marketplaces/wb/seller-tariffs';
import { ArticleIdSchema, type Marketplace } from '../model';
import { kvKey, table } from '../tables';

/**
 * The own catalogue's import: a cursor over `/api/v2/list/goods/filter` pages. `running` resumes
 * where it stopped (a worker stopped mid-import, a wait), `done` and `failed` start afresh.
 */
export const CatalogueImportSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  startedAt: InstantSchema,
  /** Goods read so far in this import: the next page's offset. */
  offset: z.number().int().nonnegative().max(10_000_000),
  finishedAt: InstantSchema.nullable(),
  /** Why it stopped or waits (a wait keeps it `running`). */
  problem: SellerProblemSchema.nullable(),
});
export type CatalogueImport = z.infer<typeof CatalogueImportSchema>;

/** WB's commission rates by subject (seller API tariffs), read once a day: [subject, FBO %, FBS %]. */
export const CommissionRatesSchema = z.object({
  at: InstantSchema,
  rates: z.array(SubjectRateSchema).max(100_000),
  /** Report rows that did not fit and were skipped. */
  dropped: z.number().int().nonnegative(),
});
export type CommissionRates = z.infer<typeof CommissionRatesSchema>;

/** The sales funnel's periods, in days ending yesterday, in the order they are read (the panel's 7 and 30 first). */
export const FUNNEL_PERIODS = [7, 30, 1, 14] as const;
export type FunnelPeriodDays = (typeof FUNNEL_PERIODS)[number];
const FunnelRowsSchema = z.array(FunnelRowSchema).max(100_000);

/** The own items' sales funnel for the periods ending on `day` (WB's day number); a period absent is not read yet. */
export const OwnFunnelSchema = z.object({
  day: z.number().int().nonnegative(),
  at: InstantSchema,
  periods: z.object({
    '1': FunnelRowsSchema.optional(),
    '7': FunnelRowsSchema.optional(),
    '14': FunnelRowsSchema.optional(),
    '30': FunnelRowsSchema.optional(),
  }),
  /** Why the last read stopped (a wait keeps what was read). */
  problem: SellerProblemSchema.nullable(),
});
export type OwnFunnel = z.infer<typeof OwnFunnelSchema>;

/** The own cards' subject and package volume (content API), read once a day. */
export const OwnSizesSchema = z.object({ at: InstantSchema, sizes: z.array(CardSizeSchema).max(100_000) });
/** WB's box tariffs by warehouse, read once a day. */
export const BoxTariffsRowSchema = z.object({ at: InstantSchema, rates: z.array(BoxRateSchema).max(5000) });

/** The sales estimate's correction from the own items' real orders (calibration.ts). */
const CorrectionSchema = z.object({
  factor: z.number().positive().max(1000),
  items: z.number().int().positive(),
  errorPct: z.number().nonnegative().max(100_000),
});
export const CalibrationSchema = CorrectionSchema.extend({
  at: InstantSchema,
  /** Subjects with enough own items for a correction of their own. */
  subjects: z
    .array(CorrectionSchema.extend({ subject: z.number().int().positive() }))
    .max(10_000)
    .default([]),
});

/** One own item's SPP on one day (WB's day, Moscow time): the day's last reading. */
export const SppPointSchema = z.object({
  marketplace: z.literal('wb'),
  id: ArticleIdSchema,
  /** Days since the epoch, Moscow time. */
  day: z.number().int().nonnegative(),
  pct: z.number().min(0).max(100),
  /** The storefront card's price now and the seller's discounted price it was read from, kopecks. */
  storefront: z.number().int().nonnegative(),
  discounted: z.number().int().nonnegative(),
  at: InstantSchema,
});
export type SppPoint = z.infer<typeof SppPointSchema>;

/** One buyout or return of the seller's (statistics API `supplier/sales`). */
export const OwnSaleSchema = z.object({
  saleID: z.string().min(2).max(100),
  nm: ArticleIdSchema,
  day: z.number().int().nonnegative(),
  at: z.number(),
  kind: z.enum(['sale', 'return']),
  forPay: z.number().int().min(-10_000_000_000).max(10_000_000_000),
  changed: z.string().max(40),
});

/** The sales import's cursor (utils/marketplaces/wb/seller-statistics.ts). */
export const SalesImportSchema = ChangedImportSchema;

/** v9: the seller's own items and prices (prices & discounts), replaced by each full import; v10: their SPP by day; v13: their buyouts and returns. */
export const ownNumbersTables = {
  ownPrices: table<OwnPrice, [Marketplace, string]>(OwnPriceSchema, { 9: '&[marketplace+id], importedAt' }),
  sppPoints: table<SppPoint, ['wb', string, number]>(SppPointSchema, { 10: '&[marketplace+id+day]' }),
  ownSales: table<z.infer<typeof OwnSaleSchema>, string>(OwnSaleSchema, { 13: '&saleID, [nm+day], day' }),
};

export const ownNumbersKv = {
  catalogueImport: kvKey('own-catalogue-import', CatalogueImportSchema),
  commission: kvKey('wb-commission', CommissionRatesSchema),
  funnel: kvKey('own-funnel', OwnFunnelSchema),
  calibration: kvKey('sales-calibration', CalibrationSchema),
  sizes: kvKey('own-sizes', OwnSizesSchema),
  boxTariffs: kvKey('wb-box-tariffs', BoxTariffsRowSchema),
  salesImport: kvKey('own-sales-import', SalesImportSchema),
};
