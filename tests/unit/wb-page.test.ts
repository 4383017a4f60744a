// The table of real Wildberries URLs is the documentation of page detection: each URL must be
// detected as its own page type and nothing else. When WB adds a URL form, add it here first.
import { describe, expect, test } from 'vitest';
import { detectWbPage, isWbStorefront, type WbPage } from '../../utils/marketplaces/wb/page';

const cases: Array<[string, WbPage]> = [
  ['https://www.wildberries.ru/catalog/146972802/detail.aspx', { type: 'product', nmId: 146972802, sizeId: null }],
  ['https://www.wildberries.ru/catalog/146972802/detail.aspx?size=245112002', { type: 'product', nmId: 146972802, sizeId: 245112002 }],
  [
    'https://www.wildberries.ru/catalog/146972802/detail.aspx?targetUrl=GP&size=245112002',
    { type: 'product', nmId: 146972802, sizeId: 245112002 },
  ],
  ['https://www.wildberries.ru/catalog/211695539/detail.aspx?targetUrl=XS', { type: 'product', nmId: 211695539, sizeId: null }],
  ['https://wildberries.ru/catalog/211695539/detail.aspx', { type: 'product', nmId: 211695539, sizeId: null }],
  ['https://m.wildberries.ru/catalog/183453012/detail.aspx', { type: 'product', nmId: 183453012, sizeId: null }],
  ['https://www.wildberries.ru/catalog/183453012/detail.aspx/', { type: 'product', nmId: 183453012, sizeId: null }],
  ['https://www.wildberries.ru/catalog/98765432/detail.aspx#reviews', { type: 'product', nmId: 98765432, sizeId: null }],
  ['https://www.wildberries.ru/catalog/255012877/feedbacks?imtId=238770015', { type: 'product', nmId: 255012877, sizeId: null }],
  ['https://www.wildberries.ru/catalog/255012877/questions', { type: 'product', nmId: 255012877, sizeId: null }],
  [
    'https://www.wildberries.ru/catalog/301245689/detail.aspx?size=401220011&utm_source=telegram&utm_campaign=promo',
    { type: 'product', nmId: 301245689, sizeId: 401220011 },
  ],
  ['https://www.wildberries.ru/CATALOG/301245689/DETAIL.ASPX', { type: 'product', nmId: 301245689, sizeId: null }],
  ['https://www.wildberries.ru/catalog/985432101/detail.aspx?size=abc', { type: 'product', nmId: 985432101, sizeId: null }],
  [
    'https://www.wildberries.ru/catalog/0/search.aspx?search=%D1%84%D1%83%D1%82%D0%B1%D0%BE%D0%BB%D0%BA%D0%B0%20%D0%BE%D0%B2%D0%B5%D1%80%D1%81%D0%B0%D0%B9%D0%B7',
    { type: 'search', query: 'футболка оверсайз' },
  ],
  [
    'https://www.wildberries.ru/catalog/0/search.aspx?page=2&sort=popular&search=кроссовки+мужские',
    { type: 'search', query: 'кроссовки мужские' },
  ],
  ['https://www.wildberries.ru/catalog/0/search.aspx?search=', { type: 'other' }],
  ['https://www.wildberries.ru/catalog/zhenshchinam/odezhda/platya', { type: 'catalog', path: '/catalog/zhenshchinam/odezhda/platya' }],
  [
    'https://www.wildberries.ru/catalog/elektronika/naushniki-i-garnitury?sort=popular&page=2',
    { type: 'catalog', path: '/catalog/elektronika/naushniki-i-garnitury' },
  ],
  ['https://www.wildberries.ru/brands/urban-tiger', { type: 'brand', slug: 'urban-tiger' }],
  ['https://www.wildberries.ru/brands/urban-tiger/all?sort=newly', { type: 'brand', slug: 'urban-tiger' }],
  ['https://www.wildberries.ru/seller/250012345', { type: 'seller', supplierId: 250012345 }],
  ['https://www.wildberries.ru/', { type: 'other' }],
  ['https://www.wildberries.ru/lk/basket', { type: 'other' }],
  ['https://www.wildberries.ru/catalog/12/detail.aspx', { type: 'other' }],
  ['https://seller.wildberries.ru/feedbacks-questions/feedbacks', { type: 'other' }],
  ['https://www.ozon.ru/product/termokruzhka-500-ml-123456789/', { type: 'other' }],
  ['http://www.wildberries.ru/catalog/146972802/detail.aspx', { type: 'other' }],
  ['https://www.wildberries.ru.evil.example/catalog/146972802/detail.aspx', { type: 'other' }],
  ['https://wildberries.ru@evil.example/catalog/146972802/detail.aspx', { type: 'other' }],
  ['not a url at all', { type: 'other' }],
];

describe('Wildberries page detection', () => {
  test.each(cases)('%s', (url, expected) => {
    // If this fails after WB changed a URL form: fix the pattern in utils/marketplaces/wb/page.ts,
    // keep the old form in this table while the site still serves it.
    expect(detectWbPage(url)).toEqual(expected);
  });

  test('the table covers every page type', () => {
    expect(new Set(cases.map(([, page]) => page.type))).toEqual(new Set(['product', 'search', 'catalog', 'brand', 'seller', 'other']));
  });

  test('only https storefront hosts count as the storefront', () => {
    expect(isWbStorefront('https://www.wildberries.ru/')).toBe(true);
    expect(isWbStorefront('https://seller.wildberries.ru/')).toBe(false);
    expect(isWbStorefront('http://www.wildberries.ru/')).toBe(false);
    expect(isWbStorefront('chrome-extension://abc/popup.html')).toBe(false);
  });
});
