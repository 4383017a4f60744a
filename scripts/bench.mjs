// `npm run bench`: speed and size figures, printed as a table and written to .bench/results.json.
// Runs the built extension in Chromium against the fixture marketplace; not part of `npm test`.
// Figures with a target from issues 7, 11 and 13 are marked pass/FAIL. The targets are judged on whatever
// machine runs this: a busy one (other builds, shared cores) inflates every time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { products as ozonProducts } from '../tests/fixtures/ozon/catalog.mjs';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { products } from '../tests/fixtures/wb/catalog.mjs';
import { complaintSection } from './bench-complaints.mjs';
import { ordersSection } from './bench-orders.mjs';
import { scaleSection } from './bench-scale.mjs';
import { suppliesSection } from './bench-supplies.mjs';
import { toneSection } from './bench-tone.mjs';
import { CHROMIUM_MISSING, chromiumArgs, chromiumEnv, EXTENSION_DIR, findChromium } from './chromium.mjs';
import { injectProbe } from './worker-probe.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
if (!process.argv.includes('--no-build') && spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' }).status !== 0) {
  console.error('build failed: run `npx wxt build` to see why');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** In the page's main world: when Lupa started (its mark) and when its first figure appeared. */
const WATCH_FIRST_FIGURE = () => {
  const found = () => document.querySelector('[data-lupa="product-panel"]')?.shadowRoot?.querySelector('[data-lupa="price-now"]');
  const tick = () => {
    if (found()) window.__lupaFirstFigure = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

const server = await startFixtureServer();
const profile = mkdtempSync(join(tmpdir(), 'lupa-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  ignoreHTTPSErrors: true,
  args: chromiumArgs({ resolverRules: server.resolverRules }),
  env: chromiumEnv(),
});
if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
await context.addInitScript(WATCH_FIRST_FIGURE);
const worker = context.serviceWorkers()[0];

/** One round trip from the background to the fixture marketplace (the unit of "cold" time). */
const roundTrips = await worker.evaluate(async () => {
  const ms = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    await (await fetch(`https://www.wildberries.ru/__fixture/static/shell.css?rtt=${i}`, { cache: 'no-store' })).text();
    ms.push(performance.now() - started);
  }
  return ms.slice(1); // the first one also opens the connection
});
const roundTripMs = median(roundTrips);

/** Host+path keys that are Lupa's own requests (not the pages, their shells or assets). */
const PAGE_KEYS = ['www.wildberries.ru/catalog', 'www.ozon.ru/product', 'www.ozon.ru/search'];
const isLupaRequest = (key) => !PAGE_KEYS.some((k) => key.startsWith(k)) && !key.includes('/__fixture/') && !key.endsWith('favicon.ico');

async function view(url) {
  const before = server.counts();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__lupaFirstFigure !== undefined, null, { timeout: 30_000 });
  const { start, first } = await page.evaluate(() => ({
    start: performance.getEntriesByName('lupa:start')[0]?.startTime ?? null,
    first: window.__lupaFirstFigure,
  }));
  await page.locator('[data-lupa="product-panel"] [data-lupa="state"][data-value="fresh"]').waitFor();
  const after = server.counts();
  const requests = Object.entries(after)
    .filter(([key]) => isLupaRequest(key))
    .reduce((n, [key, count]) => n + count - (before[key] ?? 0), 0);
  await page.close();
  return { ms: first - start, requests };
}

const cold = [];
const warm = [];
const wbUrl = (p) => `https://www.wildberries.ru/catalog/${p.id}/detail.aspx`;
const ozonUrl = (p) => `https://www.ozon.ru/product/${p.slug}-${p.sku}/`;
for (const p of products) cold.push(await view(wbUrl(p)));
for (const p of products) warm.push(await view(wbUrl(p)));
const ozonCold = [];
const ozonWarm = [];
for (const p of ozonProducts) ozonCold.push(await view(ozonUrl(p)));
for (const p of ozonProducts) ozonWarm.push(await view(ozonUrl(p)));

/** In the page: when the first `n` tiles were all on the page, and when all of them had badges. */
const WATCH_TILES = (n) =>
  new Promise((resolve) => {
    let tilesAt = null;
    const tick = () => {
      const tiles = document.querySelectorAll('article.product-card').length;
      const badges = document.querySelectorAll('lupa-tile-badge').length;
      if (tilesAt === null && tiles >= n) tilesAt = performance.now();
      if (tilesAt !== null && badges >= n) {
        const work = performance.getEntriesByName('lupa:badge-work').reduce((sum, e) => sum + e.duration, 0);
        resolve({ ms: performance.now() - tilesAt, mainThreadMs: work });
      } else requestAnimationFrame(tick);
    };
    tick();
  });

async function listing(path, tiles) {
  const before = server.counts();
  const page = await context.newPage();
  await page.goto(`https://www.wildberries.ru${path}`);
  const first = await page.evaluate(WATCH_TILES, 100);
  let result = first;
  if (tiles > 100) {
    await page.locator('.catalog-page__loader').scrollIntoViewIfNeeded();
    result = await page.evaluate(WATCH_TILES, tiles);
  }
  const after = server.counts();
  const requests = Object.entries(after)
    .filter(([key]) => isLupaRequest(key))
    .reduce((n, [key, count]) => n + count - (before[key] ?? 0), 0);
  await page.close();
  return {
    tiles,
    requests,
    firstHundredMs: first.ms,
    mainThreadPer100: (result.mainThreadMs / tiles) * 100,
    requestsPer100: (requests / tiles) * 100,
  };
}

const searchCold = await listing(`/catalog/0/search.aspx?search=${encodeURIComponent('футболка оверсайз')}`, 200);
const searchWarm = await listing(`/catalog/0/search.aspx?search=${encodeURIComponent('футболка оверсайз')}`, 200);
const category = await listing('/catalog/muzhchinam/odezhda/futbolki', 122);

// The page summary of 1 000 generated tiles on a marketplace page's main thread (issue 14: ≤ 20 ms):
// scripts/bench-summary.ts, bundled here and run in the page. The first run warms the code up.
const SUMMARY_TILES = 1000;
const summaryPage = await context.newPage();
await summaryPage.goto(`https://www.wildberries.ru/catalog/0/search.aspx?search=${encodeURIComponent('чехол для телефона')}`);
await injectProbe(summaryPage, 'bench-summary.ts', 'lupaBenchSummary');
const summaryRuns = await summaryPage.evaluate((n) => globalThis.lupaBenchSummary.run(n, 15), SUMMARY_TILES);
await summaryPage.close();
const summaryMathMs = median(summaryRuns.mathMs.slice(1));
const summaryWithBarMs = median(summaryRuns.withBarMs.slice(1));

// How much Lupa costs the host page: the same page in a browser with Lupa and in one without (same
// flags), loaded in turns. Fresh browsers, so the first-figure watcher above does not run in them;
// the first loads warm both up (Lupa's cache, the HTTP cache), so these are warm views.
async function hostBrowser(extension) {
  const dir = mkdtempSync(join(tmpdir(), 'lupa-bench-host-'));
  const args = chromiumArgs({ resolverRules: server.resolverRules }).filter(
    (a) => !(a.startsWith('--disable-extensions-except=') || a.startsWith('--load-extension=')),
  );
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const browser = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    ignoreHTTPSErrors: true,
    args,
    env: chromiumEnv(),
  });
  if (extension === EXTENSION_DIR && !browser.serviceWorkers().length) await browser.waitForEvent('serviceworker');
  return { browser, dir };
}
/** The floor: an extension whose only work is a one-line content script on the same pages. */
const EMPTY_EXTENSION = mkdtempSync(join(tmpdir(), 'lupa-bench-empty-'));
writeFileSync(
  join(EMPTY_EXTENSION, 'manifest.json'),
  JSON.stringify({
    manifest_version: 3,
    name: 'empty',
    version: '1.0',
    content_scripts: [{ matches: ['https://www.wildberries.ru/*'], js: ['cs.js'] }],
  }),
);
writeFileSync(join(EMPTY_EXTENSION, 'cs.js'), 'document.documentElement.dataset.empty = "1";\n');
/** Lets Lupa finish its panel before the next load, so runs do not overlap. */
const panelDone = (page) => page.locator('[data-lupa="product-panel"] [data-lupa="state"][data-value="fresh"]').waitFor();

/**
 * The plain fixture product page. The page target's CDP metrics 3 s after navigation starts, after a
 * garbage collection: ScriptDuration (all script run in the page's renderer main thread, so Lupa's
 * content script and the chunks it injects into its isolated world count too) and JSHeapUsedSize
 * (the renderer's V8 heap: the page's world and Lupa's isolated world share it).
 */
const METRICS_AT_MS = 3_000;
async function pageMetrics(browser, url, withLupa) {
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction((at) => performance.now() >= at, METRICS_AT_MS, { polling: 50 });
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const load = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  const panelAt = withLupa
    ? await page.evaluate(() => {
        const root = document.querySelector('[data-lupa="product-panel"]')?.shadowRoot;
        return { first: !!root?.querySelector('[data-lupa="price-now"]'), panel: !!root?.querySelector('[data-lupa="price-min"]') };
      })
    : null;
  if (withLupa) await panelDone(page);
  await cdp.detach();
  await page.close();
  return { load, scriptMs: metric('ScriptDuration') * 1000, heapMiB: metric('JSHeapUsedSize') / 1024 / 1024, panelAt };
}

/** The heavy host page (tests/fixtures/wb/heavy.mjs): its load event and its own render mark. */
async function heavyLoad(browser, url, withLupa) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('host:rendered').length > 0, null, { timeout: 30_000 });
  const times = await page.evaluate(() => ({
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    rendered: performance.getEntriesByName('host:rendered')[0].startTime,
  }));
  if (withLupa) await panelDone(page);
  await page.close();
  return times;
}

/** Runs `measure` in a browser per side (its extension or none) in turns: `warm` discarded rounds, then `runs` kept. */
async function inTurns(measure, url, runs, sides, warm = 2) {
  const browsers = {};
  for (const [side, extension] of Object.entries(sides)) browsers[side] = await hostBrowser(extension);
  const out = Object.fromEntries(Object.keys(sides).map((side) => [side, []]));
  for (let i = 0; i < runs + warm; i++) {
    for (const side of Object.keys(sides)) {
      const result = await measure(browsers[side].browser, url, side === 'with');
      if (i >= warm) out[side].push(result);
    }
  }
  for (const { browser, dir } of Object.values(browsers)) {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// Medians of 15 views a side (the issue asks for at least 7): the script-time median of 9 moved by
// ±3 ms from one bench to the next on this 2-core machine, as much as the margin left under 50 ms.
const HOST_RUNS = 15;
const hostUrl = wbUrl(products[0]);
const host = await inTurns(pageMetrics, hostUrl, HOST_RUNS, { with: EXTENSION_DIR, without: null, empty: EMPTY_EXTENSION });
rmSync(EMPTY_EXTENSION, { recursive: true, force: true });
const delta = (key, side = 'with') => median(host[side].map((r) => r[key])) - median(host.without.map((r) => r[key]));
const hostLoadDelta = delta('load');
const hostScriptDelta = delta('scriptMs');
const hostHeapDelta = delta('heapMiB');
const floorLoadDelta = delta('load', 'empty');
const floorScriptDelta = delta('scriptMs', 'empty');
const floorHeapDelta = delta('heapMiB', 'empty');
const panelBy3s = host.with.filter((r) => r.panelAt?.panel).length;

server.settings.heavyHost = true;
const heavy = await inTurns(heavyLoad, hostUrl, HOST_RUNS, { with: EXTENSION_DIR, without: null });
server.settings.heavyHost = false;
const heavyMedian = (side, key) => median(heavy[side].map((r) => r[key]));
const heavyLoadWith = heavyMedian('with', 'load');
const heavyLoadWithout = heavyMedian('without', 'load');
const heavyRenderWith = heavyMedian('with', 'rendered');
const heavyRenderWithout = heavyMedian('without', 'rendered');

// One product's year of daily prices read back from Lupa's IndexedDB while it holds a year for
// HISTORY_PRODUCTS products: scripts/bench-history.ts, bundled here and run in the service worker.
const HISTORY_PRODUCTS = 1000;
const HISTORY_DAYS = 365;
await injectProbe(worker, 'bench-history.ts', 'lupaBenchHistory');
const historyNow = Date.now();
const seeded = await worker.evaluate(
  ([n, days, now]) => globalThis.lupaBenchHistory.seed(n, days, now),
  [HISTORY_PRODUCTS, HISTORY_DAYS, historyNow],
);
const historyReads = await worker.evaluate(
  ([index, now]) => globalThis.lupaBenchHistory.readYear(index, now, 15),
  [HISTORY_PRODUCTS >> 1, historyNow],
);
const historyReadMs = median(historyReads.ms.slice(1)); // the first read also opens the database
const historyIdbMs = median(historyReads.idbMs.slice(1));

await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });

// Issue 17's shop: 1 000 watched products × a year (its own browser profile and fixture server).
const scale = await scaleSection();
// Its backup and restore again on Chromium's SQLite IndexedDB, which Chrome is rolling out: restore is
// bound by IndexedDB's row writes, about twice as fast there.
const scaleSqlite = await scaleSection({ parts: ['backup'], idbSqlite: true });
// Issue 16's tone check on its labelled replies (no browser).
const tone = await toneSection();
// Issue 16's complaint topics on their labelled negative reviews (no browser).
const complaints = await complaintSection();
const supplies = await suppliesSection();
// Issue 12's orders import at a year of a 500-item shop (no browser: fake-indexeddb).
const orders = await ordersSection();

const dir = join(EXTENSION_DIR, 'content-scripts');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const raw = readFileSync(join(dir, f));
    return { name: f, rawKb: raw.length / 1024, gzipKb: gzipSync(raw).length / 1024 };
  });
const packageFiles = (function files(path) {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((f) => files(join(path, f))) : [path];
})(EXTENSION_DIR);
const packageKb = packageFiles.reduce((n, f) => n + statSync(f).size, 0) / 1024;
/** What the store's .zip weighs: each file deflated, plus the zip format's per-file headers. */
const zippedKb =
  packageFiles.reduce((n, f) => {
    const name = Buffer.byteLength(relative(EXTENSION_DIR, f));
    return n + deflateRawSync(readFileSync(f), { level: 9 }).length + 30 + 46 + 2 * name;
  }, 22) / 1024;
/** Lupa's chunks (utils/chunks/table.ts), injected only on pages that show them. */
const chunkSizes = ['chunks/panel.js', 'chunks/charts.js', 'chunks/reply.js', 'chunks/summary.js']
  .filter((file) => existsSync(join(EXTENSION_DIR, file)))
  .map((file) => {
    const raw = readFileSync(join(EXTENSION_DIR, file));
    return { file, rawKb: raw.length / 1024, gzipKb: gzipSync(raw).length / 1024 };
  });

/** A figure's target (issues 7 and 11): its text and whether `value` meets it. */
const atMost = (limit, text = `≤ ${limit}`) => ({ text, pass: (v) => v <= limit });
const coldLimit = roundTripMs + 150;
const coldTarget = atMost(coldLimit, `≤ 1 round trip + 150 (${coldLimit.toFixed(0)})`);
const detailTarget = (l) => ({
  text: `≤ 1 per 100 tiles (${Math.ceil(l.tiles / 100)} for ${l.tiles})`,
  pass: () => l.requests <= Math.ceil(l.tiles / 100),
});

/** [figure, value, digits, target?] */
const rows = [
  ['panel: first figure after document idle, cold (ms, median of 7)', median(cold.map((c) => c.ms)), 0, coldTarget],
  ['panel: first figure after document idle, warm (ms, median of 7)', median(warm.map((c) => c.ms)), 0, atMost(100)],
  ['requests per product view, cold (median)', median(cold.map((c) => c.requests)), 0],
  ['requests per product view, warm (median)', median(warm.map((c) => c.requests)), 0],
  ['Ozon panel: first figure, cold (ms, median of 5)', median(ozonCold.map((c) => c.ms)), 0, coldTarget],
  ['Ozon panel: first figure, warm (ms, median of 5)', median(ozonWarm.map((c) => c.ms)), 0, atMost(100)],
  ['Ozon requests per product view, cold (median)', median(ozonCold.map((c) => c.requests)), 0],
  ['one round trip, background → fixture marketplace (ms, median of 5)', roundTripMs, 1],
  ['listing: badges after the first 100 tiles appear, search cold (ms)', searchCold.firstHundredMs, 0],
  ['listing: badges after the first 100 tiles appear, search warm (ms)', searchWarm.firstHundredMs, 0],
  ['listing: badges after the first 100 tiles appear, category (ms)', category.firstHundredMs, 0],
  ['listing: main-thread time per 100 tiles (ms, search, 200 tiles)', searchCold.mainThreadPer100, 1, atMost(30)],
  ['listing: main-thread time per 100 tiles (ms, category)', category.mainThreadPer100, 1, atMost(30)],
  ['listing: requests per 100 tiles, search cold (search pages)', searchCold.requestsPer100, 2, detailTarget(searchCold)],
  ['listing: requests per 100 tiles, search warm', searchWarm.requestsPer100, 2, detailTarget(searchWarm)],
  ['listing: requests per 100 tiles, category (detail)', category.requestsPer100, 2, detailTarget(category)],
  ['page summary of 1 000 tiles: maths (ms, main thread, median of 14)', summaryMathMs, 2, atMost(20)],
  ['page summary of 1 000 tiles: maths and the bar redrawn (ms, main thread, median of 14)', summaryWithBarMs, 2, atMost(20)],
  ...scripts.flatMap((s) => [
    [`core content script ${s.name} raw (KB)`, s.rawKb, 1, atMost(40)],
    [`core content script ${s.name} gzip (KB)`, s.gzipKb, 1],
  ]),
  ...chunkSizes.flatMap((c) => [
    [`chunk ${c.file} raw (KB, injected where shown)`, c.rawKb, 1],
    [`chunk ${c.file} gzip (KB)`, c.gzipKb, 1],
  ]),
  ['whole package, unpacked (KB)', packageKb, 1],
  ['whole package, zipped (KB)', zippedKb, 1],
  [`fixture product page: load event, Lupa's added delay (ms, medians of ${HOST_RUNS})`, hostLoadDelta, 1, atMost(15)],
  [
    `fixture product page: script time added in the first 3 s (ms, CDP ScriptDuration, medians of ${HOST_RUNS})`,
    hostScriptDelta,
    1,
    atMost(50),
  ],
  [`fixture product page: JS heap added at 3 s (MiB, CDP JSHeapUsedSize after GC, medians of ${HOST_RUNS})`, hostHeapDelta, 2, atMost(1.5)],
  [`fixture product page: views whose full panel was up by 3 s (of ${HOST_RUNS})`, panelBy3s, 0],
  ['fixture product page, the floor — an empty extension with a one-line content script: load delay (ms)', floorLoadDelta, 1],
  ['fixture product page, the floor: script time added in the first 3 s (ms)', floorScriptDelta, 1],
  ['fixture product page, the floor: JS heap added at 3 s (MiB)', floorHeapDelta, 2],
  [`heavy host page: load event, with Lupa (ms, median of ${HOST_RUNS})`, heavyLoadWith, 0],
  [`heavy host page: load event, without Lupa (ms, median of ${HOST_RUNS})`, heavyLoadWithout, 0],
  ['heavy host page: load event, with / without', heavyLoadWith / heavyLoadWithout, 3, atMost(1.03)],
  [`heavy host page: its own render, with Lupa (ms, median of ${HOST_RUNS})`, heavyRenderWith, 0],
  [`heavy host page: its own render, without Lupa (ms, median of ${HOST_RUNS})`, heavyRenderWithout, 0],
  ['heavy host page: its own render, with / without', heavyRenderWith / heavyRenderWithout, 3, atMost(1.03)],
  [`price history: rows stored (${HISTORY_PRODUCTS} products × ${HISTORY_DAYS} days + the views above)`, seeded.rows, 0],
  [`price history: one product's year read, ${historyReads.points} points (ms, median of 14)`, historyReadMs, 2, atMost(10)],
  ['price history: of which the IndexedDB range read (ms, median of 14)', historyIdbMs, 2],
  ...scale.rows,
  ...scaleSqlite.rows.map(([figure, ...rest]) => [`${figure} [SQLite IndexedDB]`, ...rest]),
  ...tone.rows,
  ...complaints.rows,
  ...supplies.rows,
  ...orders.rows,
].map(([figure, value, digits, target]) =>
  // A figure that could not be measured is its reason ("not measured: …"), and misses its target.
  typeof value === 'number'
    ? { figure, value: Number(value.toFixed(digits)), target: target?.text ?? null, pass: target ? target.pass(value) : null }
    : { figure, value, target: target?.text ?? null, pass: target ? false : null },
);
const columns = [
  ['figure', (r) => r.figure],
  ['value', (r) => String(r.value)],
  ['target', (r) => r.target ?? ''],
  ['', (r) => (r.pass === null ? '' : r.pass ? 'pass' : 'FAIL')],
];
const widths = columns.map(([head, cell]) => Math.max(head.length, ...rows.map((r) => cell(r).length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(`\n${line(columns.map(([head]) => head))}`);
for (const r of rows) console.log(line(columns.map(([, cell]) => cell(r))));
const failed = rows.filter((r) => r.pass === false);
console.log(failed.length ? `\n${failed.length} figure(s) miss their target` : '\nevery figure with a target meets it');

mkdirSync('.bench', { recursive: true });
writeFileSync(
  '.bench/results.json',
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      figures: Object.fromEntries(rows.map((r) => [r.figure, r.value])),
      targets: Object.fromEntries(rows.filter((r) => r.target).map((r) => [r.figure, { target: r.target, pass: r.pass }])),
      cold,
      warm,
      roundTrips,
      listings: { searchCold, searchWarm, category },
      scripts,
      chunks: chunkSizes,
      host,
      heavy,
      history: { seeded, reads: historyReads },
      scale: scale.raw,
      scaleSqlite: scaleSqlite.raw,
      tone: tone.raw,
      complaints: complaints.raw,
    },
    null,
    2,
  )}\n`,
);
console.log('\nwritten: .bench/results.json');
