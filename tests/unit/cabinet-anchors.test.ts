// @vitest-environment jsdom
// Finding reviews, answer fields and price rows in the seller cabinets by what the page shows
// (components/cabinet/anchors.ts). Markup in the real cabinets' style: hashed CSS-module classes
// (`Block__element__<hash>`), no data-testid, stars only as an aria-label, the buyer's name and
// "Артикул WB: N" as plain text. No class below is known to Lupa; each test would pass as well
// with other hashes.
import { expect, test } from 'vitest';
import {
  answerFields,
  fieldText,
  findReviews,
  isMeta,
  type KnownReview,
  looksLikeName,
  priceRows,
  reviewCards,
  reviewShown,
  starsFromLabel,
  textBlocks,
} from '../../components/cabinet/anchors';
import { fillLikeTyping } from '../../components/reply-assistant/assist';
import { ozonCabinet } from '../../utils/marketplaces/ozon/cabinet';
import { wbCabinet } from '../../utils/marketplaces/wb/cabinet';

const h = () => Math.random().toString(36).slice(2, 12);
const c = (name: string) => `${name}__${h()}`;

/** A page of cabinet-like markup (parsed, never run). */
let doc: Document;
const load = (html: string) => {
  doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
};

const wbCard = (r: {
  stars?: number;
  buyer?: string;
  product?: string;
  article?: number;
  text?: string;
  field?: 'textarea' | 'editable' | null;
}) => `
  <div class="${c('Feedback-card')}">
    <div class="${c('Feedback-card__header')}">
      ${r.buyer ? `<span class="${c('Feedback-card__user-name')}">${r.buyer}</span>` : ''}
      <span class="${c('Feedback-card__date')}">21 ноября 2026, 09:14</span>
      ${r.stars ? `<div class="${c('Rating__stars')}" aria-label="Оценка ${r.stars} из 5"><svg></svg><svg></svg></div>` : ''}
    </div>
    ${
      r.article
        ? `<div class="${c('Product-info')}"><img alt=""><a href="https://www.wildberries.ru/catalog/${r.article}/detail.aspx">${r.product}</a>
           <span class="${c('Product-info__article')}">Артикул WB: ${r.article}</span></div>`
        : ''
    }
    ${r.text ? `<p class="${c('Feedback-card__text')}">${r.text}</p>` : ''}
    <div class="${c('Answer-form')}">
      ${r.field === 'editable' ? `<div contenteditable="true" class="${c('Answer-form__input')}"></div>` : r.field === null ? '' : `<textarea class="${c('Answer-form__textarea')}" placeholder="Ваш ответ"></textarea>`}
      <span class="${c('Answer-form__counter')}">0 / 5000</span>
      <button class="${c('Button')}">Опубликовать</button>
    </div>
  </div>`;

const REVIEWS = [
  { stars: 1, buyer: 'Анна', product: 'Футболка оверсайз из хлопка с принтом', article: 146972802, text: 'Пришел брак, дырка на рукаве' },
  { stars: 2, buyer: 'Сергей К.', product: 'Кроссовки мужские для бега амортизирующие', article: 211695539, text: 'маломерит на размер' },
  { stars: 5, buyer: 'Ольга', product: 'Наушники беспроводные TWS с шумоподавлением', article: 255012877, text: 'Отличные, звук супер 😍' },
];

const page = (cards: string) => {
  load(`<nav class="${c('Sidebar')}"><a href="/feedbacks">Отзывы</a></nav>
    <main class="${c('Layout__main')}"><h1>Отзывы без ответа</h1><div class="${c('Feedbacks-list')}">${cards}</div></main>`);
};

const found = (known: KnownReview[] | null = null, questions = false) => {
  const all = answerFields(doc.body);
  return findReviews(doc.body, wbCabinet.review, { fields: all, all, questions, known });
};

test('stars from the labels the cabinets give them, not from any "N из 5"', () => {
  const forms = wbCabinet.review.stars;
  expect(starsFromLabel('Оценка 4 из 5', forms)).toBe(4);
  expect(starsFromLabel('оценка: 2', forms)).toBe(2);
  expect(starsFromLabel('4 звезды', forms)).toBe(4);
  expect(starsFromLabel('1 звезда', forms)).toBe(1);
  expect(starsFromLabel('5 звёзд', forms)).toBe(5);
  expect(starsFromLabel('Оценка товара: 4,7', forms)).toBeNull();
  expect(starsFromLabel('Страница 4 из 5', forms)).toBeNull();
  expect(starsFromLabel('', forms)).toBeNull();
});

test('a name is one to three capitalised words; dates, counters and UI words are not anybody’s words', () => {
  for (const name of ['Анна', 'Сергей К.', 'Мария Ивановна', 'Anna']) expect(looksLikeName(name)).toBe(true);
  for (const text of ['Опубликовать', 'маломерит на размер', 'Пришел брак', 'Артикул WB: 146972802', '21 ноября'])
    expect(looksLikeName(text)).toBe(false);
  for (const text of ['0 / 5000', '21 ноября 2026, 09:14', '12.11.2026', '★★★★☆', 'Ответить']) expect(isMeta(text)).toBe(true);
  expect(isMeta('Пришел брак, дырка на рукаве')).toBe(false);
});

test('text blocks: inline runs are one block, a break separates, buttons, fields and Lupa’s hosts are no text', () => {
  load(`<div><p>Пришел <b>брак</b>, дырка<br>на рукаве</p><button>Ответить</button>
    <textarea>мой ответ</textarea><div contenteditable="true">черновик</div><lupa-reply-assistant>Lupa</lupa-reply-assistant></div>`);
  expect(textBlocks(doc.body).map((b) => b.text)).toEqual(['Пришел брак, дырка на рукаве']);
});

test('a review card in the 2026 style: stars from the aria-label, buyer, article, product and text from plain text', () => {
  page(wbCard({ ...(REVIEWS[0] as (typeof REVIEWS)[number]), stars: 4 }));
  const card = doc.querySelector('main div div') as Element;
  expect(reviewShown(card, wbCabinet.review)).toEqual({
    stars: 4,
    article: '146972802',
    buyer: 'Анна',
    product: 'Футболка оверсайз из хлопка с принтом',
    text: 'Пришел брак, дырка на рукаве',
  });
});

test('every answer field is matched to its own review, whatever the classes', () => {
  page(REVIEWS.map((r) => wbCard(r)).join(''));
  const reviews = found();
  expect(reviews.map(({ stars, buyer, article, text, product }) => ({ stars, buyer, article, text, product }))).toEqual(
    REVIEWS.map(({ stars, buyer, article, text, product }) => ({ stars, buyer, article: String(article), text, product })),
  );
  // Each field is the one inside its own review's card.
  for (const r of reviews) expect(r.card.contains(r.field)).toBe(true);
  expect(new Set(reviews.map((r) => r.card)).size).toBe(3);
});

test('a single field (the cabinet opens one answer form at a time) belongs to the review around it, not the first', () => {
  page(REVIEWS.map((r, i) => wbCard({ ...r, field: i === 1 ? 'editable' : null })).join(''));
  const [only, ...rest] = found();
  expect(rest).toEqual([]);
  expect(only?.field.getAttribute('contenteditable')).toBe('true');
  expect(only).toMatchObject({ stars: 2, buyer: 'Сергей К.', text: 'маломерит на размер', article: '211695539' });
});

test('a field that answers no review (a note, a chat box) gets nothing', () => {
  load(`<main><h1>Настройки</h1><div class="${c('Notes')}"><textarea></textarea><button>Сохранить</button></div></main>`);
  expect(found()).toEqual([]);
});

test('questions: no stars, the question’s text and article', () => {
  page(
    wbCard({
      buyer: 'Марина',
      product: 'Футболка оверсайз из хлопка с принтом',
      article: 146972802,
      text: 'Подскажите, какой размер брать на рост 170?',
    }),
  );
  expect(found(null, true)).toMatchObject([{ stars: null, article: '146972802', text: 'Подскажите, какой размер брать на рост 170?' }]);
});

const known = (r: (typeof REVIEWS)[number], id: string): KnownReview => ({
  id,
  parts: r.text ? [r.text] : [],
  buyer: r.buyer,
  article: String(r.article),
  stars: r.stars,
  product: r.product,
  brand: 'Lupa',
});

test('with the seller API’s list, a card that shows only the text and the field is known by its text', () => {
  page(REVIEWS.map((r) => wbCard({ text: r.text })).join(''));
  // Without the list, nothing says the stars, the buyer or the article.
  expect(found().map((r) => r.stars)).toEqual([null, null, null]);
  const list = [...REVIEWS].reverse().map((r, i) => known(r, `fb-${i}`));
  const reviews = found(list);
  expect(reviews.map(({ stars, buyer, article, brand }) => ({ stars, buyer, article, brand }))).toEqual(
    REVIEWS.map((r) => ({ stars: r.stars, buyer: r.buyer, article: String(r.article), brand: 'Lupa' })),
  );
});

test('with the list, a review without text is known by its buyer and article; an unknown one is read off the page', () => {
  const [a, b] = REVIEWS as [(typeof REVIEWS)[number], (typeof REVIEWS)[number]];
  page(wbCard({ ...a, text: '', stars: undefined }) + wbCard(b));
  const reviews = found([known({ ...a, text: '' }, 'fb-a')]);
  expect(reviews[0]).toMatchObject({ stars: a.stars, buyer: a.buyer, text: '' });
  expect(reviews[1]).toMatchObject({ stars: b.stars, buyer: b.buyer, text: b.text });
});

test('with the list, a card showing only a name is known when no other known review has that name; two of a name are not told apart', () => {
  const [a, b] = REVIEWS as [(typeof REVIEWS)[number], (typeof REVIEWS)[number]];
  page(wbCard({ buyer: a.buyer }));
  expect(found([known(a, 'fb-a'), known(b, 'fb-b')])[0]).toMatchObject({ stars: a.stars, article: String(a.article), text: a.text });
  expect(found([known(a, 'fb-a'), known({ ...b, buyer: a.buyer }, 'fb-b')])[0]).toMatchObject({ stars: null, article: '', text: '' });
});

test('Ozon: a review’s text in parts (pros, cons, comment) is read whole; answered cards are told apart', () => {
  const card = (stars: number, buyer: string, parts: Array<[string, string]>, answer?: string) => `
    <div class="card_${h()}">
      <div class="head_${h()}"><b>${buyer}</b><div role="img" aria-label="${stars} звезды"></div></div>
      <div class="product_${h()}"><span>Футболка оверсайз, хлопок, с принтом</span><span>SKU 754321987</span></div>
      ${parts.map(([label, text]) => `<div class="part_${h()}"><span>${label}</span><p>${text}</p></div>`).join('')}
      ${answer ? `<div class="answer_${h()}"><b>Ваш ответ</b><p>${answer}</p></div>` : '<textarea></textarea>'}
    </div>`;
  load(
    `<main><h1>Отзывы</h1><section>${card(2, 'Екатерина', [
      ['Достоинства', 'Ткань приятная'],
      ['Недостатки', 'Маломерит, размер M как S'],
      ['Комментарий', 'Пришлось оформить возврат'],
    ])}${card(4, 'Ольга', [['Достоинства', 'Хорошая']], 'Ольга, спасибо за отзыв!')}</section></main>`,
  );
  const all = answerFields(doc.body);
  const [review] = findReviews(doc.body, ozonCabinet.review, { fields: all, all, questions: false, known: null });
  expect(review).toMatchObject({
    stars: 2,
    buyer: 'Екатерина',
    article: '754321987',
    product: 'Футболка оверсайз, хлопок, с принтом',
    text: 'Ткань приятная. Маломерит, размер M как S. Пришлось оформить возврат',
  });
  expect(reviewCards(doc.body, ozonCabinet.review, false).map((x) => x.answered)).toEqual([false, true]);
});

test('price rows in a grid of divs: by the article shown and the inputs under "Цена" and "Скидка"', () => {
  const cell = (inner: string) => `<div class="Table__cell__${h()}">${inner}</div>`;
  const row = (article: number, price: number, discount: number) =>
    `<div class="Table__row__${h()}">${cell(String(article))}${cell('Товар')}${cell(`<input value="${discount}">`)}${cell(`<input value="${price}">`)}${cell(`${Math.round(price * (1 - discount / 100))} ₽`)}${cell('')}</div>`;
  load(`<main><h1>Цены и скидки</h1><input type="search" placeholder="Поиск по артикулу">
    <div class="Table__${h()}"><div class="Table__head__${h()}">${cell('Артикул WB')}${cell('Товар')}${cell('Скидка, %')}${cell('Цена, ₽')}${cell('Цена со скидкой')}${cell('')}</div>
    ${row(146972802, 3990, 45)}${row(211695539, 6990, 30)}</div></main>`);
  const rows = priceRows(doc.body, wbCabinet.prices);
  expect(rows.map((r) => [r.article, r.price?.value, r.discount?.value])).toEqual([
    ['146972802', '3990', '45'],
    ['211695539', '6990', '30'],
  ]);
  expect(rows.every((r) => r.row.textContent?.includes(r.article))).toBe(true);
});

test('price rows in a table: the header says which input is the price; unlabelled inputs go by their values', () => {
  load(`<main><table><tr><th>SKU</th><th>Товар</th><th>Цена до скидки</th><th>Ваша цена</th><th></th></tr>
    <tr><td>754321987</td><td>Футболка</td><td>2 990 ₽</td><td><input value="1 890"></td><td></td></tr></table></main>`);
  const ozon = priceRows(doc.body, ozonCabinet.prices);
  expect(ozon.map((r) => [r.article, r.price?.value, r.discount])).toEqual([['754321987', '1 890', null]]);
  load(`<main><table><tr><td>Артикул WB: 146972802</td><td><input value="45"></td><td><input value="3990"></td></tr></table></main>`);
  const wb = priceRows(doc.body, wbCabinet.prices);
  expect(wb.map((r) => [r.article, r.price?.value, r.discount?.value])).toEqual([['146972802', '3990', '45']]);
});

test('a reply goes into a textarea or an editable element as typing would: the page sees an input event with the text', () => {
  document.body.replaceChildren();
  const area = document.createElement('textarea');
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  document.body.append(area, editor);
  for (const field of [area, editor]) {
    const seen: string[] = [];
    field.addEventListener('input', () => seen.push(fieldText(field)));
    fillLikeTyping(field, 'Здравствуйте, Анна!');
    expect(seen).toEqual(['Здравствуйте, Анна!']);
    expect(fieldText(field)).toBe('Здравствуйте, Анна!');
  }
});
