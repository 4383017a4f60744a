// The "1 000 × 365" section of `npm run bench` (issue 17), also runnable alone:
// `node scripts/bench-scale.mjs [--no-build]`. The built extension in Chromium against the fixture
// marketplace; a shop of 1 000 watched WB products (the fixture knows their cards), a year of daily
// prices and stock snapshots each and 3 000 open tasks (scripts/scale-shop.mjs), seeded in the
// worker by scripts/bench-scale.ts. Figures: the popup's and the options page's first rows and how
// many rows they keep in the page, the worker's getWatchlist answer, the retention's slices, a
// refresh of the 1 000 cards once they are known, the worker's heap during that refresh, and a
// backup and its restore through the options page (as the user does them: the buttons, the file,
// the confirm), with the page's longest task meanwhile.
// `--only=refresh,pages,answer,retention,backup` runs some parts (the seeding always), and
// `--only=restore-parts` (never run by default) times a restore's parts apart;
// `--idb-sqlite` runs them on Chromium's SQLite IndexedDB backend (scripts/chromium.mjs IDB_SQLITE).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { CHROMIUM_MISSING, chromiumArgs, chromiumEnv, findChromium } from './chromium.mjs';
import { SCALE_DAYS, SCALE_PRODUCTS, shopIds } from './scale-shop.mjs';
import { heapDuring } from './worker-heap.mjs';
import { injectProbe } from './worker-probe.mjs';

export { SCALE_DAYS, SCALE_PRODUCTS };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const atMost = (limit, text = `≤ ${limit}`) => ({ text, pass: (v) => v <= limit });

/** Sends one of Lupa's messages from an extension page, as the popup does (@webext-core/messaging's envelope). */
const SEND = async ([type, data]) => {
  const started = performance.now();
  const answer = await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() });
  if (answer?.err) throw new Error(answer.err.message ?? String(answer.err));
  return { ms: performance.now() - started, res: answer?.res };
};

export const SCALE_PARTS = ['refresh', 'pages', 'answer', 'retention', 'backup'];
/** In the options page, on the seeded shop: a restore's parts timed apart (scripts/bench-restore.ts). */
async function restoreParts(context, extensionId, ids, now) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await injectProbe(options, 'bench-restore.ts', 'lupaBenchRestore');
  const clearing = await options.evaluate(() => globalThis.lupaBenchRestore.clearing());
  const writing = await options.evaluate(([list, days, at]) => globalThis.lupaBenchRestore.writing(list, days, at), [ids, SCALE_DAYS, now]);
  const upgrade = await options.evaluate(([list, days, at]) => globalThis.lupaBenchRestore.upgrade(list, days, at), [ids, SCALE_DAYS, now]);
  await options.close();
  return { clearing, writing, upgrade };
}

/** In the options page: every task longer than 50 ms from now on (the Long Tasks API). */
const WATCH_LONG_TASKS = () => {
  const state = { longest: 0, count: 0 };
  globalThis.__lupaLongTasks = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.longest = Math.max(state.longest, entry.duration);
      state.count++;
    }
  }).observe({ type: 'longtask' });
};
const LONG_TASKS = () => {
  const state = globalThis.__lupaLongTasks;
  const out = { ...state };
  state.longest = 0;
  state.count = 0;
  return out;
};

/**
 * Backup and restore as the user does them, in the options page: the backup button (until the
 * download), then the file chosen (until its summary), then the confirm (until "restored").
 */
async function backupAndRestore(context, extensionId) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('[data-lupa="backup"]').waitFor();
  await injectProbe(options, 'bench-data.ts', 'lupaBenchData');
  const rowsBefore = await options.evaluate(() => globalThis.lupaBenchData.rowCounts());
  await options.evaluate(WATCH_LONG_TASKS);

  let started = Date.now();
  const [download] = await Promise.all([
    options.waitForEvent('download', { timeout: 120_000 }),
    options.locator('[data-lupa="backup"]').click(),
  ]);
  const file = await download.path();
  const backupMs = Date.now() - started;
  const backupTasks = await options.evaluate(LONG_TASKS);
  const fileBytes = statSync(file).size;
  const dataBytes = await options.evaluate(() => globalThis.lupaBenchData.jsonBytes());
  await options.evaluate(LONG_TASKS);

  started = Date.now();
  await options.locator('[data-lupa="restore"]').setInputFiles(file);
  await options.locator('[data-lupa="restore-summary"]').waitFor({ timeout: 120_000 });
  const checkMs = Date.now() - started;
  started = Date.now();
  await options.locator('[data-lupa="restore-confirm"]').click();
  await options.locator('[data-lupa="options-message"]', { hasText: 'восстановлены' }).waitFor({ timeout: 180_000 });
  const writeMs = Date.now() - started;
  const restoreTasks = await options.evaluate(LONG_TASKS);
  const problem = await options
    .locator('[data-lupa="options-problem"]')
    .textContent()
    .catch(() => null);
  const rowsAfter = await options.evaluate(() => globalThis.lupaBenchData.rowCounts());
  await options.close();
  return { backupMs, backupTasks, fileBytes, dataBytes, checkMs, writeMs, restoreTasks, problem, rowsBefore, rowsAfter };
}

/**
 * Opens an extension page `times` times; each time, when (ms after the navigation started) the
 * first `row` was in the page — to the DOM mutation — and, then, how many rows and elements the
 * `list` holds and the page has.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function openings(context, url, row, list, times) {
  const out = [];
  for (let i = 0; i < times; i++) {
    const page = await context.newPage();
    // Watches the DOM from the page's start: the time of the mutation that brought the first row.
    await page.addInitScript((sel) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        globalThis.__lupaFirstRow = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    }, row);
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await (await page.waitForFunction(() => globalThis.__lupaFirstRow, null, { timeout: 60_000 })).jsonValue();
    // The rows of the first layout, once it is painted.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    const dom = await page.evaluate(
      ([rowSel, listSel]) => ({
        rows: document.querySelectorAll(rowSel).length,
        listNodes: document.querySelector(listSel)?.querySelectorAll('*').length ?? 0,
        pageNodes: document.querySelectorAll('*').length,
      }),
      [row, list],
    );
    out.push({ ms, ...dom });
    await page.close();
  }
  return out;
}

/** @returns {Promise<{ rows: Array<[string, number, number, object?]>, raw: object }>} */
export async function scaleSection({ parts = SCALE_PARTS, idbSqlite = false } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'lupa-bench-scale-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    ignoreHTTPSErrors: true,
    args: chromiumArgs({ resolverRules: server.resolverRules, idbSqlite }),
    env: chromiumEnv(),
  });
  try {
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
    const worker = context.serviceWorkers()[0];
    const extensionId = new URL(worker.url()).host;
    await injectProbe(worker, 'bench-scale.ts', 'lupaBenchScale');

    const ids = shopIds(SCALE_PRODUCTS);
    const now = Date.now();
    const seeded = await worker.evaluate(([list, days, at]) => globalThis.lupaBenchScale.seedShop(list, days, at), [ids, SCALE_DAYS, now]);

    // An extension page to send from; the popup's own first request is let through first.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.waitForTimeout(3000);

    // The first refresh stores the 1 000 cards; the second is the alarm's usual work (known cards).
    const has = (part) => parts.includes(part);
    let firstRefresh = null;
    let knownRefresh = null;
    let heap = null;
    if (has('refresh')) {
      firstRefresh = await page.evaluate(SEND, ['runRefresh', {}]);
      // The worker's used JS heap through CDP (scripts/worker-heap.mjs): after a GC before the
      // known cards' refresh, every 50 ms during it, after a GC once it is done.
      ({ result: knownRefresh, heap } = await heapDuring(context, worker.url(), () => page.evaluate(SEND, ['runRefresh', {}])));
    }

    // The popup opened by the user: the first opening after a refresh, then four more.
    const popup = !has('pages')
      ? null
      : await openings(context, `chrome-extension://${extensionId}/popup.html`, '[data-lupa="watch-row"]', '[data-lupa="watch-list"]', 5);
    const options = !has('pages')
      ? null
      : await openings(context, `chrome-extension://${extensionId}/options.html`, '[data-lupa="own-item"]', '[data-lupa="own-items"]', 5);

    const answers = [];
    let reply = null;
    let parts_ = null;
    if (has('answer')) {
      for (let i = 0; i < 8; i++) {
        const r = await page.evaluate(SEND, ['getWatchlist', {}]);
        answers.push(r.ms);
        reply = r.res;
      }
      parts_ = await worker.evaluate(() => globalThis.lupaBenchScale.answerParts(7));
    }
    const retention = has('retention') ? await worker.evaluate((at) => globalThis.lupaBenchScale.retention(at), now) : null;
    let data = null;
    if (has('backup')) data = await backupAndRestore(context, extensionId);
    const restore = has('restore-parts') ? await restoreParts(context, extensionId, ids, now) : null;

    const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)] ?? 0;
    const mb = (bytes) => bytes / 1024 / 1024;
    const rows = [
      [`1 000 × 365: rows seeded (${SCALE_PRODUCTS} products × ${SCALE_DAYS} days of prices and stock, 3 000 tasks)`, seeded.rows, 0],
      ['1 000 × 365: seeding them in the worker (ms)', seeded.ms, 0],
      ...(popup && options
        ? [
            ['1 000 × 365: popup, first rows after opening, first opening after a refresh (ms)', popup[0].ms, 0, atMost(300)],
            [
              '1 000 × 365: popup, first rows after opening (ms, median of 4 more)',
              median(popup.slice(1).map((o) => o.ms)),
              0,
              atMost(300),
            ],
            [`1 000 × 365: popup, watch rows in the DOM (of ${SCALE_PRODUCTS})`, Math.max(...popup.map((o) => o.rows)), 0, atMost(40)],
            ["1 000 × 365: popup, the list's DOM nodes", Math.max(...popup.map((o) => o.listNodes)), 0],
            ['1 000 × 365: popup, DOM nodes of the whole page', Math.max(...popup.map((o) => o.pageNodes)), 0],
            ['1 000 × 365: options, first own items after opening (ms, median of 5)', median(options.map((o) => o.ms)), 0, atMost(500)],
            ['1 000 × 365: options, slowest of the 5 openings (ms)', Math.max(...options.map((o) => o.ms)), 0],
            [
              `1 000 × 365: options, own items in the DOM (of ${SCALE_PRODUCTS / 2})`,
              Math.max(...options.map((o) => o.rows)),
              0,
              atMost(40),
            ],
            ["1 000 × 365: options, the own items list's DOM nodes", Math.max(...options.map((o) => o.listNodes)), 0],
          ]
        : []),
      ...(has('answer')
        ? [
            [`1 000 × 365: watchlist rows in the answer`, reply?.watchlist?.length ?? 0, 0],
            [
              `1 000 × 365: open tasks in the answer (of ${reply?.taskCounts?.reduce((n, c) => n + c.count, 0) ?? 0})`,
              reply?.tasks?.length ?? 0,
              0,
            ],
            ['1 000 × 365: worker answers getWatchlist, message round trip (ms, median of 7)', median(answers.slice(1)), 1, atMost(150)],
            ['1 000 × 365: worker answers getWatchlist, first opening (ms)', answers[0], 1, atMost(150)],
            ['1 000 × 365: of which the rows read and summarised, service.list (ms, median of 7)', parts_.list, 1],
            ['1 000 × 365: of which the raw IndexedDB read of 1 000 rows (ms, median of 7)', parts_.rawRows, 1],
            ['1 000 × 365: of which the tasks grouped, service.taskGroups (ms, median of 7)', parts_.taskGroups, 1],
            ["1 000 × 365: of which the reply's zod check (ms, median of 7)", parts_.replyParse, 1],
          ]
        : []),
      ...(retention
        ? [
            ['1 000 × 365: retention slice, longest (ms)', Math.max(...retention.first.slices), 1, atMost(50)],
            ['1 000 × 365: retention slice, 95th percentile (ms)', percentile(retention.first.slices, 0.95), 1],
            [`1 000 × 365: retention first pass, ${retention.first.slices.length} slices (ms)`, retention.first.ms, 0],
            [`1 000 × 365: retention next day (watermark), ${retention.second.slices.length} slices (ms)`, retention.second.ms, 0],
            ['1 000 × 365: retention next day, longest slice (ms)', Math.max(0, ...retention.second.slices), 1, atMost(50)],
          ]
        : []),
      ...(has('refresh')
        ? [
            ['1 000 × 365: refresh, cards not yet stored (ms)', firstRefresh.ms, 0],
            ['1 000 × 365: refresh of 1 000 known cards (ms)', knownRefresh.ms, 0, atMost(10_000)],
            ...(heap && 'reason' in heap
              ? [['1 000 × 365: worker heap peak during that refresh (MB)', `not measured: ${heap.reason}`, 0, atMost(50)]]
              : [
                  ['1 000 × 365: worker heap peak during that refresh (MB)', mb(heap.peak), 1, atMost(50)],
                  ['1 000 × 365: worker heap before that refresh, after a GC (MB)', mb(heap.before), 1],
                  ['1 000 × 365: worker heap after that refresh, after a GC (MB)', mb(heap.after), 1],
                ]),
          ]
        : []),
      ...(data
        ? [
            [
              `1 000 × 365: backup from the options page, ${data.rowsBefore.total} rows (ms, button to file)`,
              data.backupMs,
              0,
              atMost(10_000),
            ],
            ['1 000 × 365: the same rows as JSON objects (MB)', mb(data.dataBytes), 1],
            // "The file no larger than the data needs": no larger than the stored rows written as JSON.
            ['1 000 × 365: backup file (MB)', mb(data.fileBytes), 1, atMost(mb(data.dataBytes), '≤ the rows as JSON')],
            ['1 000 × 365: backup, longest task in the options page (ms)', data.backupTasks.longest, 0],
            ['1 000 × 365: restore, file checked to its summary (ms)', data.checkMs, 0],
            ['1 000 × 365: restore, confirm to restored, one transaction (ms)', data.writeMs, 0],
            ['1 000 × 365: restore, file chosen to restored (ms)', data.checkMs + data.writeMs, 0, atMost(30_000)],
            [
              `1 000 × 365: restore, longest task in the options page (ms; ${data.restoreTasks.count} over 50 ms)`,
              data.restoreTasks.longest,
              0,
              atMost(50),
            ],
            [
              '1 000 × 365: rows after restore equal rows before (1 = yes)',
              JSON.stringify(data.rowsAfter) === JSON.stringify(data.rowsBefore) ? 1 : 0,
              0,
              { text: '= 1', pass: (v) => v === 1 },
            ],
          ]
        : []),
      ...(restore
        ? [
            ...Object.entries(restore.clearing.tables).map(([name, ms]) => [
              `1 000 × 365: restore part, clearing ${name} in the one transaction (ms)`,
              ms,
              0,
            ]),
            ['1 000 × 365: restore part, rolling that clearing back (ms)', restore.clearing.rollback, 0],
            ['1 000 × 365: restore part, zod check of the history rows (ms)', restore.writing.zodMs, 0],
            ...Object.entries(restore.writing.rows).map(([name, w]) => [
              `1 000 × 365: restore part, writing ${w.rows} ${name} rows a row per point (as v13 stored them) into an empty database, one transaction (ms)`,
              w.ms,
              0,
            ]),
            ...Object.entries(restore.writing.months).map(([name, w]) => [
              `1 000 × 365: the same ${name} packed per product and month (as v14 stores them), ${w.rows} rows, one transaction (ms)`,
              w.ms,
              0,
            ]),
            [
              `1 000 × 365: v14's upgrade of a v13 database, ${restore.upgrade.flatRows} rows packed into ${restore.upgrade.monthRows} (ms)`,
              restore.upgrade.ms,
              0,
              atMost(20_000),
            ],
          ]
        : []),
    ];
    return {
      rows,
      raw: {
        seeded,
        popup,
        options,
        answers,
        parts: parts_,
        retention,
        data,
        refresh: { first: firstRefresh, known: knownRefresh },
        heap,
        lastRefresh: reply?.lastRefresh,
        nextRefreshAt: reply?.nextRefreshAt,
      },
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv.includes('--no-build') && spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' }).status !== 0) {
    console.error('build failed: run `npx wxt build` to see why');
    process.exit(1);
  }
  const only = process.argv.find((a) => a.startsWith('--only='));
  const { rows, raw } = await scaleSection({
    ...(only ? { parts: only.slice('--only='.length).split(',') } : {}),
    idbSqlite: process.argv.includes('--idb-sqlite'),
  });
  for (const [figure, value, digits, target] of rows)
    console.log(
      typeof value === 'number'
        ? `${figure}  ${value.toFixed(digits)}  ${target?.text ?? ''}  ${target ? (target.pass(value) ? 'pass' : 'FAIL') : ''}`
        : `${figure}  ${value}  ${target?.text ?? ''}  ${target ? 'FAIL' : ''}`,
    );
  console.log(
    JSON.stringify({
      lastRefresh: raw.lastRefresh,
      nextRefreshAt: raw.nextRefreshAt,
      heap: raw.heap,
      slowestSlices: raw.retention?.first.slices
        .map((ms, i) => [i, Math.round(ms)])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5),
      backup: raw.data && { problem: raw.data.problem, rows: raw.data.rowsAfter },
    }),
  );
}
