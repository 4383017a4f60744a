// Ozon's reviews pages (webListReviews) → the review summary the panel and the watchlist use, run
// through the real client against the fixture marketplace.
import { describe, expect, test } from 'vitest';
import { createOzonClient } from '../../utils/marketplaces/ozon/client';
import { reviewsFromOzon } from '../../utils/marketplaces/ozon/normalise';
import { OzonPageJsonSchema } from '../../utils/marketplaces/ozon/schemas';
import { ReviewSummarySchema } from '../../utils/model';
import { FetchProblem, Net } from '../../utils/net';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import { fakeMarket } from './fixture-transport';

const p = ozon.products[0]!;
type FixtureReview = ReturnType<typeof ozon.reviewsOf>[number];

const expectedOf = (sku: number) => ozon.reviewFigures(ozon.bySku.get(sku)!);

function stand() {
  const market = fakeMarket();
  const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } });
  let until = 0;
  const client = createOzonClient({
    net,
    background: market.transport,
    blockedUntil: {
      get: async () => until,
      set: async (u) => {
        until = u;
      },
    },
  });
  return { market, client };
}

describe('Ozon reviews page', () => {
  test('a page of reviews: broken ones left out, HTML kept as text, the answer unknown where Ozon does not say', () => {
    const json = OzonPageJsonSchema.parse(ozon.reviewsPageJson(p));
    const { reviews, total } = reviewsFromOzon(json);
    const want = expectedOf(p.sku);
    expect(reviews.map((r) => r.id)).toEqual(want.shown.map((r: FixtureReview) => r.uuid));
    expect(total).toBe(p.reviews);
    const html = reviews.find((r) => r.text.includes('<img'));
    expect(html?.text).toContain('onerror="window.__lupaXss=1"');
    // commentsAmount [U]: absent → null, 0 → false, more → true.
    for (const [i, r] of reviews.entries()) {
      const raw = want.shown[i]!;
      expect(r.answered).toBe(raw.commentsAmount === undefined ? null : raw.commentsAmount > 0);
      expect(r.createdAt).toBe(Number(raw.publishedAt) * 1000);
    }
  });

  test('the summary: distribution over the reviews shown, newest negatives from both orders', async () => {
    const { client, market } = stand();
    const summary = await client.fetchReviewSummary({ id: String(p.sku), rating: p.rating, reviewCount: p.reviews });
    expect(ReviewSummarySchema.safeParse(summary).success).toBe(true);
    const want = expectedOf(p.sku);
    expect(summary.distribution).toEqual(want.dist);
    expect(summary.distributionOf).toBe(want.shown.length);
    expect(summary.count).toBe(p.reviews);
    expect(summary.recentCount).toBe(want.shown.length);
    expect(summary.recentNegative).toBe(want.negativeCount);
    expect(summary.lastNegative.map((r) => r.id)).toEqual(want.negatives.slice(0, 3).map((r: FixtureReview) => r.uuid));
    // Two pages, asked through the page JSON: Ozon's order and lowest first.
    expect(market.calls.map((u) => new URL(u).searchParams.get('url'))).toEqual([
      `/product/${p.sku}/reviews/`,
      `/product/${p.sku}/reviews/?sort=score_asc`,
    ]);
  });

  test('a reviews widget that changed shape is "format changed", not an empty card', async () => {
    const { client, market } = stand();
    const changed = ozon.reviewsPageJson(p);
    const key = Object.keys(changed.widgetStates).find((k) => k.startsWith('webListReviews'))!;
    const { reviews, ...rest } = JSON.parse(changed.widgetStates[key as keyof typeof changed.widgetStates]);
    changed.widgetStates[key as keyof typeof changed.widgetStates] = JSON.stringify({ ...rest, list: { items: reviews } });
    market.fail(/reviews/, { body: JSON.stringify(changed) });
    const error = await client.fetchReviewSummary({ id: String(p.sku), rating: 4.8, reviewCount: 711 }).catch((e) => e);
    expect(error).toBeInstanceOf(FetchProblem);
    expect(error.kind).toBe('format-changed');
  });

  test('reviews all unreadable (stars renamed) is "format changed" too', () => {
    const json = OzonPageJsonSchema.parse(ozon.reviewsPageJson(p));
    const key = Object.keys(json.widgetStates).find((k) => k.startsWith('webListReviews'))!;
    const state = JSON.parse(json.widgetStates[key]!);
    state.reviews = state.reviews.map((r: FixtureReview) => ({ ...r, content: { ...r.content, score: undefined, rating: 5 } }));
    json.widgetStates[key] = JSON.stringify(state);
    expect(() => reviewsFromOzon(json)).toThrow(/no review readable/);
  });

  test('a captcha page instead of JSON is "blocked", and the second page is not asked', async () => {
    const { client, market } = stand();
    market.fail(/reviews/, {
      body: '<html><head><script src="https://st.ozone.ru/s3/abt-challenge/script_x.js"></script></head><body>Подождите…</body></html>',
    });
    const error = await client.fetchReviewSummary({ id: String(p.sku), rating: 4.8, reviewCount: 711 }).catch((e) => e);
    expect(error.kind).toBe('blocked');
    expect(market.calls).toHaveLength(1);
  });
});
