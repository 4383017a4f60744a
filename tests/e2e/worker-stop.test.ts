// The service worker stopped in the middle of a 300-item watchlist refresh (Chrome stops idle or
// long-running workers): woken again, the refresh completes with nothing lost and nothing twice.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resultList } from '../fixtures/wb/search.mjs';
import { type Lab, startLab } from './harness';

const fireAlarm = () =>
  (globalThis as unknown as { chrome: { alarms: { create(n: string, a: object): Promise<void> } } }).chrome.alarms.create('lupa-watch', {
    when: Date.now() + 10,
  });

/** In an extension page: Lupa's own IndexedDB, read and written raw (as a backup tool would). */
const idb = {
  seed: (rows: Array<{ marketplace: string; id: string }>) =>
    new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('lupa');
      open.onsuccess = () => {
        const tx = open.result.transaction('watchlist', 'readwrite');
        for (const r of rows) tx.objectStore('watchlist').put({ ...r, role: 'competitor', addedAt: 1, looked: null });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    }),
  counts: () =>
    new Promise<Record<string, number | string[]>>((resolve, reject) => {
      const open = indexedDB.open('lupa');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['cards', 'stockSnapshots', 'pricePoints', 'kv'], 'readonly');
        const out: Record<string, number | string[]> = {};
        const all = (store: string) =>
          new Promise<Array<Record<string, unknown>>>((res) => {
            const req = tx.objectStore(store).getAll();
            req.onsuccess = () => res(req.result);
          });
        Promise.all([all('cards'), all('stockSnapshots'), all('pricePoints'), all('kv')]).then(([cards, snaps, points, kv]) => {
          out.cards = cards.length;
          out.snapshots = snaps.length;
          out.snapshotProducts = new Set(snaps.map((s) => s.productId)).size;
          out.observed = points.filter((p) => p.source === 'observed').length;
          out.observedProducts = new Set(points.filter((p) => p.source === 'observed').map((p) => p.productId)).size;
          out.pricedCards = cards.filter((c) => c.priceNow !== null).length;
          out.cursor = kv.filter((k) => k.key === 'watch-refresh-cursor').map((k) => String(k.key));
          db.close();
          resolve(out);
        });
      };
      open.onerror = () => reject(open.error);
    }),
};

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

test('a refresh interrupted by stopping the worker completes after it wakes, with no lost or duplicated rows', async () => {
  const ids = resultList('футболка оверсайз')
    .slice(0, 300)
    .map((p: { id: number }) => String(p.id));
  const page = await lab.context.newPage();
  await page.goto(`chrome-extension://${lab.extensionId}/popup.html`);
  await page.locator('.lupa-popup h2').first().waitFor();
  await page.evaluate(
    idb.seed,
    ids.map((id) => ({ marketplace: 'wb', id })),
  );

  // The second batch of 100 stalls at the marketplace; the worker is stopped while it waits.
  lab.server.fault({ path: new RegExp(`nm=${ids[100]};`), kind: 'latency', ms: 5000 });
  await lab.worker.evaluate(fireAlarm);
  await expect.poll(() => lab.server.count(/\/cards\/v4\/detail/), { timeout: 15_000 }).toBe(2);
  const cdp = await lab.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; targetId: string; url: string }> };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(lab.extensionId));
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  const halfway = await page.evaluate(idb.counts);
  expect(halfway.cards).toBe(100);
  expect(halfway.cursor).toEqual(['watch-refresh-cursor']);

  // Anything that wakes the worker (here: the popup opening) resumes the refresh.
  await page.reload();
  await expect.poll(() => page.evaluate(idb.counts), { timeout: 30_000 }).toMatchObject({ cards: 300, cursor: [] });
  const done = await page.evaluate(idb.counts);
  expect(done.snapshots).toBe(300);
  expect(done.snapshotProducts).toBe(300);
  expect(done.observed).toBe(done.pricedCards);
  expect(done.observedProducts).toBe(done.pricedCards);
  await page.close();
});
