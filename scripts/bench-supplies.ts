// The supplies plan at scale for `npm run bench` (scripts/bench-supplies.mjs): 500 items × 40
// warehouses with 30 days of daily stock and orders, turned into the planner's items (itemsOf, as
// the background does from its stored rows) and planned (plan.ts). Deterministic data; the time is
// the median of several runs after a warm-up.
import { type Day, plan } from '../utils/supplies/plan';
import { itemsOf } from '../utils/supplies/service';
import { DEFAULT_SUPPLY_SETTINGS } from '../utils/supplies/tables';

export function shop(items: number, warehouses: number, days: number, today: Day) {
  let seed = 17;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const stocks: Array<{ nm: string; wh: number; day: Day; quantity: number; fromClient: number }> = [];
  const orders: Array<{ nm: string; wh: number; day: Day }> = [];
  for (let i = 0; i < items; i++) {
    const nm = String(400_000_000 + i);
    for (let w = 0; w < warehouses; w++) {
      const wh = 1000 + w;
      const rate = random() * 4;
      for (let d = today - days; d <= today; d++) {
        const out = random() < 0.1;
        stocks.push({ nm, wh, day: d, quantity: out ? 0 : Math.floor(random() * 300), fromClient: 0 });
        if (!out && d < today) for (let k = Math.floor(rate * random() * 2); k > 0; k--) orders.push({ nm, wh, day: d });
      }
    }
  }
  return { stocks, orders };
}

export function run(items = 500, warehouses = 40, days = 30, runs = 7) {
  const today = 20_790;
  const { stocks, orders } = shop(items, warehouses, days, today);
  const settings = { ...DEFAULT_SUPPLY_SETTINGS, window: 30 as const };
  const input = { today, stockDay: today, settings };
  const once = () => {
    const started = performance.now();
    const rows = plan(itemsOf(stocks, orders, input, undefined), today, {
      targetDays: settings.targetDays,
      leadDays: new Map(),
      defaultLeadDays: settings.defaultLeadDays,
      window: settings.window,
    });
    return { ms: performance.now() - started, rows: rows.length };
  };
  once();
  const times = Array.from({ length: runs }, once);
  const ms = times.map((t) => t.ms).sort((a, b) => a - b);
  return { ms: ms[ms.length >> 1] as number, rows: times[0]?.rows ?? 0, stockRows: stocks.length, orderRows: orders.length };
}
