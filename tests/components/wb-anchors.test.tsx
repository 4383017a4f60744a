// Where Lupa's UI goes on Wildberries pages, on markup shaped like each layout the reference records
// (../shared/reference/wildberries.md §2 for 2026, §2.1 for the BEM layouts of July 2025).
import { expect, test } from 'vitest';
import { badgeSlot, pageWalletPrice, priceFromText, productAnchor, queryTiles, tileArticle } from '../../utils/marketplaces/wb/selectors';

/** A page of saved-like markup (parsed, never run). */
const page = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');

const PRICES = '<ins class="price-block__final-price">1 790 ₽</ins><span class="price-block__wallet-price">1 736 ₽</span>';

test.each([
  ['§2.1 layout 1', `<div class="product-page__aside"><div class="product-page__price-block" id="a">${PRICES}</div></div>`],
  [
    '§2.1 layout 2',
    `<div class="product-page__grid"><div class="product-page__price-block" id="a"><div class="product-page__price-block-wrap">${PRICES}</div></div></div>`,
  ],
  [
    '§2.1 layout 3 (no price block around the wrap)',
    `<div class="product-page__grid"><div class="product-page__top-blocks"><div class="product-page__price-block-wrap" id="a">${PRICES}</div></div></div>`,
  ],
])('the panel goes after the BEM price block: %s', (_name, html) => {
  const doc = page(html);
  expect(productAnchor(doc)?.id).toBe('a');
  expect(pageWalletPrice(doc)).toBe(173_600);
});

test('the panel goes after the 2026 price block, whatever the hash', () => {
  for (const hash of ['x7Tq2', 'a+b_9', 'ZZ-1']) {
    const doc = page(`
      <div class="productPage--${hash}"><div class="productAside--${hash}">
        <h1 class="productTitle--${hash}">Кроссовки</h1>
        <div class="priceBlock--${hash}" id="a"><div class="priceBlockContent--${hash}">
          <div class="priceBlockWalletPrice--${hash}"><span>1&nbsp;736&nbsp;₽</span> с WB Кошельком</div>
          <div class="priceBlockPriceWrap--${hash}">
            <ins class="priceBlockFinalPrice--${hash}">1&nbsp;790&nbsp;₽</ins>
            <span class="priceBlockPrice--${hash}"><del>2 500 ₽</del></span>
          </div>
        </div></div>
      </div></div>`);
    expect(productAnchor(doc)?.id).toBe('a');
    expect(pageWalletPrice(doc)).toBe(173_600);
  }
});

test('a 2026 price whose wrappers carry other names: the panel goes after the element holding it', () => {
  const doc = page('<div class="buy--1" id="a"><ins class="other priceBlockFinalPrice--q1">990 ₽</ins></div>');
  expect(productAnchor(doc)?.id).toBe('a');
  expect(pageWalletPrice(doc)).toBeNull();
});

test('no known price block: no anchor (the panel floats), no wallet price', () => {
  const doc = page('<div class="renamed-by-wb-2027"><ins class="cost-now">1 790 ₽</ins><span class="cost-wallet">1 736 ₽</span></div>');
  expect(productAnchor(doc)).toBeNull();
  expect(pageWalletPrice(doc)).toBeNull();
});

test('prices as the page prints them', () => {
  expect(priceFromText('1\u00a0790\u00a0₽')).toBe(179_000);
  expect(priceFromText('1\u2009790,50 ₽ с WB Кошельком')).toBe(179_050);
  expect(priceFromText('с WB Кошельком')).toBeNull();
  expect(priceFromText('0 ₽')).toBeNull();
});

test('badges go into the tips row, else before the order buttons, else at the top of the tile', () => {
  const doc = page(`
    <article class="product-card" data-nm-id="1" id="t1"><div class="product-card__top-wrap"><div class="product-card__tips product-card__tips--top"><span>Хит</span></div></div>
      <div class="product-card__bottom-wrap"><div class="product-card__order-wrap"></div></div></article>
    <article class="product-card" data-nm-id="2" id="t2"><div class="product-card__bottom-wrap"><span class="x"></span><div class="product-card__order-wrap"></div></div></article>
    <article class="product-card" data-nm-id="3" id="t3"><a href="/catalog/3/detail.aspx">x</a></article>`);
  const [t1, t2, t3] = queryTiles(doc);
  const s1 = badgeSlot(t1 as Element);
  expect(s1.parent.classList.contains('product-card__tips--top')).toBe(true);
  expect((s1.before as Element).textContent).toBe('Хит');
  const s2 = badgeSlot(t2 as Element);
  expect(s2.parent.className).toBe('product-card__bottom-wrap');
  expect((s2.before as Element).className).toBe('product-card__order-wrap');
  const s3 = badgeSlot(t3 as Element);
  expect(s3.parent).toBe(t3);
  expect(s3.before).toBe(t3?.firstChild);
});

test('carousel tiles on a product page carry their article in data-popup-nm-id', () => {
  const doc = page(`
    <div class="cards-list__container">
      <article class="product-card j-card-item" data-popup-nm-id="146972802"></article>
      <article class="product-card j-card-item" data-popup-nm-id="211695539"></article>
    </div>`);
  expect(queryTiles(doc).map(tileArticle)).toEqual(['146972802', '211695539']);
});
