// WB's commission by subject, `GET common-api.wildberries.ru/api/v1/tariffs/commission?locale=ru`
// (reference §3.2–3.3; 1 request a minute, burst 2): one row per subject (предмет) with WB's rate
// for each sales model, in percent. Lupa keeps two: `paidStorageKgvp`, the rate when WB stores and
// ships the goods (FBO/FBW, "Склад WB"), and `kgvpMarketplace`, the seller ships from their own
// warehouse (FBS, "Маркетплейс"); the shop-delivery models (DBS, EDBS, pickup) are left out.
import { z } from 'zod';

export const COMMISSION_PATH = '/api/v1/tariffs/commission';

/** A rate as WB may send it: a number, or a string with a decimal comma ("24,5"); out of range is unknown. */
const Rate = z
  .union([z.number(), z.string().max(20)])
  .nullish()
  .transform((v) => {
    const n = typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
  });

const CommissionRowSchema = z.object({
  subjectID: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  subjectName: z.string().max(500).nullish(),
  parentName: z.string().max(500).nullish(),
  paidStorageKgvp: Rate,
  kgvpMarketplace: Rate,
});

/** The answer; odd rows are skipped one by one (see commissionRates), a changed envelope is not. */
export const CommissionReportSchema = z.object({ report: z.array(z.unknown()).max(100_000) });

/** One subject's rates, percent; null where WB gave none for that model. */
export const SubjectRateSchema = z.tuple([
  z.number().int().positive(),
  z.number().min(0).max(100).nullable(),
  z.number().min(0).max(100).nullable(),
]);
/** [subjectID, FBO rate, FBS rate]. */
export type SubjectRate = z.infer<typeof SubjectRateSchema>;

/** The subjects' rates from the report; rows that do not fit are counted, not fatal. */
export function commissionRates(report: z.infer<typeof CommissionReportSchema>): { rates: SubjectRate[]; dropped: number } {
  const rates: SubjectRate[] = [];
  let dropped = 0;
  for (const row of report.report) {
    const parsed = CommissionRowSchema.safeParse(row);
    if (!parsed.success || (parsed.data.paidStorageKgvp === null && parsed.data.kgvpMarketplace === null)) dropped++;
    else rates.push([parsed.data.subjectID, parsed.data.paidStorageKgvp, parsed.data.kgvpMarketplace]);
  }
  return { rates, dropped };
}

/**
 * WB's box tariffs by warehouse, `GET common-api…/api/v1/tariffs/box?date=YYYY-MM-DD` (60 a minute;
 * any token): logistics to the buyer for a box item, `boxDeliveryBase` for the first litre and
 * `boxDeliveryLiter` for each further one, rubles as strings with a decimal comma ("46", "11,2"),
 * "-" where a warehouse has none. The warehouse's coefficient is already in them.
 */
export const BOX_PATH = '/api/v1/tariffs/box';

export const BoxTariffsSchema = z.object({
  response: z.object({ data: z.object({ warehouseList: z.array(z.unknown()).max(5000) }) }),
});

const Rub = z
  .union([z.number(), z.string().max(20)])
  .nullish()
  .transform((v) => {
    const n = typeof v === 'string' ? Number(v.trim().replace(/\s/g, '').replace(',', '.')) : v;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n < 1_000_000 ? Math.round(n * 100) : null;
  });

const BoxRowSchema = z.object({
  warehouseName: z.string().min(1).max(300),
  boxDeliveryBase: Rub,
  boxDeliveryLiter: Rub,
});

/** One warehouse's logistics: [name, first litre kopecks, each further litre kopecks]. */
export const BoxRateSchema = z.tuple([z.string().max(300), z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type BoxRate = z.infer<typeof BoxRateSchema>;

export function boxRates(body: z.infer<typeof BoxTariffsSchema>): { rates: BoxRate[]; dropped: number } {
  const rates: BoxRate[] = [];
  let dropped = 0;
  for (const row of body.response.data.warehouseList) {
    const parsed = BoxRowSchema.safeParse(row);
    if (!parsed.success || parsed.data.boxDeliveryBase === null || parsed.data.boxDeliveryLiter === null) dropped++;
    else rates.push([parsed.data.warehouseName, parsed.data.boxDeliveryBase, parsed.data.boxDeliveryLiter]);
  }
  return { rates, dropped };
}

/** Logistics of one unit of `liters`: the first litre at the base, each further (started) litre at the rate. */
export function logisticsOf(rate: BoxRate, liters: number): number {
  return rate[1] + Math.max(0, Math.ceil(liters - 1 - 1e-9)) * rate[2];
}
