// Acceptance coefficients (WB seller API, "Тарифы на поставку": `GET /api/tariffs/v1/acceptance/
// coefficients` on common-api in the 2026 docs, `supplies-api…/api/v1/acceptance/coefficients`
// before): for the next 14 days, per warehouse and box type, whether WB accepts a supply and at
// what multiple of the base cost. -1 or allowUnload false: closed; 0: free; 1: the base cost;
// 2 and up: that many times the base. Pure: the shape, what is open and what a watch is waiting for.
import { z } from 'zod';
import { type Day, dayOf } from './plan';

/** One day at one warehouse for one box type, as WB sends it; costs come as strings ("160", "1,25") or null. */
export const AcceptanceCoefSchema = z.object({
  date: z.string().refine((d) => !Number.isNaN(Date.parse(d)), 'not a date'),
  coefficient: z.number().min(-1).max(1000),
  warehouseID: z.number().int(),
  warehouseName: z.string().max(300),
  allowUnload: z.boolean(),
  boxTypeName: z.string().max(100),
  boxTypeID: z.number().int().optional(),
  isSortingCenter: z.boolean().optional(),
});
export type AcceptanceCoef = z.infer<typeof AcceptanceCoefSchema>;

/** The answer: what fits is kept, what does not is counted (one odd row must not hide the rest). */
export function readCoefficients(body: unknown): { slots: AcceptanceSlot[]; dropped: number } {
  if (!Array.isArray(body)) throw new TypeError('acceptance coefficients: not a list');
  const slots: AcceptanceSlot[] = [];
  let dropped = 0;
  for (const row of body) {
    const parsed = AcceptanceCoefSchema.safeParse(row);
    if (parsed.success) slots.push(slotOf(parsed.data));
    else dropped++;
  }
  return { slots, dropped };
}

export interface AcceptanceSlot {
  day: Day;
  wh: number;
  warehouse: string;
  box: number | null;
  boxName: string;
  coefficient: number;
  open: boolean;
}

const slotOf = (c: AcceptanceCoef): AcceptanceSlot => ({
  day: dayOf(Date.parse(c.date)),
  wh: c.warehouseID,
  warehouse: c.warehouseName,
  box: c.boxTypeID ?? null,
  boxName: c.boxTypeName,
  coefficient: c.coefficient,
  open: c.allowUnload && c.coefficient >= 0,
});

export const isFree = (s: AcceptanceSlot) => s.open && s.coefficient === 0;

/** What the seller waits for: these warehouses, this box type (null: any), these days, at most this coefficient (0: free only). */
export interface AcceptanceWatch {
  warehouses: readonly number[];
  box: number | null;
  from: Day;
  to: Day;
  maxCoefficient: number;
}

/** The open slots the watch waits for, cheapest first, then soonest. */
export function slotsFor(watch: AcceptanceWatch, slots: readonly AcceptanceSlot[]): AcceptanceSlot[] {
  return slots
    .filter(
      (s) =>
        s.open &&
        s.coefficient <= watch.maxCoefficient &&
        s.day >= watch.from &&
        s.day <= watch.to &&
        watch.warehouses.includes(s.wh) &&
        (watch.box === null || s.box === watch.box),
    )
    .sort((a, b) => a.coefficient - b.coefficient || a.day - b.day || a.wh - b.wh);
}

/** One alert per warehouse, day and box type: a slot seen again on the next poll is not news. */
export const alertKey = (s: AcceptanceSlot) => `acceptance-free:${s.wh}:${s.day}:${s.box ?? s.boxName}`;
