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
