// What a marketplace page's own scripts can see of Lupa and make it do. They run in the page's
// main world: Lupa's code and memory are out of reach (the isolated world), but the DOM is shared,
// and the panel's and the cabinet rows' shadow roots are open (the figure contract needs them so).
// So: no announcement by message, none of the seller's own items in the page until the user opens
// that control, and no synthetic event — element.click(), dispatchEvent, a value set by script,
// form.requestSubmit() — marks, links, types or saves anything.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CABINET_PRICES } from '../fixtures/wb/cabinet.mjs';
import { type Lab, panelIn, useLab } from './harness';

const MINE = '146972802';
const RIVAL = '98765432';

/** In the page's main world, before any of its scripts: every message event, as text. */
const recordMessages = () => {
  const seen: string[] = [];
  (window as unknown as { __seen: string[] }).__seen = seen;
  addEventListener('message', (e) => seen.push(`${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)} from ${e.origin}`));
};
const messagesSeen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);

/** Run in the worker: every row of one of Lupa's tables. */
const rowsOf = (table: string) =>
  new Promise<unknown[]>((resolve, reject) => {
    const open = indexedDB.open('lupa');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction(table).objectStore(table).getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(all.result);
      };
    };
  });

/**
 * In the page's main world, as a hostile script would: the panel's shadow root through its host,
 * then events it makes itself. Returns what it could read of the panel.
 */
type Attack = 'read' | 'controls' | 'link';
const attackPanel = (what: Attack) => {
  const root = document.querySelector('[data-lupa="product-panel"]')?.shadowRoot;
  if (!root) throw new Error('no open shadow root');
  const q = <E extends Element>(s: string) => root.querySelector<E>(s);
  const clickAll = (el: Element | null) => {
    if (!el) return;
    (el as HTMLElement).click();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  };
  const type = (input: HTMLInputElement | null, value: string) => {
    if (!input) return;
    // The native setter, as scripts do to get past React's own value tracking, then the events.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.form?.requestSubmit();
    clickAll(input.form?.querySelector('button[type="submit"]') ?? null);
  };
  if (what === 'controls') {
    clickAll(q('[data-lupa="competitor-of-open"]'));
    clickAll(q('[data-lupa="watch-toggle"] button[data-role="competitor"]'));
    type(q('[data-lupa="twin-input"]'), '754321987');
    type(q('[data-lupa="position-query-input"]'), 'футболка оверсайз');
    clickAll(q('[data-lupa="position-suggestion"]'));
  }
  if (what === 'link') for (const b of root.querySelectorAll('[data-mine]')) clickAll(b);
  return root.innerHTML;
};

let lab: Lab;
describe('what a page can see and drive', () => {
  useLab((l) => {
    lab = l;
  });

  test('a storefront page hears no announcement, sees no own item before the user opens the control, and cannot click or type for the user', async () => {
    // The seller's own item, marked by the user.
    const shop = await lab.context.newPage();
    await shop.addInitScript(recordMessages);
    await shop.goto(`https://www.wildberries.ru/catalog/${MINE}/detail.aspx`);
    const own = await panelIn(shop, MINE);
    await own.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
    await own.locator('[data-lupa="watch-toggle"][data-value="mine"]').waitFor();
    const ownName = ((await lab.worker.evaluate(rowsOf, 'cards')) as Array<{ id: string; name: string }>).find((c) => c.id === MINE)?.name;
    expect(ownName).toBeTruthy();

    // A competitor's page: the panel is there, the seller's items are not.
    await shop.goto(`https://www.wildberries.ru/catalog/${RIVAL}/detail.aspx`);
    const rival = await panelIn(shop, RIVAL);
    await rival.locator('[data-lupa="competitor-of-open"]').waitFor();
    await rival.locator('[data-lupa="twin-input"]').waitFor();
    await rival.locator('[data-lupa="position-query-input"]').waitFor();
    const before = await shop.evaluate<string, Attack>(attackPanel, 'read');
    expect(before).toContain('data-lupa="watch-toggle"');
    for (const secret of [MINE, ownName as string, 'data-mine', 'data-lupa="competitor-of"', 'data-lupa="margin', 'data-lupa="buyer-price'])
      expect(before).not.toContain(secret);

    // The page clicks and types into every control it can reach.
    await shop.evaluate<string, Attack>(attackPanel, 'controls');
    // A click React handles renders before the event returns: the control would be open by now.
    expect(await rival.locator('[data-lupa="competitor-of"]').count()).toBe(0);
    // The user opens the control (a round trip to the background after the page's events).
    await rival.locator('[data-lupa="competitor-of-open"]').click();
    await rival.locator('[data-lupa="competitor-of"][data-value="0"]').waitFor();
    expect(await rival.locator('[data-lupa="watch-toggle"]').getAttribute('data-value')).toBe('');
    expect(await rival.locator('[data-lupa="twin-unlink"]').count()).toBe(0);
    expect(await rival.locator('[data-lupa="twin-input"]').inputValue()).toBe('');
    expect(await rival.locator('[data-lupa="position-query-input"]').inputValue()).toBe('');
    expect(await rival.locator('[data-lupa="positions"] [data-query]').count()).toBe(0);

    // Now the page links the product to the seller's item; then the user marks it, which answers.
    await shop.evaluate<string, Attack>(attackPanel, 'link');
    await rival.locator('[data-lupa="watch-toggle"] button[data-role="competitor"]').click();
    await rival.locator('[data-lupa="watch-toggle"][data-value="competitor"]').waitFor();
    expect(await rival.locator('[data-lupa="competitor-of"]').getAttribute('data-value')).toBe('0');
    expect(await lab.worker.evaluate(rowsOf, 'competitorLinks')).toEqual([]);
    expect(await lab.worker.evaluate(rowsOf, 'twins')).toEqual([]);
    expect(await lab.worker.evaluate(rowsOf, 'positionQueries')).toEqual([]);
    const watched = (await lab.worker.evaluate(rowsOf, 'watchlist')) as Array<{ id: string; role: string }>;
    expect(watched.map((w) => `${w.id}:${w.role}`).sort()).toEqual([`${MINE}:mine`, `${RIVAL}:competitor`]);

    // The same controls work for the user: the link is made by a real click.
    await rival.locator(`[data-lupa="competitor-of"] button[data-mine="wb:${MINE}"]`).click();
    await rival.locator('[data-lupa="competitor-of"][data-value="1"]').waitFor();

    // No message named Lupa, WXT or the extension; the listener did hear the page's own.
    await shop.evaluate(() => window.postMessage('the page itself', '*'));
    await expect.poll(() => messagesSeen(shop)).toContainEqual(expect.stringContaining('the page itself'));
    const heard = (await messagesSeen(shop)).join('\n');
    expect(heard).not.toMatch(/wxt|lupa|content-script/i);
    expect(heard).not.toContain(lab.extensionId);
    expect(lab.errors).toEqual([]);
  });

  test('a cabinet page cannot open or save the costs form for the user, and hears no announcement', async () => {
    const [first, second] = CABINET_PRICES as Array<{ article: number }>;
    const cabinet = await lab.context.newPage();
    await cabinet.addInitScript(recordMessages);
    await cabinet.goto('https://seller.wildberries.ru/discount-and-prices');
    const target = cabinet.locator(`tr[data-nm-id="${second?.article}"]`);
    await target.locator('[data-lupa="costs-edit"]').waitFor({ timeout: 20_000 });

    type Hostile = { article: number; step: 'open' | 'save' };
    const hostile = ({ article, step }: Hostile) => {
      const root = document.querySelector(`tr[data-nm-id="${article}"] lupa-competitor-prices`)?.shadowRoot;
      if (!root) throw new Error('no open shadow root');
      if (step === 'open') {
        const edit = root.querySelector<HTMLElement>('[data-lupa="costs-edit"]');
        edit?.click();
        edit?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      } else {
        const cost = root.querySelector<HTMLInputElement>('input[name="cost"]');
        if (cost) cost.value = '1';
        cost?.dispatchEvent(new Event('input', { bubbles: true }));
        const form = root.querySelector<HTMLFormElement>('[data-lupa="costs-form"]');
        form?.requestSubmit();
        form?.querySelector<HTMLElement>('button')?.click();
      }
      return root.querySelector('[data-lupa="costs-form"]') !== null;
    };
    // A script's click does not open the form (it would open at once: plain DOM, no round trip).
    expect(await cabinet.evaluate<boolean, Hostile>(hostile, { article: second?.article as number, step: 'open' })).toBe(false);
    // The user opens it; the script fills in a cost and submits.
    await target.locator('[data-lupa="costs-edit"]').click();
    await target.locator('[data-lupa="costs-form"]').waitFor();
    expect(await cabinet.evaluate<boolean, Hostile>(hostile, { article: second?.article as number, step: 'save' })).toBe(true);
    // The user saves another row's costs: a round trip after the script's submit.
    const other = cabinet.locator(`tr[data-nm-id="${first?.article}"]`);
    await other.locator('[data-lupa="costs-edit"]').click();
    await other.locator('input[name="cost"]').fill('500');
    await other.locator('[data-lupa="costs-form"] button').click();
    await other.locator('[data-lupa="costs-form"]').waitFor({ state: 'detached' });
    const costs = (await lab.worker.evaluate(rowsOf, 'unitCosts')) as Array<{ id: string; cost: number | null }>;
    expect(costs.map((c) => `${c.id}:${c.cost}`)).toEqual([`${first?.article}:50000`]);
    await target.locator('[data-lupa="costs-form"]').waitFor();
    expect(await target.locator('[data-lupa="margin"]').getAttribute('data-value')).toBe('');

    const heard = ((await messagesSeen(cabinet)) ?? []).join('\n');
    expect(heard).not.toMatch(/wxt|lupa|content-script/i);
    expect(heard).not.toContain(lab.extensionId);
    expect(lab.errors).toEqual([]);
  });
});
