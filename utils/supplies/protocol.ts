// The supplies page's messages: the plan (computed in the background, off any page's main thread),
// the imports' progress, the planner's settings, the acceptance watch. Replies carry what was
// imported and computed, never the token.
import { z } from 'zod';
import { TokenCategorySchema } from '../marketplaces/wb/seller-token';
import { ProductRefSchema } from '../model';
import {
  AcceptanceReadSchema,
  AcceptanceRowSchema,
  AcceptanceWatchSchema,
  OrdersImportSchema,
  StockOutSoonSchema,
  StocksImportSchema,
  SupplySettingsSchema,
  SupplyWarehouseSchema,
} from './tables';

export const SupplyRowSchema = z.object({
  nm: z.string(),
  wh: z.number().int(),
  stock: z.number().int(),
  /** Returns on the way back to the warehouse (the report's inWayFromClient): units it will have. */
  inTransit: z.number().int(),
  /** Ordered, on the way to buyers (inWayToClient): no longer the warehouse's. */
  toClient: z.number().int(),
  perDay: z.number().nullable(),
  /** Days of cover; null when the pace is unknown or nothing sells (`perDay` 0). */
  cover: z.number().nullable(),
  leadDays: z.number().int(),
  send: z.number().int().nullable(),
  urgent: z.boolean(),
  box: z.number().int(),
});
export type SupplyRow = z.infer<typeof SupplyRowSchema>;

export const SuppliesImportStateSchema = z.object({
  stocks: StocksImportSchema.nullable(),
  orders: OrdersImportSchema.nullable(),
  acceptance: AcceptanceReadSchema.nullable(),
});

export const SuppliesReplySchema = z.object({
  /** The Moscow day the plan is for. */
  today: z.number().int(),
  /** The day of the stock snapshot used; null before the first complete import. */
  stockDay: z.number().int().nullable(),
  rows: z.array(SupplyRowSchema),
  /** Each item's cover over all its warehouses. */
  overall: z.array(z.object({ nm: z.string(), cover: z.number().nullable() })),
  warehouses: z.array(SupplyWarehouseSchema),
  acceptance: z.array(AcceptanceRowSchema),
  /** Orders in the window at warehouses no report named (by name): not in any row. */
  unknownOrders: z.number().int(),
  settings: SupplySettingsSchema,
  watch: AcceptanceWatchSchema.nullable(),
  imports: SuppliesImportStateSchema,
  /** The categories the saved token lacks among those the supplies need. */
  missing: z.array(TokenCategorySchema),
});
export type SuppliesReply = z.infer<typeof SuppliesReplySchema>;

/** An own item's cover for the storefront panel: overall, and at the warehouse nearest the user. */
export const OwnCoverSchema = z.object({
  /** Days over all its warehouses; null when unknown or nothing sells (`sells` says which). */
  cover: z.number().nullable(),
  sells: z.boolean(),
  nearest: z.object({ wh: z.number().int(), name: z.string(), cover: z.number().nullable(), hours: z.number().nullable() }).nullable(),
});
export type OwnCover = z.infer<typeof OwnCoverSchema>;

export const suppliesProtocol = {
  /** The popup's "today in the shop": orders so far and their sum, against yesterday at the same time. */
  getShopToday: {
    request: z.object({}),
    reply: z
      .object({
        day: z.number().int(),
        orders: z.number().int().nonnegative(),
        sum: z.number().int().nonnegative(),
        yesterday: z.object({ orders: z.number().int().nonnegative(), sum: z.number().int().nonnegative() }),
      })
      .nullable(),
  },
  /** The storefront panel of an own item: its days of cover (null: not an own item Lupa has stocks of). */
  getOwnCover: { request: ProductRefSchema, reply: OwnCoverSchema.nullable() },
  /** The popup's today list: items that run out before a supply could arrive. */
  getStockOutSoon: { request: z.object({}), reply: StockOutSoonSchema.nullable() },
  /** The plan with everything the «Поставки» page shows. */
  getSupplies: { request: z.object({}), reply: SuppliesReplySchema },
  /** Starts (or resumes) the stocks, orders and acceptance imports; answers at once with their state. */
  importSupplies: { request: z.object({}), reply: SuppliesImportStateSchema },
  getSuppliesImport: { request: z.object({}), reply: SuppliesImportStateSchema },
  saveSupplySettings: { request: SupplySettingsSchema, reply: z.object({ ok: z.literal(true) }) },
  /** null stops the watch. */
  saveAcceptanceWatch: { request: z.object({ watch: AcceptanceWatchSchema.nullable() }), reply: z.object({ ok: z.literal(true) }) },
  /** Reads the coefficients now (the watch's alarm does it on its own): how many new slots fit. */
  pollAcceptance: { request: z.object({}), reply: z.object({ read: AcceptanceReadSchema, fresh: z.number().int() }) },
} as const;
