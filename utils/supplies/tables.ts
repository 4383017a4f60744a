// The supplies feature's rows (v12): each own item's stock at each WB warehouse by day (the stocks
// report, one snapshot a day kept as history), the seller's orders (one row per order line, by item
// and day with its warehouse and the buyer's region — what the own-numbers figures also read), WB's
// warehouses as the reports name them, the acceptance coefficients last read, and the acceptance
// alerts already raised (once per warehouse, day and box type). Control rows in kv: the imports'
// cursors, the planner's settings (the seller's own: lead times, box multiples) and the watch.
import { z } from 'zod';
import { ChangedImportSchema, ImportStepSchema } from '../marketplaces/wb/seller-state';
import { kvKey, table } from '../tables';
import { WINDOWS } from './plan';

const Day = z.number().int().min(0).max(200_000);
const Nm = z.string().regex(/^\d{1,16}$/);
const Units = z.number().int().min(0).max(100_000_000);

export const SupplyStockSchema = z.object({
  nm: Nm,
  wh: z.number().int().positive(),
  day: Day,
  quantity: Units,
  /** On the way to buyers (ordered, not yet received) and back from them (returns), as the report gives them. */
  toClient: Units,
  fromClient: Units,
  /** The import that wrote it (its start): a later page of the same import adds to the row, a new import replaces it. */
  run: z.number(),
});
export type SupplyStock = z.infer<typeof SupplyStockSchema>;

export const OwnOrderSchema = z.object({
  srid: z.string().min(1).max(200),
  nm: Nm,
  day: Day,
  at: z.number(),
  warehouse: z.string().max(300),
  region: z.string().max(300),
  district: z.string().max(300),
  cancelled: z.union([z.literal(0), z.literal(1)]),
  paid: z.number().int().nonnegative(),
  price: z.number().int().nonnegative(),
  changed: z.string().max(40),
});
export type OwnOrderRow = z.infer<typeof OwnOrderSchema>;

/** A WB warehouse as the stocks report and the coefficients name it: orders name warehouses, not ids. */
export const SupplyWarehouseSchema = z.object({ id: z.number().int().positive(), name: z.string().max(300), region: z.string().max(300) });
export type SupplyWarehouse = z.infer<typeof SupplyWarehouseSchema>;

export const AcceptanceRowSchema = z.object({
  wh: z.number().int(),
  day: Day,
  /** boxTypeID, or -1 when WB gave none (then `boxName` tells the type). */
  box: z.number().int(),
  boxName: z.string().max(100),
  coefficient: z.number().min(-1).max(1000),
  open: z.boolean(),
  seenAt: z.number(),
});
export type AcceptanceRow = z.infer<typeof AcceptanceRowSchema>;

export const AcceptanceAlertSchema = z.object({ key: z.string().max(200), at: z.number() });

export const suppliesTables = {
  supplyStocks: table<SupplyStock, [string, number, number]>(SupplyStockSchema, { 12: '&[nm+wh+day], day' }),
  ownOrders: table<OwnOrderRow, string>(OwnOrderSchema, { 12: '&srid, [nm+day], day' }),
  supplyWarehouses: table<SupplyWarehouse, number>(SupplyWarehouseSchema, { 12: '&id, name' }),
  acceptance: table<AcceptanceRow, [number, number, number]>(AcceptanceRowSchema, { 12: '&[wh+day+box], day' }),
  acceptanceAlerts: table<z.infer<typeof AcceptanceAlertSchema>, string>(AcceptanceAlertSchema, { 12: '&key' }),
};

export const StocksImportSchema = ImportStepSchema.extend({
  /** The day its snapshot is of, and the next page's offset. */
  day: Day,
  /** The day of the last complete snapshot (the plan's stock while a new one is read). */
  lastDay: Day.nullable().default(null),
  offset: z.number().int().nonnegative().max(100_000_000),
});
export const OrdersImportSchema = ChangedImportSchema;
export const AcceptanceReadSchema = ImportStepSchema;
export type StocksImport = z.infer<typeof StocksImportSchema>;
export type OrdersImport = z.infer<typeof OrdersImportSchema>;
export type AcceptanceRead = z.infer<typeof AcceptanceReadSchema>;

/** The planner's settings: the window of the pace, the target cover, lead times per warehouse and box multiples per item. */
export const SupplySettingsSchema = z.object({
  window: z.union([z.literal(WINDOWS[0]), z.literal(WINDOWS[1]), z.literal(WINDOWS[2])]),
  targetDays: z.number().int().min(1).max(365),
  defaultLeadDays: z.number().int().min(0).max(120),
  /** Warehouse id → days from sending to acceptance. */
  leadDays: z.record(z.string().regex(/^\d+$/), z.number().int().min(0).max(120)),
  /** nm → units per box. */
  box: z.record(z.string().regex(/^\d{1,16}$/), z.number().int().min(1).max(10_000)),
});
export type SupplySettings = z.infer<typeof SupplySettingsSchema>;
export const DEFAULT_SUPPLY_SETTINGS: SupplySettings = { window: 14, targetDays: 30, defaultLeadDays: 7, leadDays: {}, box: {} };

/** What the seller waits for: warehouses, a box type (null: any), days (inclusive) and the highest coefficient. */
export const AcceptanceWatchSchema = z.object({
  warehouses: z.array(z.number().int().positive()).max(200),
  box: z.number().int().nullable(),
  from: Day,
  to: Day,
  maxCoefficient: z.number().int().min(0).max(20),
});
export type AcceptanceWatchSetting = z.infer<typeof AcceptanceWatchSchema>;

/** The rows that run out before a supply could arrive, as the last plan computed them (the popup's list). */
export const StockOutSoonSchema = z.object({
  at: z.number(),
  total: z.number().int().nonnegative(),
  items: z
    .array(
      z.object({ nm: Nm, wh: z.number().int(), warehouse: z.string().max(300), cover: z.number().nullable(), leadDays: z.number().int() }),
    )
    .max(50),
});
export type StockOutSoon = z.infer<typeof StockOutSoonSchema>;

export const suppliesKv = {
  stocksImport: kvKey('supplies-stocks-import', StocksImportSchema),
  ordersImport: kvKey('supplies-orders-import', OrdersImportSchema),
  acceptanceRead: kvKey('supplies-acceptance-read', AcceptanceReadSchema),
  settings: kvKey('supplies-settings', SupplySettingsSchema),
  /** null: no watch. */
  watch: kvKey('supplies-acceptance-watch', AcceptanceWatchSchema.nullable()),
  stockOutSoon: kvKey('supplies-stock-out-soon', StockOutSoonSchema),
};
