// Storing what a fetch saw: the latest card, and the time series it extends. Shared by every
// service that fetches cards (product panel, listing badges), so a product seen anywhere adds
// to the same history.
import { diffCards } from './changes';
import { addPoints, type LupaDb, lastPoint, readCards } from './db';
import type { ChangeRow, PricePoint, ProductCard, StockSnapshot } from './model';

/** An observation is added when the value moved, or the last one is this old. */
export const OBSERVE_EVERY = 6 * 60 * 60 * 1000;

/** Adds an observed price unless the last observation has the same price and is recent. */
export async function observePrices(
  db: LupaDb,
  observations: ReadonlyArray<Pick<PricePoint, 'marketplace' | 'productId' | 'at' | 'price'>>,
  every = OBSERVE_EVERY,
) {
  await db.transaction('rw', db.priceMonths, async () => {
    const fresh: PricePoint[] = [];
    for (const o of observations) {
      const last = await lastPoint(db, 'pricePoints', o.marketplace, o.productId, (p) => p.source === 'observed');
      if (!last || last.price !== o.price || o.at - last.at >= every) fresh.push({ ...o, source: 'observed' });
    }
    await addPoints(db, 'pricePoints', fresh);
  });
}

/** `observeEvery` 0: every fetch is a point (Ozon, where Lupa's own points are the only history). */
export async function storeCards(db: LupaDb, cards: readonly ProductCard[], observeEvery = OBSERVE_EVERY): Promise<void> {
  await db.transaction('rw', [db.cards, db.priceMonths, db.stockMonths, db.changes], async () => {
    // The change log: what differs from the card stored before this one.
    const before = await readCards(db, cards);
    const changes: ChangeRow[] = [];
    cards.forEach((card, i) => {
      const prev = before[i];
      if (prev)
        for (const c of diffCards(prev, card))
          changes.push({ marketplace: card.marketplace, productId: card.id, at: card.fetchedAt, ...c });
    });
    await db.changes.bulkPut(changes);
    await db.cards.bulkPut([...cards]);
    await observePrices(
      db,
      cards.flatMap((c) =>
        c.priceNow === null ? [] : [{ marketplace: c.marketplace, productId: c.id, at: c.fetchedAt, price: c.priceNow }],
      ),
      observeEvery,
    );
    const snapshots: StockSnapshot[] = [];
    for (const card of cards) {
      const snapshot: StockSnapshot = {
        marketplace: card.marketplace,
        productId: card.id,
        at: card.fetchedAt,
        total: card.stockTotal,
        byWarehouse: card.stockByWarehouse.map((w) => ({ warehouseId: w.warehouseId, qty: w.qty })),
      };
      const last = await lastPoint(db, 'stockSnapshots', card.marketplace, card.id);
      const moved = !last || JSON.stringify(last.byWarehouse) !== JSON.stringify(snapshot.byWarehouse);
      if (moved || snapshot.at - last.at >= OBSERVE_EVERY) snapshots.push(snapshot);
    }
    await addPoints(db, 'stockSnapshots', snapshots);
  });
}
