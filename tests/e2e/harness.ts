// Launches Debian's Chromium with the built extension, pointed at the fixture marketplace.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { startFixtureServer } from '../fixtures/server.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with `apt-get update && apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or point CHROMIUM_PATH at a Chromium binary: CHROMIUM_PATH=/path/to/chromium npm test',
    );
  }
  return found;
}

export function chromiumArgs(resolverRules: string, extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${resolverRules}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=ru-RU',
  ];
}

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

export interface Lab {
  server: FixtureServer;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Errors the extension raised: uncaught in pages, or logged as errors by its worker. */
  errors: string[];
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startLab(server?: FixtureServer): Promise<Lab> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}: run \`npm run build\` first`);
  const own = !server;
  const fixture = server ?? (await startFixtureServer());
  const profile = mkdtempSync(join(tmpdir(), 'lupa-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(fixture.resolverRules),
    // Chromium on Linux takes its UI language (and so the extension's) from the environment.
    env: { ...process.env, LANGUAGE: 'ru', LANG: 'ru_RU.UTF-8' },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const errors: string[] = [];
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`worker: ${m.text()}`);
  });
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && /lupa|chrome-extension:/i.test(`${m.text()} ${m.location().url}`)) errors.push(`page: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      if (/lupa|chrome-extension:/i.test(`${e.message} ${e.stack ?? ''}`)) errors.push(`page: ${e.message}`);
    });
  });
  return {
    server: fixture,
    context,
    worker,
    extensionId,
    errors,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`https://www.wildberries.ru${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (own) await fixture.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The panel of a product page (Playwright's CSS locators pierce open shadow roots). */
export const panel = (page: Page, id?: string | number) =>
  page.locator(id === undefined ? '[data-lupa="product-panel"]' : `[data-lupa="product-panel"][data-product="${id}"]`);

/** Waits until the panel's state is one of `states`, and returns the panel. */
export async function panelIn(page: Page, id: string | number, states: string[] = ['fresh']) {
  const p = panel(page, id);
  await p
    .locator('[data-lupa="state"]')
    .and(p.locator(states.map((s) => `[data-value="${s}"]`).join(', ')))
    .waitFor({ timeout: 20_000 });
  return p;
}

export async function figure(scope: ReturnType<typeof panel>, name: string): Promise<string | null> {
  const el = scope.locator(`[data-lupa="${name}"]`);
  if ((await el.count()) === 0) return null;
  return el.first().getAttribute('data-value');
}
