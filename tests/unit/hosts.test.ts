import { describe, expect, test } from 'vitest';
import { isOnHost, urlOnHost } from '../../utils/marketplaces/hosts';

const STOREFRONTS = ['www.wildberries.ru', 'wildberries.ru', 'm.wildberries.ru', 'www.ozon.ru', 'ozon.ru'];

describe("a URL on a marketplace's own site", () => {
  test.each([
    ['https://www.wildberries.ru/catalog/146972802/detail.aspx', true],
    ['https://m.wildberries.ru/catalog/183453012/detail.aspx', true],
    ['https://ozon.ru/product/naushniki-besprovodnye-tws-987654321/', true],
    ['https://www.ozon.ru/', true],
    ['http://www.wildberries.ru/catalog/146972802/detail.aspx', false], // not https
    ['https://seller.wildberries.ru/feedbacks-questions/feedbacks', false], // another host of the same company
    ['https://www.wildberries.ru.evil.example/catalog/146972802/detail.aspx', false],
    ['https://wildberries.ru@evil.example/catalog/146972802/detail.aspx', false],
    ['https://evil.example/?u=https://www.ozon.ru/', false],
    ['chrome-extension://abcdefghijklmnop/popup.html', false],
    ['not a url at all', false],
    ['', false],
  ])('%s → %s', (url, on) => {
    expect(isOnHost(url, STOREFRONTS)).toBe(on);
    expect(isOnHost(url, ['seller.wildberries.ru'])).toBe(url.startsWith('https://seller.wildberries.ru/'));
  });

  test('answers the parsed URL, and takes one already parsed', () => {
    expect(urlOnHost('https://www.ozon.ru/search/?text=термокружка', STOREFRONTS)?.searchParams.get('text')).toBe('термокружка');
    const parsed = new URL('https://www.wildberries.ru/brands/urban-tiger');
    expect(urlOnHost(parsed, STOREFRONTS)).toBe(parsed);
    expect(urlOnHost('https://www.ozon.ru/', [])).toBeNull();
  });
});
