import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as wb from '../fixtures/wb/catalog.mjs';
import { regionShift, resultList } from '../fixtures/wb/search.mjs';
import { figure, type Lab, panelIn, startLab, submitIn } from './harness';

const SEARCH = /search\.wb\.ru\/exactmatch/;
const DAY = 86_400_000;

describe('search positions in the product panel', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterEach(async () => {
    lab.server.reset();
    await lab.worker.evaluate(() => {
      const g = globalThis as unknown as { __realNow?: () => number };
      if (g.__realNow) Date.now = g.__realNow;
    });
  });
  afterAll(async () => {
    await lab?.close();
  });

  /** Moves the service worker's clock (the scans' time stamps) by `ms`. */
  const shiftWorkerClock = (ms: number) =>
    lab.worker.evaluate((by) => {
      const g = globalThis as unknown as { __realNow?: () => number };
      g.__realNow ??= Date.now.bind(Date);
      const real = g.__realNow;
      Date.now = () => real() + by;
    }, ms);

  async function openWithQuery(id: number, query: string) {
    const page = await lab.open(`/catalog/${id}/detail.aspx`);
    const p = await panelIn(page, id);
    await submitIn(p, '[data-lupa="position-query-input"]', query, `tr[data-query="${query}"]`);
    return { page, p };
  }

  test('a scan finds the product on page 7, shows progress, and the chart keeps two scans made days apart', async () => {
    lab.server.fault({ path: /exactmatch/, kind: 'latency', ms: 150, times: 20 });
    await shiftWorkerClock(-3 * DAY);
    const { page, p } = await openWithQuery(146972802, 'футболка оверсайз');
    await p.locator('[data-lupa="scan-start"]').click();
    const progress = p.locator('[data-lupa="scan-progress"]');
    await progress.waitFor();
    expect(await progress.getAttribute('data-total')).toBe('10');
    await p.locator('[data-lupa="scan-state"][data-value="done"]').waitFor({ timeout: 30_000 });
    expect(await figure(p, 'position-organic')).toBe('612');
    expect(await figure(p, 'position-ad')).toBe('');
    expect(await figure(p, 'position-page')).toBe('7');
    expect(await p.locator('[data-lupa="position-organic"]').getAttribute('data-nm')).toBe('146972802');
    expect(lab.server.count(SEARCH)).toBe(7);

    // Three days later the product has climbed 30 places.
    await shiftWorkerClock(0);
    lab.server.settings.searchShift = 30;
    await p.locator('[data-lupa="scan-start"]').click();
    await expect.poll(() => figure(p, 'position-organic'), { timeout: 30_000 }).toBe('582');
    expect(await figure(p, 'position-page')).toBe('6');
    expect(await figure(p, 'position-change')).toBe('30');
    expect(await figure(p, 'position-chart')).toBe('2');
    expect(lab.errors).toEqual([]);
    await page.close();
  });

  test('an advertised product shows its paid slot beside its organic place', async () => {
    const { page, p } = await openWithQuery(255012877, 'наушники беспроводные');
    await p.locator('[data-lupa="scan-start"]').click();
    await p.locator('[data-lupa="scan-state"][data-value="done"]').waitFor({ timeout: 30_000 });
    expect(await figure(p, 'position-organic')).toBe('148');
    expect(await figure(p, 'position-ad')).toBe('2');
    expect(await figure(p, 'position-page')).toBe('1');
    await page.close();
  });

  test('a scan can be cancelled: it stops walking and stores nothing', async () => {
    lab.server.fault({ path: /exactmatch/, kind: 'latency', ms: 400, times: 20 });
    const { page, p } = await openWithQuery(211695539, 'кроссовки мужские');
    await p.locator('[data-lupa="scan-start"]').click();
    await p.locator('[data-lupa="scan-progress"]').waitFor();
    await p.locator('[data-lupa="scan-cancel"]').click();
    await p.locator('[data-lupa="scan-state"][data-value="cancelled"]').waitFor({ timeout: 30_000 });
    expect(lab.server.count(SEARCH)).toBeLessThan(10);
    expect(await p.locator('[data-lupa="position-organic"]').count()).toBe(0);
    await page.close();
  });

  test('suggested queries come from the title and one click tracks them', async () => {
    const page = await lab.open('/catalog/301245689/detail.aspx');
    const p = await panelIn(page, 301245689);
    const suggestion = p.locator('[data-lupa="position-suggestion"]').first();
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toBe('+ платье летнее');
    await suggestion.click();
    await p.locator('tr[data-query="платье летнее"]').waitFor();
    await page.close();
  });

  // Reads what the scans above stored: the popup must show the same latest positions as the panels.
  test('the popup lists every tracked product with its latest positions', async () => {
    const popup = await lab.context.newPage();
    await popup.goto(`chrome-extension://${lab.extensionId}/popup.html`);
    const tshirt = popup.locator('[data-lupa="tracked-product"][data-nm="146972802"]');
    await tshirt.waitFor();
    expect(await tshirt.locator('[data-lupa="position-organic"]').getAttribute('data-value')).toBe('582');
    expect(await tshirt.locator('[data-lupa="position-change"]').getAttribute('data-value')).toBe('30');
    const headphones = popup.locator('[data-lupa="tracked-product"][data-nm="255012877"]');
    expect(await headphones.locator('[data-lupa="position-ad"]').getAttribute('data-value')).toBe('2');
    expect(await headphones.locator('h3 a').textContent()).toBe('Наушники беспроводные TWS с шумоподавлением');
    await popup.close();
  });

  test('positions by region: a region read off a WB tab is scanned too and shown beside the own one, then removed', async () => {
    const KAZAN = 12358062;
    const MOSCOW = -1257786;
    const QUERY = 'футболка оверсайз';
    /** Where the fixture's search shows our product in a region: its place in that region's list. */
    const placeIn = (dest: number) => resultList(QUERY, regionShift(dest)).findIndex((e) => e.id === 146972802) + 1;
    expect(placeIn(KAZAN)).not.toBe(placeIn(MOSCOW));

    // A tab whose delivery address is in Kazan: its region is added, named by the address.
    const kazan = await lab.context.newPage();
    await kazan.addInitScript((geo) => localStorage.setItem('geo-data-v1-0', geo), JSON.stringify(wb.siteGeo(KAZAN)));
    await kazan.goto('https://www.wildberries.ru/catalog/146972802/detail.aspx');
    const k = await panelIn(kazan, 146972802);
    await k.locator('[data-lupa="position-region-add"]').click();
    await expect
      .poll(() =>
        lab.worker.evaluate(async () => {
          const open = indexedDB.open('lupa');
          const db = await new Promise<IDBDatabase>((r) => {
            open.onsuccess = () => r(open.result);
          });
          const row = await new Promise<{ value?: unknown } | undefined>((r) => {
            const q = db.transaction('kv').objectStore('kv').get('position-regions');
            q.onsuccess = () => r(q.result);
          });
          db.close();
          return row?.value;
        }),
      )
      .toMatchObject([{ dest: KAZAN, name: wb.siteGeo(KAZAN).data.address }]);
    await kazan.close();

    // Back at home (Moscow): the scan walks the query at home and in Kazan.
    const home = await lab.context.newPage();
    await home.addInitScript((geo) => localStorage.setItem('geo-data-v1-0', geo), JSON.stringify(wb.siteGeo(MOSCOW)));
    await home.goto('https://www.wildberries.ru/catalog/146972802/detail.aspx');
    const p = await panelIn(home, 146972802);
    await submitIn(p, '[data-lupa="position-query-input"]', QUERY, `tr[data-query="${QUERY}"]`);
    await p.locator('[data-lupa="position-regions"]').waitFor();
    await p.locator('[data-lupa="scan-start"]').click();
    await p.locator('[data-lupa="scan-state"][data-value="done"]').waitFor({ timeout: 60_000 });
    const own = p.locator(`tr[data-query="${QUERY}"] [data-lupa="position-organic"]`);
    expect(await own.getAttribute('data-value')).toBe(String(placeIn(MOSCOW)));
    expect(await own.getAttribute('data-dest')).toBe(String(MOSCOW));
    const there = p.locator(`[data-lupa="position-organic"][data-dest="${KAZAN}"][data-query="${QUERY}"]`);
    await expect.poll(() => there.getAttribute('data-value')).toBe(String(placeIn(KAZAN)));
    expect(await p.locator(`[data-lupa="position-regions"] th[data-dest="${KAZAN}"]`).innerText()).toContain(
      wb.siteGeo(KAZAN).data.address,
    );

    // Removed: the column goes, and the next scan walks the own region only.
    await p.locator(`[data-lupa="position-region-remove"][data-dest="${KAZAN}"]`).click();
    await p.locator('[data-lupa="position-regions"]').waitFor({ state: 'detached' });
    await p.locator('[data-lupa="scan-start"]').click();
    await p.locator('[data-lupa="scan-progress"]').waitFor();
    expect(await p.locator('[data-lupa="scan-progress"]').getAttribute('data-total')).toBe('10');
    await p.locator('[data-lupa="scan-state"][data-value="done"]').waitFor({ timeout: 30_000 });
    await home.close();
  });
});
