// `npm run bench`: speed and size figures, printed as a table and written to .bench/results.json.
// Runs the built extension in Chromium against the fixture marketplace; not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { products as ozonProducts } from '../tests/fixtures/ozon/catalog.mjs';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { products } from '../tests/fixtures/wb/catalog.mjs';
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
  return { firstHundredMs: first.ms, mainThreadPer100: (result.mainThreadMs / tiles) * 100, requestsPer100: (requests / tiles) * 100 };
}

const searchCold = await listing(`/catalog/0/search.aspx?search=${encodeURIComponent('футболка оверсайз')}`, 200);
const searchWarm = await listing(`/catalog/0/search.aspx?search=${encodeURIComponent('футболка оверсайз')}`, 200);
const category = await listing('/catalog/muzhchinam/odezhda/futbolki', 122);
await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });

const dir = join(EXTENSION_DIR, 'content-scripts');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const raw = readFileSync(join(dir, f));
    return { name: f, rawKb: raw.length / 1024, gzipKb: gzipSync(raw).length / 1024 };
  });
const packageKb =
  (function size(path) {
    const st = statSync(path);
    return st.isDirectory() ? readdirSync(path).reduce((n, f) => n + size(join(path, f)), 0) : st.size;
  })(EXTENSION_DIR) / 1024;

const rows = [
  ['panel: first figure after document idle, cold (ms, median of 7)', median(cold.map((c) => c.ms)).toFixed(0)],
  ['panel: first figure after document idle, warm (ms, median of 7)', median(warm.map((c) => c.ms)).toFixed(0)],
  ['requests per product view, cold (median)', String(median(cold.map((c) => c.requests)))],
  ['requests per product view, warm (median)', String(median(warm.map((c) => c.requests)))],
  ['Ozon panel: first figure, cold (ms, median of 5)', median(ozonCold.map((c) => c.ms)).toFixed(0)],
  ['Ozon panel: first figure, warm (ms, median of 5)', median(ozonWarm.map((c) => c.ms)).toFixed(0)],
  ['Ozon requests per product view, cold (median)', String(median(ozonCold.map((c) => c.requests)))],
  ['listing: badges after the first 100 tiles appear, search cold (ms)', searchCold.firstHundredMs.toFixed(0)],
  ['listing: badges after the first 100 tiles appear, search warm (ms)', searchWarm.firstHundredMs.toFixed(0)],
  ['listing: badges after the first 100 tiles appear, category (ms)', category.firstHundredMs.toFixed(0)],
  ['listing: main-thread time per 100 tiles (ms, search, 200 tiles)', searchCold.mainThreadPer100.toFixed(1)],
  ['listing: main-thread time per 100 tiles (ms, category)', category.mainThreadPer100.toFixed(1)],
  ['listing: requests per 100 tiles, search cold (search pages)', searchCold.requestsPer100.toFixed(2)],
  ['listing: requests per 100 tiles, search warm', searchWarm.requestsPer100.toFixed(2)],
  ['listing: requests per 100 tiles, category (detail)', category.requestsPer100.toFixed(2)],
  ...scripts.flatMap((s) => [
    [`content script ${s.name} raw (KB)`, s.rawKb.toFixed(1)],
    [`content script ${s.name} gzip (KB)`, s.gzipKb.toFixed(1)],
  ]),
  ['whole package, unpacked (KB)', packageKb.toFixed(1)],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\n${'figure'.padEnd(width)}  value`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);

mkdirSync('.bench', { recursive: true });
writeFileSync(
  '.bench/results.json',
  `${JSON.stringify({ at: new Date().toISOString(), figures: Object.fromEntries(rows), cold, warm, listings: { searchCold, searchWarm, category }, scripts }, null, 2)}\n`,
);
console.log('\nwritten: .bench/results.json');
