import { describe, expect, test } from 'vitest';
import { cardFromOzon, entriesFromOzon, isOzonBlock } from '../../utils/marketplaces/ozon/normalise';
import { detectOzonPage, type OzonPage } from '../../utils/marketplaces/ozon/page';
import { parseRub } from '../../utils/marketplaces/ozon/price';
import { OzonPageJsonSchema } from '../../utils/marketplaces/ozon/schemas';
import { FetchProblem } from '../../utils/net';
import * as ozon from '../fixtures/ozon/catalog.mjs';

const urls: Array<[string, OzonPage]> = [
  ['https://www.ozon.ru/product/termokruzhka-500-ml-s-kryshkoy-1649246352/', { type: 'product', sku: 1649246352 }],
  ['https://www.ozon.ru/product/1649246352/', { type: 'product', sku: 1649246352 }],
  [
    'https://www.ozon.ru/product/termokruzhka-500-ml-1649246352/?asb=2Xyz&avtc=1&avte=2&keywords=%D1%82%D0%B5%D1%80%D0%BC%D0%BE',
    { type: 'product', sku: 1649246352 },
  ],
  ['https://www.ozon.ru/product/termokruzhka-500-ml-1649246352', { type: 'product', sku: 1649246352 }],
  ['https://www.ozon.ru/context/detail/id/1649246352/', { type: 'product', sku: 1649246352 }],
  ['https://www.ozon.ru/product/termokruzhka-500-ml-1649246352/reviews/', { type: 'product', sku: 1649246352 }],
  ['https://www.ozon.ru/product/1649246352/questions/?qid=778812', { type: 'product', sku: 1649246352 }],
  ['https://ozon.ru/product/naushniki-besprovodnye-tws-987654321/', { type: 'product', sku: 987654321 }],
  [
    'https://www.ozon.ru/product/smartfon-apple-iphone-15-128-gb-chernyy-1067025156/?oos_search=false&sh=abc',
    { type: 'product', sku: 1067025156 },
  ],
  ['https://www.ozon.ru/product/krossovki-muzhskie-2024-beg-1122334455/', { type: 'product', sku: 1122334455 }],
  [
    'https://www.ozon.ru/search/?text=%D1%82%D0%B5%D1%80%D0%BC%D0%BE%D0%BA%D1%80%D1%83%D0%B6%D0%BA%D0%B0&from_global=true',
    { type: 'search', text: 'термокружка' },
  ],
  ['https://www.ozon.ru/search/?from_global=true&text=наушники+беспроводные&page=2', { type: 'search', text: 'наушники беспроводные' }],
  ['https://www.ozon.ru/search/?text=', { type: 'other' }],
  ['https://www.ozon.ru/category/termokruzhki-i-termostakany-14657/', { type: 'category', slug: 'termokruzhki-i-termostakany', id: 14657 }],
  [
    'https://www.ozon.ru/category/naushniki-i-bluetooth-garnitury-15548/?category_was_predicted=true',
    { type: 'category', slug: 'naushniki-i-bluetooth-garnitury', id: 15548 },
  ],
  ['https://www.ozon.ru/seller/teplodom-1179237/', { type: 'seller', key: 'teplodom-1179237' }],
  ['https://www.ozon.ru/seller/1179237/products/?page=2', { type: 'seller', key: '1179237' }],
  ['https://www.ozon.ru/', { type: 'other' }],
  ['https://www.ozon.ru/cart', { type: 'other' }],
  ['https://www.ozon.ru/t/AbC123', { type: 'other' }],
  ['https://seller.ozon.ru/app/products', { type: 'other' }],
  ['https://www.ozon.ru.evil.example/product/x-1649246352/', { type: 'other' }],
  ['http://www.ozon.ru/product/x-1649246352/', { type: 'other' }],
  ['https://www.ozon.ru/product/just-a-slug/', { type: 'other' }],
];

describe('Ozon page detection', () => {
  test.each(urls)('%s', (url, expected) => {
    // When Ozon adds a URL form: add it here, then fix utils/marketplaces/ozon/page.ts.
    expect(detectOzonPage(url)).toEqual(expected);
  });
});

describe('Ozon price strings', () => {
  test.each([
    ['5 433 ₽', 543300],
    ['5\u00a0433\u00a0₽', 543300],
    ['2\u2009750,50\u00a0₽', 275050],
    ['1\u202f299 ₽', 129900],
    ['от 1 200 ₽', 120000],
    ['от\u00a01\u00a0200\u00a0₽', 120000],
    ['79 990 руб.', 7999000],
    ['3490', 349000],
    ['12,5 ₽', 1250],
    ['0 ₽', 0],
    ['', null],
    ['Нет в наличии', null],
    ['1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 ₽', null],
    ['-100 ₽', null],
    ['$15', null],
  ])('%j → %s', (text, kopecks) => {
    expect(parseRub(text)).toBe(kopecks);
  });
  test('missing', () => {
    expect(parseRub(undefined)).toBeNull();
    expect(parseRub(null)).toBeNull();
  });
});

describe('Ozon product page JSON', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');
  const card = (i: number) => {
    const p = ozon.products[i]!;
    return cardFromOzon(OzonPageJsonSchema.parse(ozon.productPageJson(p)), p.sku, now);
  };

  test('price, card price, price before, rating, reviews, seller from the widgets', () => {
    expect(card(0)).toMatchObject({
      marketplace: 'ozon',
      id: '1649246352',
      name: 'Термокружка 500 мл с крышкой, нержавеющая сталь',
      priceNow: 129000,
      priceCard: 119900,
      priceBefore: 249000,
      discountPct: 48,
      rating: 4.8,
      reviewCount: 711,
      seller: { id: 'teplodom-1179237', name: 'ТеплоДом', rating: null },
      stockKnown: false,
    });
  });

  test('a card price with a thin space and kopecks', () => {
    expect(card(1)).toMatchObject({ priceNow: 289900, priceCard: 275050 });
  });

  test('no original price shown: the price before is the price', () => {
    expect(card(2)).toMatchObject({ priceNow: 7999000, priceBefore: 7999000, discountPct: 0, priceCard: null });
  });

  test('out of stock: no price', () => {
    expect(card(3)).toMatchObject({ priceNow: null, priceBefore: null, priceCard: null, rating: 4.6, reviewCount: 85 });
  });

  test('the price widget moved: price and rating from the JSON-LD', () => {
    expect(card(4)).toMatchObject({ name: 'Кроссовки мужские беговые', priceNow: 349000, rating: 4.3, reviewCount: 219, brand: 'STRIDE' });
  });

  test('a price widget of another shape is "format changed", not a wrong figure', () => {
    const json = OzonPageJsonSchema.parse(ozon.productPageJson(ozon.products[0]!));
    json.widgetStates['webPrice-3121879-default-1'] = JSON.stringify({ price: { amount: 1290 } });
    expect(() => cardFromOzon(OzonPageJsonSchema.parse(json), 1, now)).toThrow(FetchProblem);
  });

  test('a page without any title is not a product', () => {
    expect(cardFromOzon({ widgetStates: {} }, 1, now)).toBeNull();
  });
});

test('anti-bot answers are recognised: 403, captcha page, incident id, challenge URL', () => {
  const r = (status: number, body: string) => ({ status, body, retryAfter: null });
  expect(isOzonBlock(r(403, '{}'))).toBe(true);
  expect(isOzonBlock(r(200, '<script src="https://st.ozone.ru/s3/abt-challenge/script_x.js"></script>'))).toBe(true);
  expect(isOzonBlock(r(200, '{"incidentId":"b1c2"}'))).toBe(true);
  expect(isOzonBlock(r(200, '{"challengeURL":"/abt/x"}'))).toBe(true);
  expect(isOzonBlock(r(200, JSON.stringify(ozon.productPageJson(ozon.products[0]!))))).toBe(false);
});

test('listing tiles: article from the id or the link, price, rating and review count from the atoms', () => {
  const entries = entriesFromOzon(OzonPageJsonSchema.parse(ozon.searchPageJson('термокружка', 1)), 0, 0);
  expect(entries).toHaveLength(12);
  expect(entries[2]).toMatchObject({ id: '1649246352', displayed: 3, priceNow: 129000, rating: 4.8, reviewCount: 711 });
});

test("embedded JSON-LD: only this article's Product counts; broken or foreign scripts are skipped", async () => {
  const { cardFromEmbedded } = await import('../../utils/marketplaces/ozon/normalise');
  const p = ozon.products[0]!;
  const ld = ozon.productPageJson(p).seo.script[0]!.innerHTML;
  const other = ozon.productPageJson(ozon.products[1]!).seo.script[0]!.innerHTML;
  const org = JSON.stringify({ '@type': 'Organization', name: 'OZON' });
  expect(cardFromEmbedded(['{ broken', org, other, ld], p.sku, 0)).toMatchObject({ id: String(p.sku), priceNow: 129000, rating: 4.8 });
  expect(cardFromEmbedded([other], p.sku, 0)).toBeNull();
  expect(cardFromEmbedded([], p.sku, 0)).toBeNull();
});
