// `npm start`: build, then open Chromium with Lupa on the offline demo storefront (the fixture
// marketplace answering as www.wildberries.ru). `npm start -- --live` opens the real site instead.
// Without a display it says how to get one (xvfb-run) — or takes a screenshot with --screenshot.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { CHROMIUM_MISSING, chromiumArgs, chromiumEnv, findChromium } from './chromium.mjs';

const live = process.argv.includes('--live');
const screenshot = process.argv.includes('--screenshot');

const executablePath = findChromium();
if (!executablePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
if (!process.env.DISPLAY && !screenshot) {
  console.error('No display. Run `xvfb-run -a npm start` (Debian: apt-get install xvfb), or `npm start -- --screenshot` for a picture.');
  process.exit(1);
}

console.log('Building the extension…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = live ? null : await startFixtureServer();
const profile = resolve(`.tmp/${live ? 'live' : 'demo'}-profile`);
mkdirSync(profile, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: screenshot,
  ignoreHTTPSErrors: !live,
  viewport: null,
  args: chromiumArgs({ resolverRules: server?.resolverRules }),
  env: chromiumEnv(),
});
const page = context.pages()[0] ?? (await context.newPage());
// A product page: the fixture's list of other products sits under the price block.
await page.goto('https://www.wildberries.ru/catalog/146972802/detail.aspx');
console.log(
  live
    ? 'Opened the real Wildberries with Lupa.'
    : `Demo storefronts on fixture server port ${server?.port}: products are listed under the price; also open the WB search, Ozon and seller cabinet tabs.`,
);
if (!live && !screenshot) {
  // More tabs: a WB search page with badges, and an Ozon product.
  await (await context.newPage()).goto(
    `https://www.wildberries.ru/catalog/0/search.aspx?search=${encodeURIComponent('наушники беспроводные')}`,
  );
  await (await context.newPage()).goto('https://www.ozon.ru/product/naushniki-besprovodnye-tws-pro-s-shumopodavleniem-987654321/');
  // The seller cabinets: reviews with the reply assistant (prices and questions by their side links).
  await (await context.newPage()).goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
  await (await context.newPage()).goto('https://seller.ozon.ru/app/reviews');
}

if (screenshot) {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.locator('[data-lupa="product-panel"] [data-lupa="state"][data-value="fresh"]').waitFor({ timeout: 30_000 });
  await page.locator('.product-page__price-block').waitFor();
  await page.screenshot({ path: '.tmp/start.png', fullPage: true });
  console.log('Screenshot: .tmp/start.png');
  await context.close();
  await server?.close();
} else {
  console.log('Close the browser window to stop.');
  context.on('close', async () => {
    await server?.close();
    process.exit(0);
  });
}
