import { expect, test } from 'vitest';
import { buyerPrice, competitorPrices, costsFromText, costsToText, marginOf, priceToMatch } from '../../utils/competitors/pricing';

test.each([
  [399000, 45, 219450],
  [699000, 30, 489300],
  [189000, 0, 189000],
  [99900, 33, 66933],
  [100000, 150, 1000], // a discount past 99 % is taken as 99 %
  [100000, Number.NaN, 100000],
])('price %i, discount %s → buyer pays %i', (price, d, buyer) => {
  expect(buyerPrice(price, d)).toBe(buyer);
});

test('margin: buyer price less commission, logistics and cost; null without a cost price', () => {
  expect(marginOf(219450, { cost: 60000, commissionPct: 19.5, logistics: 8540 })).toEqual({
    margin: 219450 - 42793 - 8540 - 60000,
    marginPct: 49.3,
    commission: 42793,
  });
  expect(marginOf(100000, { cost: 120000, commissionPct: null, logistics: null })).toMatchObject({ margin: -20000, marginPct: -20 });
  expect(marginOf(100000, { cost: null, commissionPct: 20, logistics: 5000 })).toBeNull();
  expect(marginOf(100000, null)).toBeNull();
  expect(marginOf(0, { cost: 0, commissionPct: 0, logistics: 0 })).toMatchObject({ margin: 0, marginPct: null });
});

test('competitors: min and median over the priced ones, out-of-stock ones counted as linked', () => {
  expect(competitorPrices([274100, null, 49900, 218400])).toEqual({ min: 49900, median: 218400, priced: 3, linked: 4 });
  expect(competitorPrices([100000, 200001])).toMatchObject({ median: 150001 });
  expect(competitorPrices([null])).toEqual({ min: null, median: null, priced: 0, linked: 1 });
  expect(competitorPrices([])).toEqual({ min: null, median: null, priced: 0, linked: 0 });
});

test('price to match: the highest whole-ruble price whose buyer price is not above the target', () => {
  for (const [target, d] of [
    [49900, 45],
    [218400, 30],
    [100000, 0],
    [123456, 17],
    [5000, 99],
  ] as const) {
    const m = priceToMatch(target, 10_000_000, d);
    expect(m.already).toBe(false);
    expect(m.price % 100).toBe(0);
    expect(buyerPrice(m.price, d)).toBeLessThanOrEqual(target);
    expect(buyerPrice(m.price + 100, d)).toBeGreaterThan(target);
    expect(m.buyer).toBe(buyerPrice(m.price, d));
  }
  expect(priceToMatch(300000, 399000, 45)).toEqual({ price: 399000, buyer: 219450, already: true });
});

test("with the SPP the buyer price is what the storefront shows: the seller's discount, then WB's", () => {
  // 3 990 ₽ − 45 % = 2 194,50 ₽; − 38,7 % SPP = 1 345,23 ₽.
  expect(buyerPrice(399000, 45, 38.7)).toBe(134523);
  expect(buyerPrice(399000, 45, 0)).toBe(buyerPrice(399000, 45));
  expect(buyerPrice(100000, 0, 12.5)).toBe(87500);
});

test('price to match at the current SPP: the storefront price, not the discounted one, meets the minimum', () => {
  for (const [target, d, spp] of [
    [49900, 45, 38.7],
    [218400, 30, 7],
    [123456, 17, 22.4],
    [5000, 50, 49.9],
  ] as const) {
    const m = priceToMatch(target, 10_000_000, d, spp);
    expect(m.price % 100).toBe(0);
    expect(buyerPrice(m.price, d, spp)).toBeLessThanOrEqual(target);
    expect(buyerPrice(m.price + 100, d, spp)).toBeGreaterThan(target);
    expect(m.buyer).toBe(buyerPrice(m.price, d, spp));
    // Without the SPP the advice would cut by the whole SPP more than needed.
    expect(m.price).toBeGreaterThan(priceToMatch(target, 10_000_000, d).price);
  }
  // 3 990 ₽ at 45 % and 38,7 % SPP is 1 345,23 ₽ on the storefront: already below 1 400 ₽.
  expect(priceToMatch(140000, 399000, 45, 38.7)).toEqual({ price: 399000, buyer: 134523, already: true });
});

test('costs as typed: rubles with spaces or either decimal mark, a percent within 0–100, blanks unset', () => {
  expect(costsFromText({ cost: '1 200', commission: '19,5', logistics: '85.40' })).toEqual({
    cost: 120000,
    commissionPct: 19.5,
    logistics: 8540,
  });
  expect(costsFromText({ cost: '', commission: '120', logistics: 'много' })).toEqual({ cost: null, commissionPct: null, logistics: null });
  expect(costsToText({ cost: 120000, commissionPct: 19.5, logistics: 8540 })).toEqual({
    cost: '1200',
    commission: '19,5',
    logistics: '85,4',
  });
  expect(costsFromText(costsToText({ cost: 60050, commissionPct: 0, logistics: null }))).toEqual({
    cost: 60050,
    commissionPct: 0,
    logistics: null,
  });
});
