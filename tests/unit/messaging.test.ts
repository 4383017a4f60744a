// Messages from content scripts are written by an attacker as far as the background is concerned
// (security.md S5): their shape, their sender and what they may make Lupa fetch are all checked.
import { describe, expect, test } from 'vitest';
import { pageFetchAllowed } from '../../utils/content/page-fetch';
import { PAGE_ROUTE_PREFIXES } from '../../utils/marketplaces/wb/endpoints';
import { isWbStorefront } from '../../utils/marketplaces/wb/page';
import { ProductOverviewRequestSchema, ProductOverviewSchema } from '../../utils/messages';
import { fromBackground, fromStorefrontTab } from '../../utils/messaging';

describe('product overview request', () => {
  test.each([
    [{ marketplace: 'wb', id: '146972802', mode: 'cached' }, true],
    [{ marketplace: 'wb', id: '146972802', mode: 'refresh' }, true],
    [{ marketplace: 'wb', id: '../../etc', mode: 'cached' }, false],
    [{ marketplace: 'wb', id: '1469728021469728021', mode: 'cached' }, false],
    [{ marketplace: 'wb', id: 146972802, mode: 'cached' }, false],
    [{ marketplace: 'amazon', id: '1', mode: 'cached' }, false],
    [{ marketplace: 'wb', id: '1', mode: 'delete-everything' }, false],
    [{ marketplace: 'wb', id: '1', mode: 'cached', url: 'https://evil.example/' }, true], // extra keys are dropped
    [null, false],
  ])('%j valid: %s', (input, valid) => {
    const parsed = ProductOverviewRequestSchema.safeParse(input);
    expect(parsed.success).toBe(valid);
    if (parsed.success) expect(Object.keys(parsed.data).sort()).toEqual(['id', 'marketplace', 'mode']);
  });
});

describe('senders', () => {
  const tab = (url: string) => ({
    id: 'lupa',
    tab: { id: 7, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  });

  test('overview asks come only from a Wildberries storefront tab', () => {
    const check = fromStorefrontTab(isWbStorefront);
    expect(check(tab('https://www.wildberries.ru/catalog/1/detail.aspx'))).toBe(true);
    expect(check(tab('https://evil.example/'))).toBe(false);
    expect(check(tab('https://seller.wildberries.ru/'))).toBe(false);
    expect(check({ id: 'lupa' })).toBe(false);
  });

  test('page fetches are answered only for the background (no tab)', () => {
    expect(fromBackground({ id: 'lupa' })).toBe(true);
    expect(fromBackground(tab('https://www.wildberries.ru/'))).toBe(false);
  });
});

describe('the page-fetch transport fetches only its own origin, only allow-listed paths', () => {
  const origin = 'https://www.wildberries.ru';
  test.each([
    ['https://www.wildberries.ru/__internal/u-card/cards/v4/detail?nm=1', true],
    ['https://www.wildberries.ru/__internal/u-search/exactmatch/ru/common/v18/search?query=%D0%BA', true],
    ['https://www.wildberries.ru/__internal/u-search/../../lk/api', false],
    ['https://www.wildberries.ru/lk/details', false],
    ['https://www.wildberries.ru/__internal/u-card/cards/../../lk/api', false],
    ['https://card.wb.ru/cards/v4/detail?nm=1', false],
    ['https://evil.example/__internal/u-card/cards/v4/detail', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(pageFetchAllowed(url, origin, PAGE_ROUTE_PREFIXES)).toBe(allowed);
  });
});

test('a reply that does not fit the protocol fails the reply schema that ask() applies', () => {
  const base = {
    state: 'fresh',
    detail: null,
    product: null,
    priceHistory: { points: [], stats: null, problem: null },
    reviews: { summary: null, problem: null },
  };
  expect(ProductOverviewSchema.safeParse(base).success).toBe(true);
  expect(ProductOverviewSchema.safeParse({ ...base, product: '<script>alert(1)</script>' }).success).toBe(false);
  expect(ProductOverviewSchema.safeParse({ ...base, state: 'hacked' }).success).toBe(false);
});
