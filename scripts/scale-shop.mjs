// The shop of issue 17's "1 000 × 365" set, as data: which products, and what each one's history,
// watchlist summary, tasks, competitor link and costs are — all of it a function of the product's
// place in the shop and the time it was made. scripts/bench-scale.ts writes it into the worker's
// IndexedDB; the bench and tests/e2e/watchlist-scale.test.ts compute from the same functions what
// Lupa must show.
import { QUERIES, resultList } from '../tests/fixtures/wb/search.mjs';

export const SCALE_PRODUCTS = 1000;
export const SCALE_DAYS = 365;
export const DAY_MS = 86_400_000;
/** The task kinds seeded: one open task of each per product. */
export const SHOP_TASK_KINDS = /** @type {const} */ (['price-move', 'rating-drop', 'new-negative']);

/** The fixture marketplace's WB products (its search results), the first `count`: it knows their cards. */
export function shopIds(count = SCALE_PRODUCTS) {
  return [...new Set(Object.keys(QUERIES).flatMap((q) => resultList(q).map((p) => p.id)))].slice(0, count);
}

/** Product `i`'s price `d` days before `now` (kopecks). */
export const shopPrice = (i, d) => 100_000 + ((i * 37 + d * 11) % 5_000) * 10;
/** Its stock `d` days before `now`: a supply every 30 days, `1 + i % 7` sold a day in between. */
export const shopStock = (i, d, days = SCALE_DAYS) => 300 - ((days - d) % 30) * (1 + (i % 7));

/**
 * Product `i`'s year (`days` days before `now`, oldest first): its price points (the marketplace's
 * history) and stock snapshots, as Lupa stores them.
 * @param {number} i
 * @param {number} id
 * @param {number} days
 * @param {number} now
 */
export function shopHistory(i, id, days, now) {
  const productId = String(id);
  const prices = [];
  const stock = [];
  for (let d = days; d > 0; d--) {
    const at = now - d * DAY_MS;
    prices.push({
      marketplace: /** @type {const} */ ('wb'),
      productId,
      at,
      price: shopPrice(i, d),
      source: /** @type {const} */ ('history'),
    });
    const qty = shopStock(i, d, days);
    stock.push({ marketplace: /** @type {const} */ ('wb'), productId, at, total: qty, byWarehouse: [{ warehouseId: 507, qty }] });
  }
  return { prices, stock };
}

/**
 * The years of products `ids` (by their place in the shop), `perBatch` products at a time: each
 * batch's price points and stock snapshots.
 * @param {readonly number[]} ids
 * @param {number} days
 * @param {number} now
 * @param {number} perBatch
 */
export function* shopHistoryBatches(ids, days, now, perBatch) {
  for (let first = 0; first < ids.length; first += perBatch) {
    /** @type {ReturnType<typeof shopHistory>} */
    const batch = { prices: [], stock: [] };
    for (let i = first; i < Math.min(ids.length, first + perBatch); i++) {
      const history = shopHistory(i, /** @type {number} */ (ids[i]), days, now);
      batch.prices.push(...history.prices);
      batch.stock.push(...history.stock);
    }
    yield batch;
  }
}

/**
 * Product `i`'s row as the shop's last refresh left it: half the user's own (even places), the rest
 * competitors; every 10th out of stock; every 50th no longer returned by the marketplace for a few
 * days; the price at the user's last look a week ago; sales per day as the stock history shows.
 * @param {number} i
 * @param {number} id
 * @param {number} now
 */
export function shopRow(i, id, now) {
  const outOfStock = i % 10 === 9;
  return {
    id: String(id),
    role: /** @type {'mine' | 'competitor'} */ (i % 2 === 0 ? 'mine' : 'competitor'),
    name: `Товар ${i} — футболка оверсайз`,
    priceNow: outOfStock ? null : shopPrice(i, 0),
    rating: 4 + (i % 10) / 10,
    fetchedAt: now - 3_600_000,
    lookedPrice: shopPrice(i, 7),
    lookedAt: now - 7 * DAY_MS,
    salesPerDay: 1 + (i % 7),
    notFoundAt: i % 50 === 25 ? now - (1 + (i % 5)) * DAY_MS : null,
  };
}

/** The competitor linked to own item `i` (an even place): the product after it. */
export const shopCompetitorOf = (i) => i + 1;
/** Own item `i`'s costs: every 4th has them set (kopecks, percent). */
export const shopCosts = (i) => (i % 4 === 0 ? { cost: 50_000 + i * 10, commissionPct: 19.5, logistics: 8_000 } : null);

/** What each seeded kind of task says: a price 1 000 ₽ → 900 ₽, a rating 4,8 → 4,6, a new 1★ review. */
const TASK_VALUES = {
  'price-move': { from: 100_000, to: 90_000 },
  'rating-drop': { from: 4.8, to: 4.6 },
  'new-negative': { from: null, to: 1 },
};

/**
 * Product `i`'s open tasks, one per kind in SHOP_TASK_KINDS, raised a minute apart: product 0's are
 * the newest.
 */
export function shopTasks(i, id, now) {
  return SHOP_TASK_KINDS.map((kind, k) => {
    const at = now - (i * SHOP_TASK_KINDS.length + k) * 60_000;
    return {
      key: `wb:${id}:${kind}:${at}`,
      marketplace: /** @type {const} */ ('wb'),
      id: String(id),
      name: `Товар ${i}`,
      kind,
      at,
      ...TASK_VALUES[kind],
      read: /** @type {const} */ (0),
    };
  });
}

/** The last refresh as the shop's summary says: an hour ago, every card checked, one batch failed with a server error. */
export function shopLastRefresh(now, count = SCALE_PRODUCTS) {
  const notFound = Array.from({ length: count }, (_, i) => i).filter((i) => i % 50 === 25).length;
  return {
    runId: String(now - 3_600_000),
    resumed: false,
    finishedAt: now - 3_600_000,
    checked: count,
    changed: Math.floor(count / 7),
    notFound,
    problems: 1,
    problem: /** @type {const} */ ('server'),
    complete: true,
  };
}
