// The service worker stopped in the middle of a watchlist refresh and of a position scan, ten times
// each (Chrome stops idle or long-running workers): woken again each time, the work goes on from
// where it was and completes with nothing lost and nothing twice.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resultList } from '../fixtures/wb/search.mjs';
import { type Lab, panelIn, startLab, submitIn } from './harness';

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
    new Promise<Record<string, number | string[] | number[]>>((resolve, reject) => {
      const open = indexedDB.open('lupa');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['cards', 'stockMonths', 'priceMonths', 'kv', 'positions'], 'readonly');
        const out: Record<string, number | string[] | number[]> = {};
        const all = (store: string) =>
          new Promise<Array<Record<string, unknown>>>((res) => {
            const req = tx.objectStore(store).getAll();
            req.onsuccess = () => res(req.result);
          });
        // The history packed by month (utils/series.ts): its points, as [at, …] tuples with the row's product.
        const pointsOf = (store: string) =>
          all(store).then((rows) =>
            rows.flatMap((r) => (r.points as unknown[][]).map((p) => ({ productId: r.productId, at: p[0], source: p[2] }))),
          );
        Promise.all([all('cards'), pointsOf('stockMonths'), pointsOf('priceMonths'), all('kv'), all('positions')]).then(
          ([cards, snaps, points, kv, positions]) => {
            out.positions = positions.map((p) => `${p.query}:${p.organic ?? '-'}:${p.page ?? '-'}`).sort();
            out.cards = cards.length;
            out.snapshots = snaps.length;
            out.snapshotProducts = new Set(snaps.map((s) => s.productId)).size;
            out.observed = points.filter((p) => p.source === 'observed').length;
            out.observedProducts = new Set(points.filter((p) => p.source === 'observed').map((p) => p.productId)).size;
            out.pricedCards = cards.filter((c) => c.priceNow !== null).length;
            out.cursor = kv.filter((k) => k.key === 'watch-refresh-cursor').map((k) => String(k.key));
            out.scanDone = kv.filter((k) => String(k.key).startsWith('scan:')).map((k) => (k.value as { done: number }).done);
            db.close();
            resolve(out);
          },
        );
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

const DETAIL = /\/cards\/v4\/detail/;
const SEARCH = /exactmatch/;

/** Stops the extension's service worker the way Chrome does (from a page's DevTools session). */
async function stopWorker(page: Page) {
  const cdp = await lab.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; targetId: string; url: string }> };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(lab.extensionId));
  if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}

test('a watchlist refresh stopped again and again, each time with batches in flight, completes with no lost or duplicated rows', async () => {
  // 1 100 products: eleven detail batches of 100, a few under way at once (the host's gate allows 4).
  const ids = [...resultList('футболка оверсайз'), ...resultList('наушники беспроводные')]
    .map((p: { id: number }) => String(p.id))
    .filter((id, i, all) => all.indexOf(id) === i)
    .slice(0, 1100);
  expect(ids).toHaveLength(1100);
  const page = await lab.context.newPage();
  await page.goto(`chrome-extension://${lab.extensionId}/popup.html`);
  await page.locator('.lupa-popup h2').first().waitFor();
  await page.evaluate(
    idb.seed,
    ids.map((id) => ({ marketplace: 'wb', id })),
  );
  // Every batch stalls at the marketplace long enough to be caught in flight.
  lab.server.fault({ path: DETAIL, kind: 'latency', ms: 1200, times: 1000 });
  await lab.worker.evaluate(fireAlarm);

  let stored = 0;
  let stops = 0;
  while (stored < 1100 && stops < 10) {
    // Stopped as soon as one more batch is stored: the batches started with it are still in flight.
    await expect
      .poll(async () => (await page.evaluate(idb.counts)).cards as number, { timeout: 30_000, interval: 20 })
      .toBeGreaterThan(stored);
    stored = (await page.evaluate(idb.counts)).cards as number;
    if (stored === 1100) break;
    await stopWorker(page);
    stops++;
    // Only whole batches are ever stored, and the cursor keeps the rest.
    const counts = await page.evaluate(idb.counts);
    expect((counts.cards as number) % 100).toBe(0);
    expect(counts.cursor).toEqual(['watch-refresh-cursor']);
    stored = counts.cards as number;
    // Anything that wakes the worker (here: the popup opening) resumes the refresh.
    await page.reload();
  }
  expect(stops).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.evaluate(idb.counts), { timeout: 60_000 }).toMatchObject({ cards: 1100, cursor: [] });
  const done = await page.evaluate(idb.counts);
  expect(done.snapshots).toBe(1100);
  expect(done.snapshotProducts).toBe(1100);
  expect(done.observed).toBe(done.pricedCards);
  expect(done.observedProducts).toBe(done.pricedCards);
  await page.close();
});

test('a position scan stopped ten times resumes from the page it reached and stores one row per query', async () => {
  lab.server.reset();
  const page = await lab.open('/catalog/146972802/detail.aspx');
  const p = await panelIn(page, 146972802);
  for (const query of ['кроссовки мужские', 'футболка оверсайз']) {
    await submitIn(p, '[data-lupa="position-query-input"]', query, `tr[data-query="${query}"]`);
  }
  const popup = await lab.context.newPage();
  await popup.goto(`chrome-extension://${lab.extensionId}/popup.html`);
  lab.server.fault({ path: SEARCH, kind: 'latency', ms: 500, times: 1000 });
  await p.locator('[data-lupa="scan-start"]').click();

  let lastDone = -1;
  for (let stop = 1; stop <= 10; stop++) {
    // Progress since the last stop is stored, and the next page is being asked for.
    await expect
      .poll(async () => ((await popup.evaluate(idb.counts)).scanDone as number[])[0] ?? -1, { timeout: 30_000 })
      .toBeGreaterThan(lastDone);
    lastDone = ((await popup.evaluate(idb.counts)).scanDone as number[])[0] as number;
    await stopWorker(popup);
    await popup.reload();
  }
  await expect.poll(async () => (await popup.evaluate(idb.counts)).scanDone, { timeout: 60_000 }).toEqual([]);
  expect((await popup.evaluate(idb.counts)).positions).toEqual(['кроссовки мужские:-:-', 'футболка оверсайз:612:7']);
  // The panel, opened again, shows the scan's result.
  await page.reload();
  const again = await panelIn(page, 146972802);
  await expect
    .poll(() => again.locator('tr[data-query="футболка оверсайз"] [data-lupa="position-organic"]').getAttribute('data-value'))
    .toBe('612');
  expect(lastDone).toBeGreaterThanOrEqual(9);
  await page.close();
  await popup.close();
  // Ten stops with a 500 ms search behind each page: half a minute on a quiet machine, more on a
  // loaded one; the limit only guards against a hang.
}, 120_000);
