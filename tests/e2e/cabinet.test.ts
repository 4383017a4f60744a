// The reply assistant in the seller cabinets (fixtures of their reviews and questions pages). The
// fixture pages are marked up as the real cabinets are: hashed class names that are new on every
// load, no data-testid, stars only as an aria-label, the buyer's name and the article as plain
// text. The tests find a review as a person would, by its words, and check that Lupa found the
// same one: the right template for its stars and words, filled into its own field.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OZON_REVIEWS } from '../fixtures/ozon/cabinet.mjs';
import { FIXTURE_SELLER_TOKEN } from '../fixtures/server.mjs';
import { CABINET_HARD_REVIEWS, CABINET_QUESTIONS, CABINET_REVIEWS } from '../fixtures/wb/cabinet.mjs';
import { cardOf, counterOf, fieldOf } from './cabinet-cards';
import { type Lab, startLab } from './harness';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

/** The first template Lupa offers for each review, as the fixture's stars and words call for. */
const FIRST_TEMPLATE: Record<string, string> = { 'fb-1': 'defect', 'fb-2': 'size', 'fb-3': 'thanks-5', 'fb-4': 'thanks-4' };
const reviewCard = (page: Page, r: (typeof CABINET_REVIEWS)[number]) => cardOf(page, r.text || r.author);
const firstTemplates = (page: Page) =>
  Promise.all(CABINET_REVIEWS.map((r) => reviewCard(page, r).locator('[data-lupa="reply-insert"]').getAttribute('data-template')));

test('WB reviews on the older tab path, hashed classes: the right template for each review goes into its own field, and the page sees it', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks/feedbacks-tab/not-answered');
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
  expect(await firstTemplates(page)).toEqual(CABINET_REVIEWS.map((r) => FIRST_TEMPLATE[r.id]));

  // 1★ with a defect: the defect template, filled with the buyer's name, into that review's field.
  const [fb1, fb2] = CABINET_REVIEWS as [(typeof CABINET_REVIEWS)[number], (typeof CABINET_REVIEWS)[number]];
  const card = reviewCard(page, fb1);
  await card.locator('[data-lupa="reply-insert"]').click();
  const value = await fieldOf(card).inputValue();
  expect(value).toMatch(/^Здравствуйте, Анна! Приносим извинения/);
  // The cabinet's own input handler ran: its counter and its publish button follow the text.
  expect(await counterOf(card).textContent()).toBe(`${value.length} / 5000`);
  expect(await card.getByRole('button', { name: 'Опубликовать' }).isDisabled()).toBe(false);
  // No other review's field got it.
  for (const r of CABINET_REVIEWS.slice(1)) expect(await fieldOf(reviewCard(page, r)).inputValue()).toBe('');
  expect(await card.locator('[data-lupa="tone-warning"]').count()).toBe(0);

  // The seller types a blaming reply: the warning names the phrase; nothing is sent.
  await fieldOf(reviewCard(page, fb2)).fill('Надо было смотреть таблицу размеров.');
  const warnings = await reviewCard(page, fb2)
    .locator('[data-lupa="tone-warning"]')
    .evaluateAll((w) => w.map((x) => x.getAttribute('data-value')));
  expect(warnings).toEqual(['blame', 'no-way-out']);
  // The warning names the phrase as the seller typed it, and marks it in its text.
  const blame = reviewCard(page, fb2).locator('[data-lupa="tone-warning"][data-value="blame"]');
  expect(await blame.getAttribute('data-phrase')).toBe('Надо было');
  expect(await blame.locator('mark').textContent()).toBe('Надо было');

  // A blaming reply that offers a refund is still blaming; a rude one and one with a phone number are named so.
  const kinds = async (card: ReturnType<typeof cardOf>, text: string) => {
    await fieldOf(card).fill(text);
    return card
      .locator('[data-lupa="tone-warning"]')
      .evaluateAll((w) => w.map((x) => `${x.getAttribute('data-value')}: ${x.getAttribute('data-phrase')}`));
  };
  expect(await kinds(reviewCard(page, fb2), 'Вы сами порвали шов, но так и быть, оформите возврат.')).toEqual([
    'blame: Вы сами порвали',
    'blame: так и быть',
  ]);
  expect(await kinds(reviewCard(page, fb2), 'Не нравится — не покупайте. Пишите в WhatsApp +7 999 123-45-67, заменим.')).toEqual([
    'rude: Не нравится — не покупайте',
    'rule-risk: WhatsApp',
    'rule-risk: +7 999 123-45-67',
  ]);
  // Lecturing a 4★ reviewer is flagged too (and no way out is not asked of 4★).
  const fb4 = CABINET_REVIEWS.find((r) => r.id === 'fb-4') as (typeof CABINET_REVIEWS)[number];
  expect(await kinds(reviewCard(page, fb4), 'Спасибо! Но снижать оценку за доставку некорректно.')).toEqual([
    'lecture: снижать оценку за доставку некорректно',
  ]);
  await fieldOf(reviewCard(page, fb2)).fill('');
  await fieldOf(reviewCard(page, fb4)).fill('');

  // The classes are new on every load; Lupa finds the same reviews again.
  const classes = () => reviewCard(page, fb1).getAttribute('class');
  const before = await classes();
  expect(before).toMatch(/^Feedback-card__[A-Za-z0-9+_]{10}$/);
  await page.reload();
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
  expect(await classes()).not.toBe(before);
  expect(await firstTemplates(page)).toEqual(CABINET_REVIEWS.map((r) => FIRST_TEMPLATE[r.id]));

  expect(lab.server.count(/feedbacks-api/)).toBe(0);
  expect(lab.errors).toEqual([]);
  await page.close();
});

test('WB questions (a contenteditable answer box) by client-side navigation, and on the older questions tab', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/discount-and-prices');
  await page.getByText('Цена со скидкой').waitFor();
  await page.click('a[href="/feedbacks-questions/questions"]');
  const [q1, q2] = CABINET_QUESTIONS as [(typeof CABINET_QUESTIONS)[number], (typeof CABINET_QUESTIONS)[number]];
  const insert = (q: typeof q1) => cardOf(page, q.text).locator('[data-lupa="reply-insert"]');
  await insert(q1).waitFor({ timeout: 20_000 });
  expect(await insert(q1).getAttribute('data-template')).toBe('q-size');
  expect(await insert(q2).getAttribute('data-template')).toBe('q-delivery');
  await insert(q2).click();
  const box = fieldOf(cardOf(page, q2.text));
  expect(await box.getAttribute('contenteditable')).toBe('true');
  const typed = (await box.textContent()) ?? '';
  expect(typed).toMatch(/^Здравствуйте! Срок доставки/);
  // The page's own handler saw an input event: its counter follows the box's text.
  expect(await counterOf(cardOf(page, q2.text)).textContent()).toBe(`${typed.length} / 5000`);
  expect(await fieldOf(cardOf(page, q1.text)).textContent()).toBe('');

  // On to reviews by the cabinet's link, then back with the browser's button: each list rendered
  // anew gets its assistant again, once per item.
  await page.click('a[href="/feedbacks-questions/feedbacks"]');
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
  await page.goBack();
  await insert(q1).waitFor({ timeout: 20_000 });
  expect(await page.locator('lupa-reply-assistant').count()).toBe(CABINET_QUESTIONS.length);

  await page.goto('https://seller.wildberries.ru/feedbacks/questions-tab/not-answered');
  await insert(q1).waitFor({ timeout: 20_000 });
  expect(await insert(q1).getAttribute('data-template')).toBe('q-size');
  expect(lab.errors).toEqual([]);
  await page.close();
});

test('WB, Lupa’s older fixture markup (BEM classes, ★ text): the same templates', async () => {
  lab.server.settings.wbCabinetMarkup = 'legacy';
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
  expect(await firstTemplates(page)).toEqual(CABINET_REVIEWS.map((r) => FIRST_TEMPLATE[r.id]));
  lab.server.settings.wbCabinetMarkup = 'hashed';
  expect(lab.errors).toEqual([]);
  await page.close();
});

test('Ozon cabinet, generated classes: the review read off the page (pros, cons, comment) gets the size template; unanswered counted for the popup', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.ozon.ru/app/reviews');
  const first = OZON_REVIEWS[0] as (typeof OZON_REVIEWS)[number];
  const card = cardOf(page, first.text.negative);
  const insert = card.locator('[data-lupa="reply-insert"]');
  await insert.waitFor({ timeout: 20_000 });
  expect(await insert.getAttribute('data-template')).toBe('size');
  expect(
    await cardOf(page, (OZON_REVIEWS[1] as (typeof OZON_REVIEWS)[number]).text.positive)
      .locator('[data-lupa="reply-insert"]')
      .getAttribute('data-template'),
  ).toBe('thanks-5');
  await insert.click();
  const value = await fieldOf(card).inputValue();
  expect(value).toMatch(/^Здравствуйте, Екатерина!/);
  expect(await counterOf(card).textContent()).toBe(`${value.length} / 3000`);
  expect(await card.getByRole('button', { name: 'Отправить' }).isDisabled()).toBe(false);
  // An answered review has no field and no assistant.
  const answered = OZON_REVIEWS.filter((r) => r.answer);
  expect(await page.locator('lupa-reply-assistant').count()).toBe(OZON_REVIEWS.length - answered.length);
  // Blaming the buyer is flagged on Ozon too.
  await fieldOf(card).fill('Вы сами виноваты, читайте описание.');
  await card.locator('[data-lupa="tone-warning"][data-value="blame"]').first().waitFor();

  // The popup counts what waits for an answer on Ozon, from the page.
  const popup = await lab.context.newPage();
  await popup.goto(`chrome-extension://${lab.extensionId}/popup.html`);
  const task = popup.locator('[data-lupa="task"][data-kind="ozon-unanswered-reviews"]');
  await task.waitFor();
  expect(Number(await task.getAttribute('data-value'))).toBe(OZON_REVIEWS.length - answered.length);
  // The cabinet's own list endpoint was asked by the page, never by Lupa.
  expect(lab.server.count(/review\/list/)).toBe(1);
  expect(lab.errors).toEqual([]);
  await page.close();
  await popup.close();
});

test('WB with a token: the seller API’s list tells Lupa the stars a card does not show; asked once for many page loads', async () => {
  // Cards that show only the buyer's name, the text and the field.
  lab.server.settings.wbCabinetMarkup = 'bare';
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
  // Without a token the stars are unknown: the 4★ review without words gets the first template for any stars.
  const fb4 = CABINET_REVIEWS.find((r) => r.id === 'fb-4') as (typeof CABINET_REVIEWS)[number];
  expect(await reviewCard(page, fb4).locator('[data-lupa="reply-insert"]').getAttribute('data-template')).toBe('thanks-5');

  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await options.locator('[data-lupa="token-input"]').fill(FIXTURE_SELLER_TOKEN);
  await options.locator('[data-lupa="token-check"]').click();
  await options.locator('[data-lupa="token-check"][data-value="ok"]').waitFor();
  await options.close();

  for (let load = 0; load < 2; load++) {
    await page.reload();
    await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
    expect(await firstTemplates(page)).toEqual(CABINET_REVIEWS.map((r) => FIRST_TEMPLATE[r.id]));
  }
  await reviewCard(page, fb4).locator('[data-lupa="reply-insert"]').click();
  expect(await fieldOf(reviewCard(page, fb4)).inputValue()).toMatch(/^Здравствуйте, Дмитрий!/);
  expect(lab.server.count(/^feedbacks-api\.wildberries\.ru\/api\/v1\/feedbacks$/)).toBe(1);
  // The page never gets the token.
  expect(await page.content()).not.toContain(FIXTURE_SELLER_TOKEN);
  lab.server.settings.wbCabinetMarkup = 'hashed';
  expect(lab.errors).toEqual([]);
  await page.close();
});

/** The reviews page's «Заполнить все» button (in its own shadow root). */
const fillAll = (page: Page) => page.locator('[data-lupa="reply-fill-all"]');

test('WB «Заполнить все»: a varied reply with each buyer’s name in every empty 4–5★ field, only on the user’s click; nothing sent; hard reviews handled', async () => {
  lab.server.settings.wbCabinetReviews = 'hard';
  lab.server.settings.wbCabinetMarkup = 'hashed';
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
  const all = [...CABINET_REVIEWS, ...CABINET_HARD_REVIEWS];
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(all.length);
  const good = all.filter((r) => r.rating >= 4);
  await expect.poll(() => fillAll(page).getAttribute('data-value')).toBe(String(good.length));
  // One control on the page, at the top of the first 4–5★ review.
  expect(await page.locator('lupa-reply-fill').count()).toBe(1);
  const field = (r: (typeof all)[number]) => fieldOf(cardOf(page, r.text || r.author));
  const byId = (id: string) => all.find((r) => r.id === id) as (typeof all)[number];

  const apiBefore = lab.server.count(/feedbacks-api/);
  // A review of 5 000 characters, one of emoji only: each gets the template its stars call for.
  const first = (r: (typeof all)[number]) =>
    cardOf(page, r.text || r.author)
      .locator('[data-lupa="reply-insert"]')
      .getAttribute('data-template');
  expect(await first(byId('fb-h2'))).toBe('thanks-5');
  expect(await first(byId('fb-h3'))).toBe('negative');

  // A page script's click does nothing.
  const clicked = await page.evaluate(() => {
    const button = document.querySelector('lupa-reply-fill')?.shadowRoot?.querySelector<HTMLElement>('[data-lupa="reply-fill-all"]');
    button?.click();
    return !!button;
  });
  expect(clicked).toBe(true);
  for (const r of all) expect(await field(r).inputValue()).toBe('');

  // What the seller already wrote stays.
  await field(byId('fb-4')).fill('Спасибо, Дмитрий!');
  await expect.poll(() => fillAll(page).getAttribute('data-value')).toBe(String(good.length - 1));
  await fillAll(page).click();
  expect(await fillAll(page).getAttribute('data-filled')).toBe(String(good.length - 1));
  expect(await field(byId('fb-4')).inputValue()).toBe('Спасибо, Дмитрий!');

  const olga = await field(byId('fb-3')).inputValue();
  const irina = await field(byId('fb-h2')).inputValue();
  const maria = await field(byId('fb-h1')).inputValue();
  expect(olga).toMatch(/Ольга!/);
  expect(irina).toMatch(/Ирина!/);
  // Three 5★ reviews in a row: not one text three times.
  expect(new Set([olga, irina, maria]).size).toBeGreaterThan(1);
  // Markup typed into a buyer's name is never written into the reply: the name, or a greeting without one.
  expect(maria).not.toMatch(/[<>]|onerror/);
  expect(maria).toMatch(/^(Спасибо|Здравствуйте)(, Мария)?!/);
  // The page's own counters saw each reply; the filled replies pass the tone check.
  for (const r of good) {
    const value = await field(r).inputValue();
    expect(await counterOf(cardOf(page, r.text || r.author)).textContent()).toBe(`${value.length} / 5000`);
  }
  expect(await page.locator('[data-lupa="tone-warning"]').count()).toBe(0);
  // Negative reviews are not "filled": a thank-you does not answer them.
  for (const r of all.filter((x) => x.rating < 4)) expect(await field(r).inputValue()).toBe('');
  // Nothing was sent: not one request to the seller API since the page was up (the page's own publish
  // button was never pressed; the fixture page has no other way to send).
  expect(lab.server.count(/feedbacks-api/)).toBe(apiBefore);
  lab.server.settings.wbCabinetReviews = 'plain';
  expect(lab.errors).toEqual([]);
  await page.close();
});

test('Ozon «Заполнить все»: the 5★ review gets its reply, the 2★ one and the answered one are left; the tone check names a rule risk there', async () => {
  const page = await lab.context.newPage();
  await page.goto('https://seller.ozon.ru/app/reviews');
  const [r1, r2] = OZON_REVIEWS as [(typeof OZON_REVIEWS)[number], (typeof OZON_REVIEWS)[number]];
  await cardOf(page, r2.text.positive).locator('[data-lupa="reply-insert"]').waitFor({ timeout: 20_000 });
  await expect.poll(() => fillAll(page).getAttribute('data-value')).toBe('1');
  await fillAll(page).click();
  const value = await fieldOf(cardOf(page, r2.text.positive)).inputValue();
  expect(value).toMatch(/Дмитрий!/);
  expect(await counterOf(cardOf(page, r2.text.positive)).textContent()).toBe(`${value.length} / 3000`);
  expect(await fieldOf(cardOf(page, r1.text.negative)).inputValue()).toBe('');
  // On Ozon, the other marketplace's name is the rule risk.
  await fieldOf(cardOf(page, r2.text.positive)).fill('Спасибо! Мы есть и на Wildberries.');
  const risk = cardOf(page, r2.text.positive).locator('[data-lupa="tone-warning"][data-value="rule-risk"]');
  expect(await risk.getAttribute('data-phrase')).toBe('Wildberries');
  // A long reply is checked once the seller pauses: its warning still comes.
  await fieldOf(cardOf(page, r2.text.positive)).fill(`Вы сами порвали шов. ${'Спасибо за отзыв! '.repeat(120)}`);
  const blame = cardOf(page, r2.text.positive).locator('[data-lupa="tone-warning"][data-value="blame"]');
  await blame.waitFor();
  expect(await blame.getAttribute('data-phrase')).toBe('Вы сами порвали');
  expect(lab.errors).toEqual([]);
  await page.close();
});

test('Templates the seller controls: stars and topics of one added with «Добавить», its variables checked and previewed; the cabinet offers it by its stars and previews it on the real review', async () => {
  lab.server.settings.wbCabinetReviews = 'plain';
  lab.server.settings.wbCabinetMarkup = 'hashed';
  const options = await lab.context.newPage();
  await options.goto(`chrome-extension://${lab.extensionId}/options.html`);
  await options.locator('[data-lupa="template-add"]').click();
  const own = options.locator('[data-lupa="template"]').last();
  // A seller's own template starts as a thank-you for 4–5★: no "no way out" for a thank-you.
  expect(await own.locator('[data-lupa="template-stars"]').getAttribute('data-value')).toBe('4,5');
  await own.locator('[data-lupa="template-title"]').fill('Спасибо от нас');
  await own.locator('[data-lupa="template-text"]').fill('Спасибо, {buyer}! Рады, что {product} понравился. Ждём вас в {shop}!');
  // An unknown variable is named; the preview fills the known ones.
  expect(await own.locator('[data-lupa="template-variable"]').evaluateAll((v) => v.map((x) => x.getAttribute('data-value')))).toEqual([
    'shop',
  ]);
  expect(await own.locator('[data-lupa="template-preview"]').textContent()).toMatch(/Спасибо, Анна! .*\{shop\}/);
  await own.locator('[data-lupa="template-text"]').fill('Спасибо, {buyer}! Рады, что покупка понравилась. Ждём вас снова!');
  expect(await own.locator('[data-lupa="template-variable"]').count()).toBe(0);
  expect(await own.locator('[data-lupa="tone-warning"]').count()).toBe(0);
  // Meant for 1★ too, the same thank-you offers no way out: the tone check says so; untick, and it is fine.
  await own.locator('[data-lupa="template-stars"] input[data-star="1"]').check();
  expect(await own.locator('[data-lupa="template-stars"]').getAttribute('data-value')).toBe('1,4,5');
  await own.locator('[data-lupa="tone-warning"][data-value="no-way-out"]').waitFor();
  await own.locator('[data-lupa="template-stars"] input[data-star="1"]').uncheck();
  await own.locator('[data-lupa="template-stars"] input[data-star="4"]').uncheck();
  expect(await own.locator('[data-lupa="tone-warning"]').count()).toBe(0);
  await own.locator('[data-lupa="template-topics"] input[data-topic="size"]').check();
  expect(await own.locator('[data-lupa="template-topics"]').getAttribute('data-value')).toBe('size');
  await own.locator('[data-lupa="template-topics"] input[data-topic="size"]').uncheck();
  await options.locator('[data-lupa="templates-save"]').click();
  await options.locator('[data-lupa="options-message"]').waitFor();
  await options.reload();
  const saved = options.locator('[data-lupa="template"]').last();
  await expect.poll(() => saved.locator('[data-lupa="template-stars"]').getAttribute('data-value')).toBe('5');
  const id = await saved.getAttribute('data-id');

  // The cabinet offers it for the 5★ review, not for the 1★ one; pointing at it previews it on that review.
  const page = await lab.context.newPage();
  await page.goto('https://seller.wildberries.ru/feedbacks-questions/feedbacks');
  await expect.poll(() => page.locator('lupa-reply-assistant').count(), { timeout: 20_000 }).toBe(CABINET_REVIEWS.length);
  const byId = (x: string) => CABINET_REVIEWS.find((r) => r.id === x) as (typeof CABINET_REVIEWS)[number];
  const mine = reviewCard(page, byId('fb-3')).locator(`[data-lupa="reply-suggest"][data-template="${id}"]`);
  expect(await mine.count()).toBe(1);
  expect(await reviewCard(page, byId('fb-1')).locator(`[data-template="${id}"]`).count()).toBe(0);
  await mine.hover();
  const preview = reviewCard(page, byId('fb-3')).locator('[data-lupa="reply-preview"]');
  await expect.poll(() => preview.textContent()).toBe('Спасибо, Ольга! Рады, что покупка понравилась. Ждём вас снова!');
  // Only a preview: the field is still empty until the seller clicks.
  expect(await fieldOf(reviewCard(page, byId('fb-3'))).inputValue()).toBe('');
  await mine.click();
  expect(await fieldOf(reviewCard(page, byId('fb-3'))).inputValue()).toBe('Спасибо, Ольга! Рады, что покупка понравилась. Ждём вас снова!');

  await options.getByText('Вернуть шаблоны по умолчанию').click();
  expect(lab.errors).toEqual([]);
  await options.close();
  await page.close();
});
