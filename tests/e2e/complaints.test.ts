// The complaint digest in the built extension: once the seller marks a WB item "мой товар", its panel
// shows the topics of its 1–3★ reviews over the last 30 days with the change against the 30 before —
// the figures recomputed here from the fixture's reviews, each fixture text labelled by hand — and the
// popup shows the same counts, read from the store. Another seller's item shows no digest; a review
// with HTML in it is counted and shown as text.
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as wb from '../fixtures/wb/catalog.mjs';
import { type Lab, panelIn, startLab } from './harness';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

const DAY = 86_400_000;

/** The fixture's 1–3★ review texts, each with the topics a seller reading it would count. */
const LABELS: Record<string, string[]> = {
  'Средне. За свою цену пойдет': [],
  'Ожидала большего, но носить можно': [],
  'так себе, материал тонковат': ['quality'],
  'Маломерит на размер, пришлось вернуть': ['size'],
  'Шов разошелся после первой стирки(': ['quality'],
  'Цвет совсем не как на фото, разочарована': ['mismatch'],
  'Пришел брак, дырка на рукаве. Деньги вернули не сразу': ['defect'],
  'ужас!!! запах химии, не выветривается неделю': ['smell'],
  'Не работает правый наушник, продавец молчит': ['defect'],
  'Прислали не тот размер и не тот цвет. Отказалась': ['size', 'mismatch'],
  // It shrank: the fabric's quality.
  '<b>Ужасно</b> село <img src=x onerror="document.title=\'pwned\'"> не берите': ['quality'],
};

interface FixtureFeedback {
  productValuation: number;
  createdDate: string;
  text: string;
  cons: string;
}

/**
 * Topic → [count in the last 30 days, in the 30 before], from the reviews the fixture serves, and
 * how many 1–3★ reviews the last 30 days hold.
 */
function expectedDigest(id: number): { topics: Map<string, [number, number]>; recent: number } {
  const p = wb.byId.get(id) as { reviews: { shard: 1 | 2 } };
  const now = Date.now();
  const { feedbacks } = wb.feedbacksResponse(p, p.reviews.shard, now) as unknown as { feedbacks: FixtureFeedback[] };
  const out = new Map<string, [number, number]>();
  let recent = 0;
  for (const f of feedbacks) {
    const age = (now - Date.parse(f.createdDate)) / DAY;
    if (f.productValuation > 3 || age >= 60) continue;
    if (age < 30) recent++;
    const labels = LABELS[f.text];
    if (!labels) throw new Error(`label the fixture review "${f.text}"`);
    // The buyer's cons: WB keeps them apart; "Качество" there is a quality complaint.
    const topics = new Set([...labels, ...(f.cons === 'Качество' ? ['quality'] : [])]);
    for (const topic of topics.size ? topics : ['other']) {
      const counts = out.get(topic) ?? [0, 0];
      counts[age < 30 ? 0 : 1]++;
      out.set(topic, counts);
    }
  }
  return { topics: out, recent };
}

async function shownDigest(scope: ReturnType<Awaited<ReturnType<Lab['open']>>['locator']>): Promise<Map<string, [number, number]>> {
  const out = new Map<string, [number, number]>();
  for (const el of await scope.locator('[data-lupa="complaint-topic"]').all()) {
    const count = Number(await el.getAttribute('data-value'));
    const change = Number(await el.getAttribute('data-change'));
    out.set((await el.getAttribute('data-topic')) as string, [count, count - change]);
  }
  return out;
}

test("an own item's panel and the popup show the topics of its negative reviews, 30 days against the 30 before", async () => {
  const MINE = 255012877;
  const { topics: expected, recent } = expectedDigest(MINE);
  // The fixture has complaints in both windows, so the change is tested, not only the count.
  expect([...expected.values()].some(([, before]) => before > 0)).toBe(true);

  const shop = await lab.open(`/catalog/${MINE}/detail.aspx`);
  let panel = await panelIn(shop, MINE);
  // Not the seller's own item yet: no digest.
  expect(await panel.locator('[data-lupa="complaints"]').count()).toBe(0);
  await panel.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
  await panel.locator('[data-lupa="watch-toggle"][data-value="mine"]').waitFor();
  await shop.reload();
  panel = await panelIn(shop, MINE);
  await panel.locator('[data-lupa="complaint-topic"]').first().waitFor({ timeout: 20_000 });
  expect(await shownDigest(panel)).toEqual(expected);
  // "Other" comes last, the rest by count.
  const order = await panel.locator('[data-lupa="complaint-topic"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-topic')));
  if (order.includes('other')) expect(order.at(-1)).toBe('other');

  const popup = await lab.context.newPage();
  await popup.goto(`chrome-extension://${lab.extensionId}/popup.html`);
  const item = popup.locator(`[data-lupa="complaint-item"][data-product="${MINE}"]`);
  await item.waitFor();
  expect(await item.getAttribute('data-value')).toBe(String(recent));
  // The popup shows the top three topics of the same digest.
  const top = await shownDigest(item);
  expect(top.size).toBe(Math.min(3, expected.size));
  for (const [topic, counts] of top) expect(counts).toEqual(expected.get(topic));
  await popup.close();
  await shop.close();
});

test('a review with HTML in it is counted and drawn as text; the host page is untouched', async () => {
  const MINE = 301245689;
  const shop = await lab.open(`/catalog/${MINE}/detail.aspx`);
  let panel = await panelIn(shop, MINE);
  await panel.locator('[data-lupa="watch-toggle"] button[data-role="mine"]').click();
  await panel.locator('[data-lupa="watch-toggle"][data-value="mine"]').waitFor();
  await shop.reload();
  panel = await panelIn(shop, MINE);
  await panel.locator('[data-lupa="complaint-topic"]').first().waitFor({ timeout: 20_000 });
  expect(await shownDigest(panel)).toEqual(expectedDigest(MINE).topics);
  expect(await shop.title()).not.toBe('pwned');
  expect(await panel.locator('img').count()).toBe(0);
  await shop.close();
});
