// A WB API token's claims, read in the browser: type, categories and expiry as the token encodes them.
import { describe, expect, test } from 'vitest';
import { budgetOf, decodeToken } from '../../utils/marketplaces/wb/seller-token';
import { ALL_CATEGORIES, makeSellerToken, maskOf } from '../fixtures/wb/seller-token.mjs';

const NOW = Date.UTC(2026, 11, 1, 6, 0);

describe('decodeToken', () => {
  test('reads a Personal token with every category and its expiry', () => {
    const expiresAt = NOW + 180 * 86_400_000;
    const claims = decodeToken(makeSellerToken({ now: NOW, expiresAt }));
    expect(claims).toEqual({ type: 'personal', categories: ALL_CATEGORIES, readOnly: false, expires: Math.floor(expiresAt / 1000) * 1000 });
  });

  test.each([
    ['basic', ['Prices & Discounts']],
    ['test', ['Statistics', 'Analytics']],
    ['service', ['Questions & Feedbacks', 'Content']],
  ] as const)('reads a %s token and only the categories it has', (type, categories) => {
    const claims = decodeToken(makeSellerToken({ type, categories: [...categories], now: NOW }));
    expect(claims?.type).toBe(type);
    // In the reference's order, whatever order they were granted in.
    expect(claims?.categories).toEqual(ALL_CATEGORIES.filter((c) => (categories as readonly string[]).includes(c)));
  });

  test('tells a read-only token', () => {
    expect(decodeToken(makeSellerToken({ categories: ['Statistics'], readOnly: true }))).toMatchObject({
      readOnly: true,
      categories: ['Statistics'],
    });
  });

  test('a retired bit (8, Recommendations) names no category', () => {
    const payload = Buffer.from(JSON.stringify({ acc: 3, s: maskOf(['Content']) + 2 ** 8, exp: NOW / 1000 })).toString('base64url');
    expect(decodeToken(`eyJhbGciOiJFUzI1NiJ9.${payload}.sig`)?.categories).toEqual(['Content']);
  });

  test('an unknown acc is an unknown type, and gets the lower budget', () => {
    const payload = Buffer.from(JSON.stringify({ acc: 9, s: 0 })).toString('base64url');
    const claims = decodeToken(`eyJhbGciOiJFUzI1NiJ9.${payload}.sig`);
    expect(claims).toEqual({ type: 'unknown', categories: [], readOnly: false, expires: null });
    expect(budgetOf('unknown')).toBe('basic');
    expect(budgetOf('personal')).toBe('personal');
    expect(budgetOf('service')).toBe('personal');
    expect(budgetOf('basic')).toBe('basic');
  });

  test.each([
    ['no dots', 'eyJhbGciOiJFUzI1NiJ9'],
    ['a payload that is not base64 JSON', 'eyJhbGciOiJFUzI1NiJ9.not-json!.sig'],
    ['claims of the wrong type', `x.${Buffer.from('{"acc":"3","s":"all"}').toString('base64url')}.y`],
    ['four parts', 'a.b.c.d'],
  ])('is null for %s', (_what, token) => {
    expect(decodeToken(token)).toBeNull();
  });
});
