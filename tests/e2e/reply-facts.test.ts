// Answers from the card's own facts in the WB cabinet (issue 16): a question about size gets a reply
// quoting the product's size table (card.json) and the sizes in stock, a question about delivery the
// stock from the card — the figures recomputed here from the fixture — and a review about size on the
// reviews page gets one too, while reviews that raise no such topic get none. In the buyer chat the
// same assistant reads the open conversation, and is made anew when another one is opened. Nothing
// is sent.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CABINET_CHATS, CABINET_QUESTIONS, CABINET_REVIEWS } from '../fixtures/wb/cabinet.mjs';
import * as wb from '../fixtures/wb/catalog.mjs';
import { cardOf, fieldOf } from './cabinet-cards';
import { type Lab, startLab } from './harness';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

type FixtureProduct = {
  sizes: Array<{ name: string; origName: string; stocks: Array<{ qty: number }> }>;
  sizesTable?: { details_props: string[]; values: Array<{ tech_size: string; details: string[] }> };
};
const product = (id: number) => wb.byId.get(id) as unknown as FixtureProduct;
/** "Обхват груди, в см" + "84-88" → "обхват груди 84-88 см", as a buyer reads it. */
const measure = (prop: string, value: string) =>
  /, в см$/.test(prop) ? `${prop.replace(/, в см$/, '').toLowerCase()} ${value} см` : `${prop.toLowerCase()} ${value}`;
const inStock = (p: FixtureProduct) =>
  p.sizes.filter((s) => s.stocks.some((st) => st.qty > 0)).map((s) => (s.origName !== s.name ? `${s.name} (${s.origName})` : s.name));

test('WB questions: size and delivery answered from the card, each into its own box', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks-questions/questions');
  const [sizeQ, deliveryQ] = CABINET_QUESTIONS as [(typeof CABINET_QUESTIONS)[number], (typeof CABINET_QUESTIONS)[number]];
  const facts = (q: typeof sizeQ) => cardOf(page, q.text).locator('[data-lupa="reply-facts"]');
  await facts(sizeQ).waitFor({ timeout: 20_000 });
  expect(await facts(sizeQ).getAttribute('data-value')).toBe('size');

  await facts(sizeQ).click();
  const typed = (await fieldOf(cardOf(page, sizeQ.text)).textContent()) ?? '';
  const shirt = product(sizeQ.article);
  const table = shirt.sizesTable as NonNullable<FixtureProduct['sizesTable']>;
  expect(typed.startsWith(`Здравствуйте, ${sizeQ.author}!`)).toBe(true);
  for (const row of table.values)
    expect(typed).toContain(`${row.tech_size} — ${row.details.map((v, i) => measure(table.details_props[i] as string, v)).join(', ')}`);
  expect(typed).toContain(`Сейчас в наличии: ${inStock(shirt).join(', ')}.`);
  // The other question's box is untouched.
  expect(await fieldOf(cardOf(page, deliveryQ.text)).textContent()).toBe('');

  await facts(deliveryQ).waitFor();
  expect(await facts(deliveryQ).getAttribute('data-value')).toBe('delivery');
  await facts(deliveryQ).hover();
  const preview = cardOf(page, deliveryQ.text).locator('[data-lupa="reply-preview"][data-template="card-facts"]');
  const stock = product(deliveryQ.article)
    .sizes.flatMap((s) => s.stocks)
    .reduce((n, s) => n + s.qty, 0);
  expect(await preview.textContent()).toContain(`Товар есть на складе (${stock} шт.)`);
  await page.close();
});

test('WB reviews: the size complaint gets a reply from the card; reviews raising no such topic get none', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
  const sized = CABINET_REVIEWS.find((r) => r.id === 'fb-2') as (typeof CABINET_REVIEWS)[number];
  const button = cardOf(page, sized.text).locator('[data-lupa="reply-facts"]');
  await button.waitFor({ timeout: 20_000 });
  expect(await button.getAttribute('data-value')).toBe('size');
  // Only the review that raises a topic the card answers asks for facts at all.
  expect(await page.locator('[data-lupa="reply-facts"]').count()).toBe(1);
  await button.click();
  const value = await fieldOf(cardOf(page, sized.text)).inputValue();
  expect(value).toContain(`Сейчас в наличии: ${inStock(product(sized.article)).join(', ')}.`);
  // A 2★ review: the reply offers a way out, so the tone check has nothing to say.
  expect(await cardOf(page, sized.text).locator('[data-lupa="tone-warning"]').count()).toBe(0);
  await page.close();
});

test('WB buyer chat: the open conversation answered from its card; another conversation gets its own; the tone check as the seller types', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/chat-with-clients');
  const [first, second] = CABINET_CHATS as [(typeof CABINET_CHATS)[number], (typeof CABINET_CHATS)[number]];
  const box = page.getByPlaceholder('Напишите сообщение');
  const facts = page.locator('[data-lupa="reply-facts"]');
  await facts.waitFor({ timeout: 20_000 });
  expect(await facts.getAttribute('data-value')).toBe('size');
  await facts.click();
  const shirt = product(first.article);
  expect(await box.inputValue()).toContain(`Сейчас в наличии: ${inStock(shirt).join(', ')}.`);
  expect(await box.inputValue()).toMatch(new RegExp(`^Здравствуйте, ${first.buyer}!`));
  // The page's own handler saw the text: its send button is enabled (nothing is sent).
  expect(await page.getByRole('button', { name: 'Отправить' }).isDisabled()).toBe(false);

  // Another conversation in the same box: its own product and topic, one assistant.
  await page.getByRole('button', { name: new RegExp(second.buyer) }).click();
  await page.locator('[data-lupa="reply-facts"][data-value="delivery"]').waitFor({ timeout: 20_000 });
  expect(await page.locator('lupa-reply-assistant').count()).toBe(1);
  await facts.hover();
  const stock = product(second.article)
    .sizes.flatMap((s) => s.stocks)
    .reduce((n, s) => n + s.qty, 0);
  expect(await page.locator('[data-lupa="reply-preview"]').textContent()).toContain(`(${stock} шт.)`);

  await box.fill('Вы сами виноваты, надо было читать описание');
  await page.locator('[data-lupa="tone-warning"][data-value="blame"]').first().waitFor();
  await page.close();
});
