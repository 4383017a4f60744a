// What the user may paste for a product (popup lookup, twin, competitor): every form a seller
// copies from a storefront, and what must not be taken for a product.
import { describe, expect, test } from 'vitest';
import { parseProductRef, productRefCandidates, productUrl } from '../../utils/marketplaces/refs';
import type { Marketplace, ProductRef } from '../../utils/model';

const wb = (id: string): ProductRef => ({ marketplace: 'wb', id });
const ozon = (id: string): ProductRef => ({ marketplace: 'ozon', id });

const cases: Array<[string, Marketplace | null, ProductRef | null]> = [
  // Wildberries product links, as copied from the address bar or the share button
  ['https://www.wildberries.ru/catalog/255012877/detail.aspx', null, wb('255012877')],
  ['https://www.wildberries.ru/catalog/146972802/detail.aspx?size=245112002&targetUrl=GP', 'ozon', wb('146972802')],
  ['https://m.wildberries.ru/catalog/183453012/detail.aspx', null, wb('183453012')],
  ['https://www.wildberries.ru/catalog/255012877/feedbacks?imtId=238770015', null, wb('255012877')],
  ['wildberries.ru/catalog/211695539/detail.aspx', null, wb('211695539')],
  ['www.wildberries.ru/catalog/98765432/detail.aspx', 'ozon', wb('98765432')],
  ['  https://www.wildberries.ru/catalog/255012877/detail.aspx  ', null, wb('255012877')],
  // Ozon product links
  ['https://www.ozon.ru/product/termokruzhka-500-ml-s-kryshkoy-1649246352/', null, ozon('1649246352')],
  ['https://www.ozon.ru/product/naushniki-tws-987654321/?asb=1&avtc=1', 'wb', ozon('987654321')],
  ['https://www.ozon.ru/product/1649246352/', null, ozon('1649246352')],
  ['ozon.ru/product/987654321/', null, ozon('987654321')],
  ['https://www.ozon.ru/product/smartfon-apple-iphone-15-128-gb-chernyy-1067025156/reviews/', null, ozon('1067025156')],
  ['https://www.ozon.ru/context/detail/id/1649246352/', null, ozon('1649246352')],
  // A bare article belongs to the marketplace the caller names, and to none without one
  ['255012877', 'wb', wb('255012877')],
  [' 987654321 ', 'ozon', ozon('987654321')],
  ['1649246352', null, null],
  ['123', 'wb', null], // too short for an article
  ['1234567890123456', 'wb', null], // 16 digits
  // Not a product
  ['наушники', 'wb', null],
  ['', 'wb', null],
  ['https://www.wildberries.ru/catalog/0/search.aspx?search=наушники', 'wb', null],
  ['https://www.wildberries.ru/catalog/12/detail.aspx', 'wb', null],
  ['https://www.wildberries.ru/brands/urban-tiger', 'wb', null],
  ['https://www.ozon.ru/category/termokruzhki-i-termostakany-14657/', 'ozon', null],
  ['https://www.ozon.ru/product/just-a-slug/', 'ozon', null],
  ['https://evil.example/product/x-123456/', 'ozon', null],
  ['https://www.ozon.ru.evil.example/product/x-1649246352/', 'ozon', null],
  ['http://www.wildberries.ru/catalog/146972802/detail.aspx', 'wb', null],
  ['https://example.com/не-товар', 'wb', null],
];

describe('a product from what the user pasted', () => {
  test.each(cases)('%j (bare article on %s)', (input, bareOn, expected) => {
    expect(parseProductRef(input, bareOn)).toEqual(expected);
  });
});

describe("a product's storefront page", () => {
  test.each([
    [wb('255012877'), 'https://www.wildberries.ru/catalog/255012877/detail.aspx'],
    [wb('98765432'), 'https://www.wildberries.ru/catalog/98765432/detail.aspx'],
    [ozon('1649246352'), 'https://www.ozon.ru/product/1649246352/'],
    [ozon('987654321'), 'https://www.ozon.ru/product/987654321/'],
  ])('%j → %s', (ref, url) => {
    expect(productUrl(ref)).toBe(url);
  });

  test('the link Lupa builds reads back as the same product', () => {
    for (const ref of [wb('146972802'), ozon('1067025156')]) expect(parseProductRef(productUrl(ref), null)).toEqual(ref);
  });
});

describe('what a pasted text may mean', () => {
  test('a bare article: the product on each marketplace in turn, Wildberries first', () => {
    expect(productRefCandidates(' 146972802 ')).toEqual([
      { marketplace: 'wb', id: '146972802' },
      { marketplace: 'ozon', id: '146972802' },
    ]);
  });
  test('a link: only the product it names', () => {
    expect(productRefCandidates('https://www.ozon.ru/product/termokruzhka-1649246352/')).toEqual([
      { marketplace: 'ozon', id: '1649246352' },
    ]);
    expect(productRefCandidates('wildberries.ru/catalog/146972802/detail.aspx')).toEqual([{ marketplace: 'wb', id: '146972802' }]);
  });
  test('neither: nothing', () => {
    expect(productRefCandidates('футболка')).toEqual([]);
  });
});
