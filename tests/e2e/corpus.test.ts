// The bad-input corpus (tests/fixtures/corpus/cases.mjs) against the built extension: for every
// case, (a) the page keeps its own content, (b) the extension raises no error, (c) the overlay shows
// the case's state and figures, (d) nothing from bad data is kept, and text is never markup.
// One browser for all cases; the server's settings and Lupa's store are emptied between cases.
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CASES } from '../fixtures/corpus/cases.mjs';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import * as wb from '../fixtures/wb/catalog.mjs';
import { categoryList, detailResponseAll, searchPage } from '../fixtures/wb/search.mjs';
import { expectedFor } from './expected';
import { expectedBadge, READ_BADGES } from './expected-listing';
import { figure, type Lab, panel, panelIn, startLab } from './harness';

interface Case {
  name: string;
  page: string;
  kind: string;
  url: string;
  product?: { id: string; name: string; root?: string };
  query?: string;
  tiles?: string;
  insert?: { words: string; contains: string };
  answers?: unknown[];
  faults?: Array<Parameters<Lab['server']['fault']>[0]>;
  settings?: Record<string, unknown>;
  expect: {
    state: string;
    fixture?: boolean;
    figures?: Record<string, string | null>;
    badges?: 'fixture' | 'fixture-unplaced' | 'fixture-catalog' | number | Array<Record<string, string | null>>;
    literal?: Array<{ figure: string; text: string }>;
    note?: boolean;
    floating?: boolean;
    warehouses?: number;
    longestQuote?: number;
    dist?: Record<string, number>;
    assistants?: number;
    store: Record<string, number>;
    requests?: Array<[string, number]>;
  };
}

/** The panel figures a WB fixture product's expectation covers. */
const WB_FIGURES = [
  'price-now',
  'price-before',
  'discount',
  'price-min',
  'price-median',
  'price-max',
  'price-lowest',
  'rating',
  'reviews',
  'negative-share',
  'stock-total',
  'seller',
] as const;

// ——— in the service worker: Lupa's IndexedDB, read and emptied without Dexie ———

/**
 * Rows per table (price points split by source), or {} before the database exists. With an
 * article, only its rows: a request left hanging by an earlier case may still land its own.
 */
const STORE_ROWS = async ({
  article,
  query,
}: {
  article: { marketplace: string; id: string; root?: string } | null;
  query: string | null;
}) => {
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    const open = indexedDB.open('lupa');
    open.onupgradeneeded = () => open.transaction?.abort(); // not created yet: do not create it
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => resolve(null);
  });
  if (!db) return {};
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readonly');
  const rows = await Promise.all(
    names.map(
      (name) =>
        new Promise<[string, Array<Record<string, unknown>>]>((resolve, reject) => {
          const all = tx.objectStore(name).getAll();
          all.onsuccess = () => resolve([name, all.result]);
          all.onerror = () => reject(all.error);
        }),
    ),
  );
  db.close();
  const mine = (r: Record<string, unknown>) =>
    !article || (r.marketplace === article.marketplace && (r.id === article.id || r.productId === article.id || r.rootId === article.root));
  // A listing's search pages: its own query (Ozon keeps the page URL as the query).
  const ofQuery = (r: Record<string, unknown>) => !query || String(r.query).includes(query);
  // The history packed by month (utils/series.ts), counted a point at a time as the flat tables were.
  const flat: Record<string, string> = { priceMonths: 'pricePoints', stockMonths: 'stockSnapshots' };
  const out: Record<string, number> = {};
  for (const [stored, months] of rows) {
    const name = flat[stored] ?? stored;
    const all = flat[stored]
      ? months.flatMap((r) =>
          (r.points as unknown[][]).map((p) => ({
            marketplace: r.marketplace,
            productId: r.productId,
            at: p[0],
            source: name === 'pricePoints' ? p[2] : undefined,
          })),
        )
      : months;
    const list = all.filter(name === 'searchPages' ? ofQuery : mine);
    out[name] = list.length;
    if (name === 'pricePoints') {
      out.history = list.filter((r) => r.source === 'history').length;
      out.observed = list.filter((r) => r.source === 'observed').length;
    }
  }
  return out;
};

const CLEAR_STORE = async () => {
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    const open = indexedDB.open('lupa');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => resolve(null);
  });
  if (!db) return;
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readwrite');
  for (const name of names) tx.objectStore(name).clear();
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
};

/** A worker call that fails with a name instead of hanging the test (a restarted worker never answers). */
function inWorker<A, R>(worker: Worker, fn: (arg: A) => Promise<R>, arg: A, what: string): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    (worker.evaluate.bind(worker) as (f: typeof fn, a: A) => Promise<R>)(fn, arg).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the service worker did not answer ${what} in 15 s`)), 15_000);
    }),
  ]);
}

// ——— in the page ———

/**
 * The page's own content: every element outside Lupa's hosts, with its own text, in order.
 * Compared before and after Lupa has done its work: nothing removed, moved or rewritten.
 */
const OWN_CONTENT = () => {
  const lines: string[] = [];
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (child.tagName.startsWith('LUPA-') || child.hasAttribute('data-lupa')) continue;
      const text = [...child.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('');
      lines.push(`${child.tagName}.${child.getAttribute('class') ?? ''}#${child.id}|${text}`);
      walk(child);
    }
  };
  walk(document.body);
  return { title: document.title, lines };
};

/** Elements that markup from data would have made, anywhere (page and Lupa's open shadow roots). */
const INJECTED = () => {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
      const bad =
        handlers.length > 0 ||
        (el.tagName === 'SCRIPT' && /__pwned/.test(el.textContent ?? '')) ||
        (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
        // Lupa draws one SVG of its own, the price line (components/product-panel/price-chart.ts); any other is from data.
        (el.tagName === 'svg' && !el.closest('[data-lupa="price-chart"]')) ||
        (el.tagName === 'B' && el.textContent === 'жирный');
      if (bad) found.push(el.outerHTML.slice(0, 120));
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { found, pwned: (window as { __pwned?: unknown }).__pwned ?? null };
};

/** Where each page type keeps its own content, and when it has rendered it. */
function ownReady(c: Case): string {
  if (c.page === 'wb-product') return '.btn-main';
  if (c.page === 'wb-search' || c.page === 'wb-catalog') return c.tiles ?? 'article.product-card';
  if (c.page === 'ozon-product') return '.buy';
  if (c.page === 'ozon-search') return '.tiles .tile';
  // The cabinet's answer fields (its classes are hashed anew on every load).
  return 'textarea';
}

async function pageTexts(page: Page, c: Case): Promise<void> {
  if (c.page === 'wb-product') {
    expect(await page.locator('.product-page__title').textContent()).toBe(c.product?.name);
    expect(await page.locator('.btn-main').textContent()).toBe('Добавить в корзину');
  } else if (c.page === 'ozon-product') {
    expect(await page.locator('h1').textContent()).toBe(c.product?.name);
    expect(await page.locator('.buy').textContent()).toBe('Добавить в корзину');
  } else if (c.page === 'wb-search') {
    const names = (searchPage(c.query ?? '', 1).products ?? []).map((p) => ` / ${p.name}`);
    expect(await page.locator('.product-card__name').allTextContents()).toEqual(names);
  } else if (c.page === 'wb-catalog') {
    expect(await page.locator('.product-card__name').allTextContents()).toEqual(
      categoryList()
        .slice(0, 100)
        .map((p) => ` / ${p.name}`),
    );
  } else if (c.page === 'ozon-search') {
    expect(await page.locator('.tile-name').allTextContents()).toEqual(
      ozon.searchResults(c.query ?? '').map((t: { mainState: Array<{ textDS?: { text: string } }> }) => t.mainState[1]?.textDS?.text),
    );
  }
}

// ——— what Lupa must show ———

function fixtureBadges(c: Case): Array<Record<string, string | null>> {
  const kind = c.expect.badges;
  if (c.page === 'ozon-search') {
    const kopecks = (s: string) => Math.round(Number(s.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
    return ozon.searchResults(c.query ?? '').map((t: ReturnType<typeof ozon.searchResults>[number], i: number) => ({
      nm: String(t.id),
      position: String(i + 1),
      price: String(kopecks(t.mainState[0]!.priceV2!.price[0]!.text)),
      rating: String(Number(t.mainState[2]!.labelList!.items[0]!.title)),
      reviews: t.mainState[2]!.labelList!.items[1]!.title!.replace(/\D/g, ''),
      stock: null,
    }));
  }
  if (kind === 'fixture-catalog')
    return categoryList()
      .slice(0, 100)
      .map((p, i) => ({ ...expectedBadge(p, i + 1) }));
  const entries = searchPage(c.query ?? '', 1).products ?? [];
  if (kind === 'fixture-unplaced') {
    const byId = new Map(detailResponseAll(entries.map((e) => e.id)).products.map((p: { id: number }) => [p.id, p]));
    return entries.map((e, i) => ({ ...expectedBadge(byId.get(e.id), i + 1, false) }));
  }
  return entries.map((e, i) => ({ ...expectedBadge(e, i + 1) }));
}

/** Reads the Ozon badges (the names its test uses). */
const READ_OZON_BADGES = () =>
  [...document.querySelectorAll('lupa-tile-badge')].map((host) => {
    const get = (name: string) => host.shadowRoot?.querySelector(`[data-lupa="${name}"]`)?.getAttribute('data-value') ?? null;
    return {
      nm: host.getAttribute('data-nm'),
      position: get('tile-position'),
      price: get('tile-price'),
      rating: get('tile-rating'),
      reviews: get('tile-reviews'),
      stock: get('tile-stock'),
    };
  });

async function checkProductPanel(page: Page, c: Case, lab: Lab): Promise<void> {
  const id = c.product!.id;
  const want = c.expect;
  let p: ReturnType<typeof panel>;
  if (want.state === 'loading') {
    // A request that never ends: Lupa says it is loading and the page goes on.
    for (const [path, n] of want.requests ?? []) await expect.poll(() => lab.server.count(path)).toBeGreaterThanOrEqual(n);
    p = panel(page, id);
    expect(await figure(p, 'state')).toBe('loading');
  } else {
    p = await panelIn(page, id, [want.state]);
  }
  const figures: Record<string, string | null> = {};
  if (want.fixture) {
    const product = wb.byId.get(Number(id))!;
    const e = expectedFor(product, Date.now());
    for (const name of WB_FIGURES) figures[name] = e[name];
  }
  Object.assign(figures, want.figures);
  const seen: Record<string, string | null> = {};
  for (const name of Object.keys(figures)) seen[name] = await figure(p, name);
  expect(seen).toEqual(figures);
  if (want.warehouses !== undefined) expect(await p.locator('[data-lupa="stock-warehouse"]').count()).toBe(want.warehouses);
  if (want.dist) {
    const dist = await p
      .locator('[data-lupa="review-dist"]')
      .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-stars'), Number(r.getAttribute('data-value'))])));
    expect(dist).toEqual(want.dist);
  }
  if (want.longestQuote !== undefined) {
    const quotes = await p.locator('[data-lupa="negative-review"] q').allTextContents();
    expect(Math.max(...quotes.map((q) => q.length))).toBe(want.longestQuote);
  }
  if (want.note) expect(await p.locator('.lupa-note').count()).toBeGreaterThan(0);
  if (want.floating !== undefined) expect(await p.getAttribute('data-floating')).toBe(want.floating ? '' : null);
  for (const { figure: name, text } of want.literal ?? []) {
    const texts = await p.locator(`[data-lupa="${name}"]`).allTextContents();
    expect(texts.some((t) => t.includes(text))).toBe(true);
  }
}

async function checkListing(page: Page, c: Case): Promise<void> {
  const want = c.expect;
  const chip = page.locator('lupa-listing-status');
  const expected = Array.isArray(want.badges) ? want.badges : typeof want.badges === 'string' ? fixtureBadges(c) : [];
  if (expected.length > 0) {
    await page
      .locator('lupa-listing-status [data-lupa="listing-count"]')
      .and(page.locator(`[data-value="${expected.length}"]`))
      .waitFor({ state: 'attached', timeout: 20_000 });
  } else {
    // A fresh state with no badge has no event of its own: it is final once the answer is stored.
    await chip.and(page.locator(`[data-value="${want.state}"]`)).waitFor({ state: 'attached', timeout: 20_000 });
  }
  expect(await chip.getAttribute('data-value')).toBe(want.state);
  expect(await chip.count()).toBe(1);
  const read = await page.evaluate(c.page === 'ozon-search' ? READ_OZON_BADGES : READ_BADGES);
  expect(read).toEqual(expected);
}

async function checkCabinet(page: Page, c: Case): Promise<void> {
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(c.expect.assistants);
}

describe('bad-input corpus', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.close();
  });

  const cases = CASES as unknown as Case[];
  test('has at least 32 cases over every page type', () => {
    expect(cases.length).toBeGreaterThanOrEqual(32);
    expect(new Set(cases.map((c) => c.page))).toEqual(
      new Set(['wb-product', 'wb-search', 'wb-catalog', 'ozon-product', 'ozon-search', 'wb-cabinet']),
    );
    expect(new Set(cases.map((c) => `${c.page}: ${c.name}`)).size).toBe(cases.length);
  });

  test.each(cases.map((c) => [`${c.page} · ${c.kind} · ${c.name}`, c] as const))('%s', async (_title, c) => {
    lab.server.reset();
    lab.errors.length = 0;
    await inWorker(lab.worker, CLEAR_STORE, null, 'emptying the store');
    Object.assign(lab.server.settings, { shellDelayMs: 0 }, c.settings, { answers: c.answers ?? [] });
    for (const f of c.faults ?? []) lab.server.fault(f);

    const page = await lab.context.newPage();
    try {
      await page.goto(c.url);
      // (a) The page's own content as it rendered it…
      await page.locator(ownReady(c)).first().waitFor({ timeout: 20_000 });
      const before = await page.evaluate(OWN_CONTENT);
      await pageTexts(page, c);

      // (c) …Lupa's state and figures…
      if (c.page === 'wb-product' || c.page === 'ozon-product') await checkProductPanel(page, c, lab);
      else if (c.page === 'wb-cabinet') await checkCabinet(page, c);
      else await checkListing(page, c);

      // (a) …is still there, unchanged, once Lupa is done.
      expect(await page.evaluate(OWN_CONTENT)).toEqual(before);

      // (d) Markup in data stays text: nothing of it became an element, nothing of it ran.
      if (c.insert) {
        // The review as a person finds it, by its words (the fixture's classes are hashed anew on every load).
        const item = page.getByText(c.insert.words).first().locator('xpath=ancestor::*[.//textarea][1]');
        await item.locator('[data-lupa="reply-insert"]').click();
        const value = await item.locator('textarea').inputValue();
        expect(value).toContain(c.insert.contains);
        expect(await item.getByText(/^\d+ \/ 5000$/).textContent()).toBe(`${value.length} / 5000`);
      }
      expect(await page.evaluate(INJECTED)).toEqual({ found: [], pwned: null });

      // (d) Nothing from bad data kept.
      const article = c.product ? { marketplace: c.page.startsWith('ozon') ? 'ozon' : 'wb', ...c.product } : null;
      const query = c.query ? (c.page === 'ozon-search' ? `text=${encodeURIComponent(c.query)}` : c.query) : null;
      const kept = async () => {
        const rows = await inWorker(lab.worker, STORE_ROWS, { article, query }, 'reading the store');
        return Object.fromEntries(Object.keys(c.expect.store).map((k) => [k, rows[k] ?? 0]));
      };
      // A problem state is shown after the decision not to keep anything; a fresh listing with no
      // badge may still be on its way to the store.
      await expect.poll(kept, { timeout: 10_000 }).toEqual(c.expect.store);
      if (c.page === 'wb-search' || c.page === 'wb-catalog' || c.page === 'ozon-search') {
        expect(await page.locator('lupa-listing-status').getAttribute('data-value')).toBe(c.expect.state);
        const badges = c.expect.badges;
        const n = typeof badges === 'number' ? badges : Array.isArray(badges) ? badges.length : fixtureBadges(c).length;
        expect(await page.locator('lupa-tile-badge').count()).toBe(n);
      }

      for (const [path, n] of c.expect.requests ?? []) expect(lab.server.count(path), path).toBe(n);
      // (b) No error from the extension, in the page or in its worker.
      expect(lab.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
