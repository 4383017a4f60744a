// Retention: history older than the window is thinned to one point per product per day (the
// day's last), never deleted outright; the watchlist, settings and queries are never touched.
import type { LupaDb } from './db';
import { DAY_MS } from './stats';

export async function thinHistory(db: LupaDb, cutoff: number): Promise<number> {
  let removed = 0;
  const thin = async <T extends { at: number }>(rows: T[], keyOf: (r: T) => string, drop: (r: T[]) => Promise<void>) => {
    const lastOfDay = new Map<string, T>();
    for (const r of rows) {
      const k = `${keyOf(r)}|${Math.floor(r.at / DAY_MS)}`;
      const kept = lastOfDay.get(k);
      if (!kept || r.at > kept.at) lastOfDay.set(k, r);
    }
    const keep = new Set(lastOfDay.values());
    const extra = rows.filter((r) => !keep.has(r));
    removed += extra.length;
    if (extra.length > 0) await drop(extra);
  };
  await db.transaction('rw', [db.pricePoints, db.stockSnapshots, db.positions], async () => {
    await thin(
      await db.pricePoints.filter((p) => p.at < cutoff).toArray(),
      (p) => `${p.marketplace}:${p.productId}:${p.source}`,
      (rows) => db.pricePoints.bulkDelete(rows.map((p) => [p.marketplace, p.productId, p.at] as [typeof p.marketplace, string, number])),
    );
    await thin(
      await db.stockSnapshots.filter((s) => s.at < cutoff).toArray(),
      (s) => `${s.marketplace}:${s.productId}`,
      (rows) => db.stockSnapshots.bulkDelete(rows.map((s) => [s.marketplace, s.productId, s.at] as [typeof s.marketplace, string, number])),
    );
    await thin(
      await db.positions.filter((p) => p.at < cutoff).toArray(),
      (p) => `${p.marketplace}:${p.productId}:${p.query}:${p.region}`,
      (rows) =>
        db.positions.bulkDelete(
          rows.map((p) => [p.marketplace, p.productId, p.query, p.region, p.at] as [typeof p.marketplace, string, string, number, number]),
        ),
    );
  });
  return removed;
}
