// `npm run bench`: speed and size figures, printed as a table and written to .bench/results.json.
// Runs the built extension in Chromium against the fixture marketplace; not part of `npm test`.
// Figures with a target from issue 7 are marked pass/FAIL. The targets are judged on whatever
// machine runs this: a busy one (other builds, shared cores) inflates every time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { products as ozonProducts } from '../tests/fixtures/ozon/catalog.mjs';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { products } from '../tests/fixtures/wb/catalog.mjs';
import { scaleSection } from './bench-scale.mjs';
import { CHROMIUM_MISSING, chromiumArgs, chromiumEnv, EXTENSION_DIR, findChromium } from './chromium.mjs';

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

// How much Lupa slows the host page: the same product page in a browser with Lupa and in one
// without (same flags), loaded in turns. Fresh browsers, so the first-figure watcher above does
// not run in them; the first loads warm both up (Lupa's cache, the HTTP cache).
/** In the page: when the page's own script has rendered the product (the shell's late render). */
const WATCH_HOST_READY = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.product-page__title')) return;
    window.__hostReady = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};
async function hostBrowser(withLupa) {
  const dir = mkdtempSync(join(tmpdir(), 'lupa-bench-host-'));
  const args = chromiumArgs({ resolverRules: server.resolverRules }).filter(
    (a) => withLupa || !(a.startsWith('--disable-extensions-except=') || a.startsWith('--load-extension=')),
  );
  const browser = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    ignoreHTTPSErrors: true,
    args,
    env: chromiumEnv(),
  });
  if (withLupa && !browser.serviceWorkers().length) await browser.waitForEvent('serviceworker');
  await browser.addInitScript(WATCH_HOST_READY);
  return { browser, dir };
}
async function hostLoad(browser, url, withLupa) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__hostReady !== undefined);
  const times = await page.evaluate(() => ({
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    ready: window.__hostReady,
  }));
  // Let Lupa finish its panel before the next load, so runs do not overlap.
  if (withLupa) await page.locator('[data-lupa="product-panel"] [data-lupa="state"][data-value="fresh"]').waitFor();
  await page.close();
  return times;
}
const HOST_RUNS = 11;
const hostUrl = wbUrl(products[0]);
const withLupa = await hostBrowser(true);
const withoutLupa = await hostBrowser(false);
const host = { with: [], without: [] };
for (let i = 0; i < HOST_RUNS + 2; i++) {
  const a = await hostLoad(withLupa.browser, hostUrl, true);
  const b = await hostLoad(withoutLupa.browser, hostUrl, false);
  if (i >= 2) {
    host.with.push(a);
    host.without.push(b);
  }
}
for (const { browser, dir } of [withLupa, withoutLupa]) {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
const hostLoadWith = median(host.with.map((t) => t.load));
const hostLoadWithout = median(host.without.map((t) => t.load));
const hostReadyWith = median(host.with.map((t) => t.ready));
const hostReadyWithout = median(host.without.map((t) => t.ready));

// One product's year of daily prices read back from Lupa's IndexedDB while it holds a year for
// HISTORY_PRODUCTS products: scripts/bench-history.ts, bundled here and run in the service worker.
const HISTORY_PRODUCTS = 1000;
const HISTORY_DAYS = 365;
const probe = await viteBuild({
  configFile: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    write: false,
    minify: false,
    lib: { entry: join(import.meta.dirname, 'bench-history.ts'), formats: ['iife'], name: 'lupaBenchHistory' },
  },
});
await worker.evaluate(probe[0].output[0].code);
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
const PRODUCT_SCRIPTS = ['wb-storefront.js', 'ozon-storefront.js'];
const CHARTS_CHUNK = 'chunks/charts.js'; // components/charts/chunk.ts
const chartsChunk = (() => {
  const raw = readFileSync(join(EXTENSION_DIR, CHARTS_CHUNK));
  return { rawKb: raw.length / 1024, gzipKb: gzipSync(raw).length / 1024 };
})();

/** A figure's target from issue 7: its text and whether `value` meets it. */
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
  ...scripts.flatMap((s) => [
    [`content script ${s.name} raw (KB)`, s.rawKb, 1, PRODUCT_SCRIPTS.includes(s.name) ? atMost(330) : undefined],
    [`content script ${s.name} gzip (KB)`, s.gzipKb, 1],
  ]),
  [`charts chunk ${CHARTS_CHUNK} raw (KB, loaded on the first chart)`, chartsChunk.rawKb, 1],
  [`charts chunk ${CHARTS_CHUNK} gzip (KB)`, chartsChunk.gzipKb, 1],
  ['whole package, unpacked (KB)', packageKb, 1],
  ['whole package, zipped (KB)', zippedKb, 1],
  [`host page load event, with Lupa (ms, median of ${HOST_RUNS})`, hostLoadWith, 0],
  [`host page load event, without Lupa (ms, median of ${HOST_RUNS})`, hostLoadWithout, 0],
  ['host page load event, with / without', hostLoadWith / hostLoadWithout, 3, atMost(1.05)],
  [`host page's own product render, with Lupa (ms, median of ${HOST_RUNS})`, hostReadyWith, 0],
  [`host page's own product render, without Lupa (ms, median of ${HOST_RUNS})`, hostReadyWithout, 0],
  ["host page's own product render, with / without", hostReadyWith / hostReadyWithout, 3, atMost(1.05)],
  [`price history: rows stored (${HISTORY_PRODUCTS} products × ${HISTORY_DAYS} days + the views above)`, seeded.rows, 0],
  [`price history: one product's year read, ${historyReads.points} points (ms, median of 14)`, historyReadMs, 2, atMost(10)],
  ['price history: of which the IndexedDB range read (ms, median of 14)', historyIdbMs, 2],
  ...scale.rows,
].map(([figure, value, digits, target]) => ({
  figure,
  value: Number(value.toFixed(digits)),
  target: target?.text ?? null,
  pass: target ? target.pass(value) : null,
}));
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
      chartsChunk,
      host,
      history: { seeded, reads: historyReads },
      scale: scale.raw,
    },
    null,
    2,
  )}\n`,
);
console.log('\nwritten: .bench/results.json');
