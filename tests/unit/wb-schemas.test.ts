import { describe, expect, test } from 'vitest';
import { parseBody } from '../../utils/marketplaces/wb/client';
import { cardFromWb, REVIEW_TEXT_MAX, reviewSummaryFromWb } from '../../utils/marketplaces/wb/normalise';
import {
  WbDetailResponseSchema,
  WbFeedbacksResponseSchema,
  WbPriceHistorySchema,
  WbSearchResponseSchema,
} from '../../utils/marketplaces/wb/schemas';
import { FetchProblem } from '../../utils/net';
import * as wb from '../fixtures/wb/catalog.mjs';

const body = (value: unknown) => ({ status: 200, body: typeof value === 'string' ? value : JSON.stringify(value), retryAfter: null });
const now = Date.parse('2026-11-20T12:00:00Z');
const parseDetail = (value: unknown) => parseBody(WbDetailResponseSchema, body(value), 'card detail');

function formatProblem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FetchProblem);
    expect((error as FetchProblem).kind).toBe('format-changed');
    return (error as FetchProblem).message;
  }
  throw new Error('expected a format-changed problem');
}

describe('card detail schema', () => {
  test('every fixture product parses (v4: products at the top level)', () => {
    const products = parseDetail(wb.detailResponse(wb.products.map((p) => p.id)));
    expect(products.map((p) => p.id)).toEqual(wb.products.map((p) => p.id));
  });

  test('older responses wrapped in data.products parse too', () => {
    expect(parseDetail({ data: { products: [wb.detailProduct(wb.products[0]!)] } })).toHaveLength(1);
  });

  test('numbers sent as strings are read as numbers', () => {
    const p = wb.detailProduct(wb.products[2]!);
    const stringly = { ...p, id: String(p.id), feedbacks: '0', sizes: [{ ...p.sizes[0], price: { basic: '99000', product: '39900' } }] };
    const [card] = parseDetail({ products: [stringly] });
    expect(card?.id).toBe(p.id);
    expect(card?.sizes[0]?.price?.product).toBe(39900);
  });

  test('null stocks read as no stock', () => {
    const p = wb.detailProduct(wb.products[3]!);
    const [card] = parseDetail({ products: [{ ...p, sizes: [{ ...p.sizes[0], stocks: null }] }] });
    expect(card?.sizes[0]?.stocks).toEqual([]);
  });

  test('not JSON, a renamed list, a missing name, a price as text: each says which field', () => {
    expect(formatProblem(() => parseDetail('{"products": [ <html>'))).toContain('not JSON');
    expect(formatProblem(() => parseDetail({ goods: [] }))).toContain('card detail');
    const p = wb.detailProduct(wb.products[0]!);
    const { name: _n, ...nameless } = p;
    expect(formatProblem(() => parseDetail({ products: [nameless] }))).toContain('name');
    const textPrice = { ...p, sizes: [{ ...p.sizes[0], price: { basic: '2 990 ₽', product: '1 345 ₽' } }] };
    expect(formatProblem(() => parseDetail({ products: [textPrice] }))).toMatch(/sizes\.0\.price/);
  });
});

describe('normalising a card', () => {
  const card = (i: number) => cardFromWb(parseDetail({ products: [wb.detailProduct(wb.products[i]!)] })[0]!, now);

  test('the price now is the cheapest size in stock, with its own price before discount', () => {
    const c = card(0); // size L is cheaper but sold out
    expect(c).toMatchObject({ priceNow: 134500, priceBefore: 299000, discountPct: 55 });
  });

  test('no discount gives 0 %', () => {
    expect(card(1)).toMatchObject({ priceNow: 459000, priceBefore: 459000, discountPct: 0 });
  });

  test('out of stock: no price now, no stock', () => {
    expect(card(3)).toMatchObject({ priceNow: null, priceBefore: null, discountPct: null, stockTotal: 0, stockByWarehouse: [] });
  });

  test('stock is summed per warehouse across sizes, biggest first, with the fastest delivery', () => {
    const c = card(0);
    expect(c.stockTotal).toBe(14 + 6 + 31 + 12 + 3);
    expect(c.stockByWarehouse).toEqual([
      { warehouseId: 507, name: 'Коледино', qty: 45, deliveryHours: 24 },
      { warehouseId: 117986, name: 'Казань', qty: 12, deliveryHours: 40 },
      { warehouseId: 120762, name: 'Электросталь', qty: 9, deliveryHours: 28 },
    ]);
  });

  test('a card without reviews has no rating rather than zero stars', () => {
    expect(card(2)).toMatchObject({ rating: null, reviewCount: 0 });
  });

  test('an unknown warehouse is named by its number', () => {
    const p = wb.detailProduct(wb.products[2]!);
    const c = cardFromWb(parseDetail({ products: [{ ...p, sizes: [{ ...p.sizes[0], stocks: [{ wh: 999001, qty: 2 }] }] }] })[0]!, now);
    expect(c.stockByWarehouse[0]).toEqual({ warehouseId: 999001, name: 'Склад №999001', qty: 2, deliveryHours: null });
  });
});

describe('reviews', () => {
  const parse = (value: unknown) => parseBody(WbFeedbacksResponseSchema, body(value), 'feedbacks');

  test('summary: distribution, share of 1–2★ among the recent, the latest three negatives', () => {
    const p = wb.products[4]!;
    const raw = wb.feedbacksResponse(p, 1, now);
    const s = reviewSummaryFromWb(String(p.root), parse(raw), now);
    const negatives = raw.feedbacks!.filter((f) => f.productValuation <= 2);
    expect(s.distribution).toEqual([412, 198, 160, 210, 520]);
    expect(s.recentCount).toBe(raw.feedbacks!.length);
    expect(s.recentNegative).toBe(negatives.length);
    expect(s.lastNegative.map((r) => r.id)).toEqual(negatives.slice(0, 3).map((f) => f.id));
    expect(s.lastNegative.map((r) => r.answered)).toEqual(negatives.slice(0, 3).map((f) => Boolean(f.answer)));
  });

  test('an empty shard (null list, empty valuation) reads as no reviews', () => {
    const s = reviewSummaryFromWb('1', parse(wb.feedbacksResponse(wb.products[0]!, wb.products[0]!.reviews.shard === 1 ? 2 : 1, now)), now);
    expect(s).toMatchObject({ rating: null, count: 0, recentCount: 0, negativeAnsweredPct: null });
  });

  test('HTML in review text is kept verbatim as text (the UI renders it as text)', () => {
    const p = wb.products[5]!;
    const s = reviewSummaryFromWb(String(p.root), parse(wb.feedbacksResponse(p, 2, now)), now);
    expect(s.lastNegative.some((r) => r.text.includes('<img src=x'))).toBe(true);
  });

  test('a huge review text is quoted, cut to REVIEW_TEXT_MAX characters', () => {
    const p = wb.products[4]!;
    const raw = wb.feedbacksResponse(p, 1, now);
    const huge = 'Брак. '.repeat(400_000);
    const s = reviewSummaryFromWb(
      String(p.root),
      parse({ ...raw, feedbacks: [{ ...raw.feedbacks![0], productValuation: 1, text: huge }] }),
      now,
    );
    expect(s.lastNegative[0]!.text).toHaveLength(REVIEW_TEXT_MAX);
    expect(s.lastNegative[0]!.text.endsWith('…')).toBe(true);
    expect(huge.startsWith(s.lastNegative[0]!.text.slice(0, -1))).toBe(true);
  });

  test('a rating out of 1–5 or a bad date is a format change', () => {
    const raw = wb.feedbacksResponse(wb.products[0]!, wb.products[0]!.reviews.shard, now);
    expect(formatProblem(() => parse({ ...raw, feedbacks: [{ ...raw.feedbacks![0], productValuation: 7 }] }))).toContain(
      'productValuation',
    );
    expect(formatProblem(() => parse({ ...raw, feedbacks: [{ ...raw.feedbacks![0], createdDate: 'вчера' }] }))).toContain('createdDate');
  });
});

test('price history: weekly points parse; another shape is a format change', () => {
  const history = wb.priceHistory(wb.products[0]!, now);
  expect(parseBody(WbPriceHistorySchema, body(history), 'price history')).toHaveLength(30);
  expect(formatProblem(() => parseBody(WbPriceHistorySchema, body({ history }), 'price history'))).toContain('price history');
});

describe('the products list, new form and old', () => {
  const product = () => wb.detailProduct(wb.products[0]!);
  test.each([
    ['detail v4: products at the top level', WbDetailResponseSchema],
    ['search v5: products at the top level', WbSearchResponseSchema],
  ] as const)('%s', (_name, schema) => {
    expect(schema.parse({ products: [product()] })).toHaveLength(1);
    expect(schema.parse({ data: { products: [product()] } })).toHaveLength(1);
    expect(schema.parse({ products: [] })).toEqual([]);
    // A renamed list reads as "format changed", never as "nothing found".
    expect(schema.safeParse({ data: { goods: [product()] } }).success).toBe(false);
    expect(schema.safeParse(null).success).toBe(false);
  });
});
