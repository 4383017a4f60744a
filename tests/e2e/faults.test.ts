// The panel under a misbehaving marketplace. Each test uses its own fixture product, so that one
// test's cache does not answer for another.
import { describe, expect, test } from 'vitest';
import * as wb from '../fixtures/wb/catalog.mjs';
import { expectedFor } from './expected';
import { figure, type Lab, panelIn, useLab } from './harness';

const DETAIL = /\/cards\/v4\/detail/;
const product = (i: number) => wb.products[i]!;

describe('product panel when the marketplace misbehaves', () => {
  let lab: Lab;
  useLab((l) => {
    lab = l;
  });

  async function pageKeepsItsOwnContent(page: import('playwright-core').Page, name: string) {
    await page.locator('.product-page__title').waitFor();
    expect(await page.locator('.product-page__title').textContent()).toBe(name);
    expect(await page.locator('.btn-main').textContent()).toBe('Добавить в корзину');
  }

  test('a 429 with Retry-After, then 200, ends with the figures shown', async () => {
    const p0 = product(0);
    lab.server.fault({ path: DETAIL, kind: 'status', status: 429, retryAfter: '1' });
    const page = await lab.open(`/catalog/${p0.id}/detail.aspx`);
    const p = await panelIn(page, p0.id);
    expect(await figure(p, 'price-now')).toBe(expectedFor(p0, Date.now())['price-now']);
    expect(lab.server.count(DETAIL)).toBe(2);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('malformed JSON shows "format changed" and leaves the page alone', async () => {
    const p1 = product(1);
    lab.server.fault({ path: DETAIL, kind: 'malformed', times: 10 });
    const page = await lab.open(`/catalog/${p1.id}/detail.aspx`);
    const p = await panelIn(page, p1.id, ['format-changed']);
    expect(await figure(p, 'price-now')).toBeNull();
    await pageKeepsItsOwnContent(page, p1.name);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('a changed schema shows "format changed" and leaves the page alone', async () => {
    const p2 = product(2);
    lab.server.fault({ path: DETAIL, kind: 'changed-schema', times: 10 });
    const page = await lab.open(`/catalog/${p2.id}/detail.aspx`);
    await panelIn(page, p2.id, ['format-changed']);
    await pageKeepsItsOwnContent(page, p2.name);
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('ten tabs opening one product cause one request of each kind, and all ten show the same figures', async () => {
    const p3 = product(3);
    // The marketplace answers slowly, so every tab asks while the first request is still out.
    lab.server.fault({ path: DETAIL, kind: 'latency', ms: 600, times: 10 });
    const pages = await Promise.all(Array.from({ length: 10 }, () => lab.open(`/catalog/${p3.id}/detail.aspx`)));
    const shown = new Set<string | null>();
    for (const page of pages) shown.add(await figure(await panelIn(page, p3.id), 'price-now'));
    expect(shown.size).toBe(1);
    expect(lab.server.count(DETAIL)).toBe(1);
    expect(lab.server.count(/price-history\.json/)).toBe(1);
    expect(lab.server.count(/^feedback-bt\.wildberries\.ru/)).toBe(1);
    expect(lab.server.count(/^feedback-view-\d+\.wb\.ru/)).toBe(1);
    expect(lab.server.count(/^questions\.wildberries\.ru/)).toBe(1);
    expect(lab.server.count(/^feedbacks[12]\.wb\.ru/)).toBe(0);
    await Promise.all(pages.map((page) => page.close()));
  });

  test('reviews failing with 500 leave the rest of the panel fresh and mark the section', async () => {
    const p4 = product(4);
    // Every reviews route: WB's host resolver, the host it names, both shards (v2 and the old v1).
    lab.server.fault({ host: 'feedback', path: /feedback/, kind: 'status', status: 500, times: 40 });
    const page = await lab.open(`/catalog/${p4.id}/detail.aspx`);
    const p = await panelIn(page, p4.id);
    expect(await figure(p, 'price-now')).toBe(expectedFor(p4, Date.now())['price-now']);
    expect(await figure(p, 'negative-share')).toBeNull();
    expect(await p.locator('.lupa-note').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('an anti-bot 403 on both routes shows "blocked" and is not retried in a loop', async () => {
    const p5 = product(5);
    lab.server.fault({ path: DETAIL, kind: 'status', status: 403, times: 10 });
    const page = await lab.open(`/catalog/${p5.id}/detail.aspx`);
    await panelIn(page, p5.id, ['blocked']);
    // One try on the page's route, one on the public host: no retries.
    expect(lab.server.count(DETAIL)).toBe(2);
    await pageKeepsItsOwnContent(page, p5.name);
    await page.close();
  });
});

describe("WB's walls and waits outlive the service worker", () => {
  let lab: Lab;
  useLab((l) => {
    lab = l;
  });

  /** Stops the extension's service worker the way Chrome does; the next message wakes a new one. */
  async function stopWorker(page: import('playwright-core').Page) {
    const cdp = await lab.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ type: string; targetId: string; url: string }>;
    };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(lab.extensionId));
    expect(worker).toBeDefined();
    if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await cdp.detach();
  }

  test('an anti-bot 403 leaves WB alone after a restart too, until the user presses «Обновить»', async () => {
    const p = product(6);
    lab.server.fault({ path: DETAIL, kind: 'status', status: 403, times: 2 });
    const first = await lab.open(`/catalog/${p.id}/detail.aspx`);
    await panelIn(first, p.id, ['blocked']);
    expect(lab.server.count(DETAIL)).toBe(2);
    await stopWorker(first);
    await first.close();

    const again = await lab.open(`/catalog/${p.id}/detail.aspx`);
    const panel = await panelIn(again, p.id, ['blocked']);
    expect(lab.server.count(DETAIL)).toBe(2);
    await panel.locator('[data-lupa="refresh"]').click();
    await panelIn(again, p.id);
    expect(await figure(panel, 'price-now')).toBe(expectedFor(p, Date.now())['price-now']);
    expect(lab.errors).toEqual([]);
    await again.close();
  });

  test('a 429 asking to wait ten years is obeyed for an hour, across a restart, without asking again', async () => {
    const p = product(7);
    lab.server.fault({ path: DETAIL, kind: 'status', status: 429, retryAfter: String(10 * 365 * 24 * 3600), times: 2 });
    const first = await lab.open(`/catalog/${p.id}/detail.aspx`);
    await panelIn(first, p.id, ['rate-limited']);
    expect(lab.server.count(DETAIL)).toBe(2);
    await stopWorker(first);
    await first.close();

    const again = await lab.open(`/catalog/${p.id}/detail.aspx`);
    await panelIn(again, p.id, ['rate-limited']);
    expect(lab.server.count(DETAIL)).toBe(2);
    await again.close();
    // What is kept: the wait for each route's host, an hour from the 429 at most.
    const ext = await lab.context.newPage();
    await ext.goto(`chrome-extension://${lab.extensionId}/popup.html`);
    const kept = await ext.evaluate(
      () =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const open = indexedDB.open('lupa');
          open.onsuccess = () => {
            const get = open.result.transaction('kv', 'readonly').objectStore('kv').getAll();
            get.onsuccess = () => {
              open.result.close();
              const rows = get.result as Array<{ key: string; value: number }>;
              resolve(Object.fromEntries(rows.filter((r) => r.key.startsWith('host-wait:')).map((r) => [r.key, r.value])));
            };
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(Object.keys(kept).sort()).toEqual(['host-wait:card.wb.ru', 'host-wait:www.wildberries.ru']);
    for (const until of Object.values(kept)) expect(until).toBeLessThanOrEqual(Date.now() + 60 * 60 * 1000);
    for (const until of Object.values(kept)) expect(until).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    await ext.close();
  });
});
