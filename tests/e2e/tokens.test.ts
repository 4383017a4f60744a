// The seller API token: checked from the options page, counted into the popup and the badge,
// unreadable to content scripts, never in a log or an export.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FIXTURE_SELLER_TOKEN } from '../fixtures/server.mjs';
import { type Lab, panelIn, startLab } from './harness';

const badgeText = () =>
  (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({});

/** Run in the worker: all of storage.local, and all of the secrets database, as text. */
const storageLocal = async () =>
  JSON.stringify(
    await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome.storage.local.get(null),
  );
const secretsDb = () =>
  new Promise<string>((resolve, reject) => {
    const open = indexedDB.open('lupa-secrets');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('secrets')) return resolve('');
      const all = db.transaction('secrets').objectStore('secrets').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(JSON.stringify(all.result));
      };
    };
  });

let lab: Lab;
const logs: string[] = [];
beforeAll(async () => {
  lab = await startLab();
  lab.worker.on('console', (m) => logs.push(m.text()));
  lab.context.on('page', (p) => p.on('console', (m) => logs.push(m.text())));
});
afterAll(async () => {
  await lab?.close();
});

const options = async () => {
  const page = await lab.context.newPage();
  await page.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await page.locator('[data-lupa="token-input"]').waitFor();
  return page;
};

test('a bad token gets a clear message in the options page', async () => {
  const page = await options();
  await page.locator('[data-lupa="token-input"]').fill('eyJhbGciOiJFUzI1NiJ9.not-a-real-token-at-all.signature');
  await page.locator('[data-lupa="token-check"]').click();
  await page.locator('[data-lupa="token-check"][data-value="bad-token"]').waitFor();
  expect(await page.locator('[data-lupa="options-problem"]').textContent()).toContain('Токен не подошёл (401)');
  await page.close();
});

test('a good token counts unanswered reviews and questions into the popup and the badge', async () => {
  const page = await options();
  await page.locator('[data-lupa="token-input"]').fill(FIXTURE_SELLER_TOKEN);
  await page.locator('[data-lupa="token-check"]').click();
  await page.locator('[data-lupa="token-check"][data-value="ok"]').waitFor();
  expect(await page.locator('[data-lupa="options-message"]').textContent()).toContain('неотвеченных отзывов — 7, вопросов — 3');
  // The page never shows the token back.
  expect(await page.locator('[data-lupa="token-input"]').inputValue()).toBe('');
  expect(await page.content()).not.toContain(FIXTURE_SELLER_TOKEN);
  // Kept in the extension origin's own database, not in storage.local (which Firefox's content
  // scripts can read): the same code runs in both builds.
  expect(await lab.worker.evaluate(storageLocal)).not.toContain(FIXTURE_SELLER_TOKEN);
  expect(await lab.worker.evaluate(secretsDb)).toContain(FIXTURE_SELLER_TOKEN);
  await expect.poll(() => lab.worker.evaluate(badgeText)).toBe('10');
  const popup = await lab.context.newPage();
  await popup.goto(`chrome-extension://${lab.extensionId}/popup.html`);
  await popup.locator('[data-lupa="task"][data-kind="unanswered-reviews"][data-value="7"]').waitFor();
  await popup.locator('[data-lupa="task"][data-kind="unanswered-questions"][data-value="3"]').waitFor();
  await popup.close();

  // Not in the backup either.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-lupa="backup"]').click()]);
  expect(readFileSync((await download.path()) as string, 'utf8')).not.toContain(FIXTURE_SELLER_TOKEN);
  await page.close();
});

test('a content script cannot read the token, and no log has it', async () => {
  const shop = await lab.open('/catalog/146972802/detail.aspx');
  await panelIn(shop, 146972802);
  // Evaluate inside Lupa's content-script world (the isolated world), as its code would.
  const cdp = await lab.context.newCDPSession(shop);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) =>
    contexts.push(e.context),
  );
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated')).toBe(true);
  const world = contexts.find((c) => c.auxData?.type === 'isolated')!;
  const { result } = (await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `new Promise((resolve) => {
      try {
        chrome.storage.local.get(null).then((items) => resolve(JSON.stringify(items))).catch((e) => resolve('refused: ' + e.message));
      } catch (e) { resolve('refused: ' + e.message); }
    })`,
  })) as { result: { value: string } };
  expect(result.value).not.toContain(FIXTURE_SELLER_TOKEN);
  expect(result.value).toMatch(/refused|^\{\}$/);
  expect(logs.join('\n')).not.toContain(FIXTURE_SELLER_TOKEN);
  expect(lab.errors.join('\n')).not.toContain(FIXTURE_SELLER_TOKEN);
});

test('the options page links the privacy policy, shipped in the package', async () => {
  const page = await options();
  const [privacy] = await Promise.all([lab.context.waitForEvent('page'), page.locator('[data-lupa="privacy-link"]').click()]);
  await privacy.locator('h1').waitFor();
  expect(privacy.url()).toBe(`chrome-extension://${lab.extensionId}/privacy.html`);
  expect(await privacy.locator('h1').textContent()).toContain('конфиденциальность');
  expect(await privacy.locator('tr', { hasText: 'Токен API продавца' }).locator('code').textContent()).toBe('lupa-secrets');
  expect(await privacy.locator('table').count()).toBe(2);
  expect(lab.errors).toEqual([]);
  await privacy.close();
  await page.close();
});

test('changing the refresh interval in the options page re-creates the alarm with it', async () => {
  const alarmPeriod = () =>
    (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome.alarms
      .get('lupa-watch')
      .then((a) => a?.periodInMinutes ?? null);
  expect(await lab.worker.evaluate(alarmPeriod)).toBe(180);
  const page = await options();
  await page.locator('input[name="refreshMinutes"]').fill('60');
  await page.locator('[data-lupa="settings-form"] button[type="submit"]').click();
  await expect.poll(() => lab.worker.evaluate(alarmPeriod)).toBe(60);
  await page.close();
});
