// SEO gaps on a WB product panel: the card's words against the top organic cards of a query,
// every figure recomputed here from the fixture's search page and card.json files.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CardText } from '../../utils/model';
import { seoGaps } from '../../utils/seo-gaps/gaps';
import { fillerCardJson } from '../fixtures/wb/card-text.mjs';
import * as wb from '../fixtures/wb/catalog.mjs';
import { resultList } from '../fixtures/wb/search.mjs';
import { type Lab, panelIn, startLab, submitIn } from './harness';

const OWN = 146972802;
const QUERY = 'футболка оверсайз';

type RawCard = {
  imt_name?: string;
  description?: string;
  options?: Array<{ name: string; value: string }>;
  grouped_options?: Array<{ options: Array<{ name: string; value: string }> }>;
};
/** A card.json as the words it holds, read here on its own (not through Lupa's client). */
const wordsOf = (id: number, raw: RawCard): CardText => ({
  id: String(id),
  title: raw.imt_name ?? '',
  description: raw.description ?? '',
  options: [...(raw.options ?? []), ...(raw.grouped_options ?? []).flatMap((g) => g.options)].map(({ name, value }) => ({ name, value })),
  sizeTable: null,
});

describe('SEO gaps in the product panel', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterEach(() => lab.server.reset());
  afterAll(async () => {
    await lab?.close();
  });

  test('the words the top 10 organic cards use and this card lacks, with how many use each, and the words only it has', async () => {
    // The first page as the fixture serves it: ads and this card left out, the first ten taken.
    const rivals = resultList(QUERY)
      .slice(0, 100)
      .filter((e) => !('log' in e) && e.id !== OWN)
      .slice(0, 10);
    const expected = seoGaps(
      wordsOf(OWN, wb.cardJson(wb.byId.get(OWN))),
      rivals.map((e) => wordsOf(e.id, fillerCardJson(e.id) as RawCard)),
    );
    expect(expected.missing.length).toBeGreaterThan(5);

    const page = await lab.open(`/catalog/${OWN}/detail.aspx`);
    const p = await panelIn(page, OWN);
    await submitIn(p, '[data-lupa="seo-query-input"]', QUERY, '[data-lupa="seo-rivals"]');
    const rivalsShown = p.locator('[data-lupa="seo-rivals"]');
    expect(await rivalsShown.getAttribute('data-value')).toBe('10');
    expect(await rivalsShown.getAttribute('data-query')).toBe(QUERY);
    expect(await rivalsShown.getAttribute('data-min')).toBe(String(expected.minCount));
    const missing = await p
      .locator('[data-lupa="seo-missing"]')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-value'), Number(el.getAttribute('data-count')), el.getAttribute('data-phrase') === 'true']),
      );
    expect(missing).toEqual(expected.missing.map((m) => [m.word, m.count, m.phrase]));
    const unique = await p.locator('[data-lupa="seo-unique"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-value')));
    expect(unique).toEqual(expected.unique.map((u) => u.word));
    // Every card.json asked for once: this card's and the ten rivals'.
    expect(lab.server.count(/\/info\/ru\/card\.json/)).toBe(11);
    await page.close();
  });

  test('a query with no results says there is nothing to compare; this card unreadable says why, and what was typed stays', async () => {
    const page = await lab.open(`/catalog/${OWN}/detail.aspx`);
    const p = await panelIn(page, OWN);
    await submitIn(p, '[data-lupa="seo-query-input"]', 'запрос без результатов', '[data-lupa="seo-rivals"][data-value="0"]');
    expect(await p.locator('[data-lupa="seo-missing"]').count()).toBe(0);

    // Another product, whose card.json answers 500 every time.
    const other = wb.products[1] as { id: number };
    lab.server.fault({ path: new RegExp(`/${other.id}/info/ru/card\\.json`), kind: 'status', status: 500, times: 20 });
    const second = await lab.open(`/catalog/${other.id}/detail.aspx`);
    const q = await panelIn(second, other.id);
    await submitIn(q, '[data-lupa="seo-query-input"]', QUERY, '.lupa-seo .lupa-note');
    expect(await q.locator('[data-lupa="seo-rivals"]').count()).toBe(0);
    expect(await q.locator('[data-lupa="seo-query-input"]').inputValue()).toBe(QUERY);
    await page.close();
    await second.close();
  });
});
