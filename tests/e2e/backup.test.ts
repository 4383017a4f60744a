import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, panelIn, startLab } from './harness';

/** In an extension page: every store's row count and a SHA-256 of its sorted rows (raw IndexedDB). */
const digest = () =>
  new Promise<Record<string, string>>((resolve, reject) => {
    const open = indexedDB.open('lupa');
    open.onerror = () => reject(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      const out: Record<string, string> = {};
      for (const name of [...db.objectStoreNames].sort()) {
        const rows = await new Promise<unknown[]>((res) => {
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => res(req.result);
        });
        const text = rows
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n');
        const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
        out[name] = `${rows.length}:${[...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
      }
      db.close();
      resolve(out);
    };
  });

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

test('backup → clear → restore gives back an identical database', async () => {
  // Real data: two WB products (cards, history, reviews), one tracked, one Ozon product, a twin link.
  const a = await lab.open('/catalog/146972802/detail.aspx');
  const pa = await panelIn(a, 146972802);
  await pa.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
  await pa.locator('[data-lupa="twin-input"]').fill('754321987');
  await pa.locator('[data-lupa="twin"] button[type="submit"]').click();
  await pa.locator('[data-lupa="twin-unlink"]').waitFor();
  const b = await lab.open('/catalog/255012877/detail.aspx');
  await panelIn(b, 255012877);

  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await options.locator('[data-lupa="backup"]').waitFor();
  const before = await options.evaluate(digest);
  expect(Number(before.cards?.split(':')[0])).toBeGreaterThanOrEqual(3);
  expect(Number(before.pricePoints?.split(':')[0])).toBeGreaterThan(30);
  expect(Number(before.twins?.split(':')[0])).toBe(2);

  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-lupa="backup"]').click()]);
  const file = (await download.path()) as string;
  expect(download.suggestedFilename()).toMatch(/^lupa-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(readFileSync(file, 'utf8')).toContain('"databaseName":"lupa"');

  options.once('dialog', (d) => void d.accept());
  await options.locator('[data-lupa="clear-all"]').click();
  await options.locator('[data-lupa="options-message"]').waitFor();
  const cleared = await options.evaluate(digest);
  expect(Object.values(cleared).every((v) => v.startsWith('0:'))).toBe(true);

  await options.locator('[data-lupa="restore"]').setInputFiles(file);
  await expect.poll(() => options.locator('[data-lupa="options-message"]').textContent()).toContain('восстановлены');
  expect(await options.evaluate(digest)).toEqual(before);
  expect(lab.errors).toEqual([]);
});

test('settings are validated and saved', async () => {
  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await options.locator('input[name="priceMovePct"]').fill('7.5');
  await options.locator('[data-lupa="settings-form"] button[type="submit"]').click();
  await options.locator('[data-lupa="options-message"]').waitFor();
  await options.reload();
  expect(await options.locator('input[name="priceMovePct"]').inputValue()).toBe('7.5');
  await options.locator('input[name="refreshMinutes"]').fill('2');
  await options.locator('[data-lupa="settings-form"] button[type="submit"]').click();
  expect(await options.locator('[data-lupa="options-problem"]').textContent()).toContain('refreshMinutes');
});

test('reply templates: a blaming phrase is flagged as it is typed; edits are saved; defaults come back', async () => {
  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  const defect = options.locator('[data-lupa="template"][data-id="defect"]');
  await defect.waitFor();
  expect(await defect.locator('[data-lupa="tone-warning"]').count()).toBe(0);
  await defect.locator('[data-lupa="template-text"]').fill('Вы сами виноваты, надо было проверять при получении.');
  expect(await defect.locator('[data-lupa="tone-warning"]').evaluateAll((w) => w.map((x) => x.getAttribute('data-value')))).toEqual([
    'blame',
    'blame',
    'blame',
    'no-way-out',
  ]);
  await defect
    .locator('[data-lupa="template-text"]')
    .fill('Здравствуйте, {buyer}! Жаль, что так вышло. Оформите возврат в личном кабинете — вернём деньги.');
  expect(await defect.locator('[data-lupa="tone-warning"]').count()).toBe(0);
  await options.locator('[data-lupa="templates-save"]').click();
  await options.locator('[data-lupa="options-message"]').waitFor();
  await options.reload();
  await expect
    .poll(() => options.locator('[data-lupa="template"][data-id="defect"] [data-lupa="template-text"]').inputValue())
    .toContain('вернём деньги');
  await options.getByText('Вернуть шаблоны по умолчанию').click();
  await expect
    .poll(() => options.locator('[data-lupa="template"][data-id="defect"] [data-lupa="template-text"]').inputValue())
    .toContain('Приносим извинения');
});
