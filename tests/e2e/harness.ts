// Launches Debian's Chromium with the built extension, pointed at the fixture marketplace.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CHROMIUM_MISSING, chromiumArgs, chromiumEnv, EXTENSION_DIR, findChromium } from '../../scripts/chromium.mjs';
import { startFixtureServer } from '../fixtures/server.mjs';

export { EXTENSION_DIR };

export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(CHROMIUM_MISSING);
  return found;
}

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

export interface Lab {
  server: FixtureServer;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Errors the extension raised: uncaught in pages, or logged as errors by its worker. */
  errors: string[];
  /**
   * Lupa's errors that reached a host page (uncaught, or logged as errors naming Lupa or the
   * extension's scripts), each with its page's URL. Every test fails while this is not empty: it is
   * checked, and emptied, after each test and when the lab closes (see `checkHostPages`).
   */
  hostErrors: string[];
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startLab(server?: FixtureServer, { idbSqlite = false }: { idbSqlite?: boolean } = {}): Promise<Lab> {
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
    args: chromiumArgs({ resolverRules: fixture.resolverRules, idbSqlite }),
    env: chromiumEnv(),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const errors: string[] = [];
  const hostErrors: string[] = [];
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`worker: ${m.text()}`);
  });
  // Every page of the context, storefront and cabinet alike, gets the collector.
  context.on('page', (page) => {
    const found = (what: string) => {
      errors.push(`page: ${what}`);
      hostErrors.push(`${page.url()}: ${what}`);
    };
    page.on('console', (m) => {
      if (m.type() === 'error' && LUPA.test(`${m.text()} ${m.location().url}`)) found(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      if (LUPA.test(`${e.message} ${e.stack ?? ''}`)) found(`uncaught: ${e.message}\n${e.stack ?? ''}`);
    });
  });
  const lab: Lab = {
    server: fixture,
    context,
    worker,
    extensionId,
    errors,
    hostErrors,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`https://www.wildberries.ru${path}`);
      return page;
    },
    async close() {
      labs.delete(lab);
      try {
        // Closing runs the pages' unload: what Lupa throws there counts too.
        for (const page of context.pages()) await page.close({ runBeforeUnload: false }).catch(() => undefined);
        checkHostPages(lab);
      } finally {
        await context.close();
        if (own) await fixture.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
  labs.add(lab);
  return lab;
}

/** What marks an error as Lupa's: its text, its stack or its script's URL. */
const LUPA = /lupa|chrome-extension:/i;

/** The labs of this test file that are open. */
const labs = new Set<Lab>();

/** Throws (and empties the list) when Lupa's errors reached a host page of `lab`. */
export function checkHostPages(lab: Lab): void {
  const found = lab.hostErrors.splice(0);
  if (found.length > 0) throw new Error(`Lupa's errors reached a host page:\n${found.join('\n')}`);
}

// No uncaught error of Lupa's may reach a host page: checked after every test of every file that
// uses the harness (registered when a test file imports it), storefront and cabinet pages alike.
afterEach(() => {
  for (const lab of labs) checkHostPages(lab);
});

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

/**
 * Types `text` into a form field of the panel and submits it as users often do, with Enter (the
 * browser's trusted click on the form's button: no page coordinates, so nothing that moves in the
 * panel meanwhile can take the click), then waits for `done`. When `done` does not come, the error
 * says what the panel showed instead: its notes and the field's value.
 */
export async function submitIn(scope: ReturnType<typeof panel>, field: string, text: string, done: string): Promise<void> {
  const input = scope.locator(field);
  await input.fill(text);
  await input.press('Enter');
  try {
    await scope.locator(done).waitFor({ timeout: 30_000 });
  } catch (error) {
    const notes = await scope.locator('.lupa-note').allInnerTexts();
    const value = await input.inputValue().catch(() => '(gone)');
    throw new Error(`${done} did not appear after submitting "${text}": field now "${value}", notes ${JSON.stringify(notes)}`, {
      cause: error,
    });
  }
}

export async function figure(scope: ReturnType<typeof panel>, name: string): Promise<string | null> {
  const el = scope.locator(`[data-lupa="${name}"]`);
  if ((await el.count()) === 0) return null;
  return el.first().getAttribute('data-value');
}

/**
 * One browser for a describe block: started before its tests, closed after; the fixture server's
 * faults and settings and the collected errors are reset after each test.
 */
export function useLab(set: (lab: Lab) => void): void {
  let current: Lab | undefined;
  beforeAll(async () => {
    current = await startLab();
    set(current);
  });
  afterEach(() => {
    current?.server.reset();
    if (current) current.errors.length = 0;
  });
  afterAll(async () => {
    await current?.close();
  });
}

/** Run in the service worker: the files the background saved through the downloads API. */
export const completedDownloads = async () =>
  (await (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.downloads.search({ state: 'complete' })).map(
    (d) => d.filename,
  );
