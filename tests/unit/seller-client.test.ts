// The seller API client: a token bucket per endpoint group sized by the token's type, WB's
// rate-limit headers honoured and kept across a worker restart, 4xx billed as WB bills them, a
// request the token cannot make never sent, a 401 never retried, every answer checked with zod.
import { KERNEL_KV } from '../../utils/kv-keys';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { kvFamily, LupaDb } from '../../utils/db';
import {
  createSellerClient,
  type GroupState,
  type GroupStore,
  headerSeconds,
  type SellerResponse,
  waitBefore,
} from '../../utils/marketplaces/wb/seller-client';
import { SELLER_GROUPS, type SellerGroup } from '../../utils/marketplaces/wb/seller-limits';
import { makeSellerToken } from '../fixtures/wb/seller-token.mjs';

const T0 = Date.UTC(2026, 11, 1, 6, 0);
const OK = z.object({ data: z.object({ n: z.number() }) });

let clock: number;
let slept: number[];
let sent: Array<{ url: string; token: string }>;
let answers: Array<Partial<SellerResponse> | 'network'>;
let token: string | null;

const answer = (status: number, body: unknown = { data: { n: 1 } }, headers: Partial<SellerResponse['headers']> = {}) => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { retry: null, reset: null, remaining: null, retryAfter: null, ...headers },
});

const memoryStore = (): GroupStore & { map: Map<SellerGroup, GroupState> } => {
  const map = new Map<SellerGroup, GroupState>();
  return { map, get: async (g) => map.get(g), set: async (g, s) => void map.set(g, s) };
};

function client(store: GroupStore = memoryStore()) {
  return createSellerClient({
    token: async () => token,
    store,
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    transport: async ({ url, token }) => {
      sent.push({ url, token });
      const next = answers.shift() ?? answer(200);
      if (next === 'network') throw new TypeError('Failed to fetch');
      return { ...answer(200), ...next } as SellerResponse;
    },
  });
}

beforeEach(() => {
  clock = T0;
  slept = [];
  sent = [];
  answers = [];
  token = makeSellerToken({ now: T0 });
});

const prices = (c = client()) => c.request('prices', { path: '/api/v2/list/goods/filter', query: { limit: 10, offset: 0 } }, OK);

describe('the bucket', () => {
  test('a Personal token sends a burst of 5 prices requests at once, then one per 600 ms (10 per 6 s)', async () => {
    const c = client();
    for (let i = 0; i < 7; i++) expect((await prices(c)).ok).toBe(true);
    expect(sent).toHaveLength(7);
    expect(slept).toEqual([600, 600]);
    expect(sent[0]?.url).toBe('https://discounts-prices-api.wildberries.ru/api/v2/list/goods/filter?limit=10&offset=0');
  });

  test('a Basic token gets the Basic limit (4 an hour): the second request is not sent but said to wait', async () => {
    token = makeSellerToken({ type: 'basic', now: T0 });
    const c = client();
    expect((await prices(c)).ok).toBe(true);
    expect(await prices(c)).toEqual({ ok: false, problem: { kind: 'rate-limited', until: T0 + 15 * 60_000 } });
    expect(sent).toHaveLength(1);
  });

  test('X-Ratelimit-Remaining: 0 empties the bucket although Lupa counted more left', async () => {
    const c = client();
    answers = [answer(200, undefined, { remaining: '0' })];
    await prices(c);
    await prices(c);
    expect(slept).toEqual([600]);
  });

  test('waitBefore counts the refill and the stored wait, whichever is later', () => {
    const limit = SELLER_GROUPS.prices.personal;
    expect(waitBefore({ tokens: 0.5, at: T0, waitUntil: 0 }, limit, T0)).toBe(300);
    expect(waitBefore({ tokens: 5, at: T0, waitUntil: T0 + 2000 }, limit, T0)).toBe(2000);
    expect(waitBefore({ tokens: -9, at: T0, waitUntil: 0 }, limit, T0)).toBe(6000);
  });

  test('headerSeconds reads whole and fractional seconds and refuses the rest', () => {
    expect(headerSeconds('3')).toBe(3000);
    expect(headerSeconds('0.5')).toBe(500);
    expect(headerSeconds(null)).toBeNull();
    expect(headerSeconds('soon')).toBeNull();
    expect(headerSeconds('-1')).toBeNull();
  });
});

describe('429', () => {
  test('X-Ratelimit-Retry is waited for, stored, and the request then goes through', async () => {
    const store = memoryStore();
    answers = [answer(429, { title: 'too many requests' }, { retry: '3', reset: '6', remaining: '0' })];
    const result = await prices(client(store));
    expect(result.ok).toBe(true);
    expect(sent).toHaveLength(2);
    expect(slept).toEqual([3000]);
    expect(store.map.get('prices')?.waitUntil).toBe(T0 + 3000);
  });

  test('a long wait is not slept through: rate-limited until then, kept for a restarted worker', async () => {
    const store = memoryStore();
    answers = [answer(429, {}, { retry: '120' })];
    expect(await prices(client(store))).toEqual({ ok: false, problem: { kind: 'rate-limited', until: T0 + 120_000 } });
    // A new worker (a new client, the same store) does not ask before then…
    clock += 60_000;
    expect(await prices(client(store))).toEqual({ ok: false, problem: { kind: 'rate-limited', until: T0 + 120_000 } });
    expect(sent).toHaveLength(1);
    // …and asks once the wait is over.
    clock = T0 + 121_000;
    expect((await prices(client(store))).ok).toBe(true);
    expect(sent).toHaveLength(2);
  });

  test('without X-Ratelimit-Retry, Retry-After and then X-Ratelimit-Reset are used', async () => {
    const store = memoryStore();
    answers = [answer(429, {}, { retryAfter: '2' }), answer(429, {}, { reset: '4' })];
    expect((await prices(client(store))).ok).toBe(true);
    expect(slept).toEqual([2000, 4000]);
  });

  test('a group that keeps answering 429 is given up after three waits', async () => {
    answers = [1, 2, 3, 4, 5].map(() => answer(429, {}, { retry: '1' }));
    expect(await prices()).toMatchObject({ ok: false, problem: { kind: 'rate-limited' } });
    expect(sent).toHaveLength(4);
  });

  test('the wait survives a worker restart in the kv table, checked against its schema', async () => {
    const db = new LupaDb('seller-client-test');
    const row = kvFamily<GroupState, [SellerGroup]>(KERNEL_KV.sellerApi);
    const store: GroupStore = { get: (g) => row(g).get(db), set: (g, s) => row(g).set(db, s) };
    answers = [answer(429, {}, { retry: '300' })];
    clock = Date.now();
    token = makeSellerToken();
    expect(await prices(client(store))).toMatchObject({ ok: false, problem: { kind: 'rate-limited', until: clock + 300_000 } });
    db.close();
    const reopened = new LupaDb('seller-client-test');
    expect(await row('prices').get(reopened)).toMatchObject({ waitUntil: clock + 300_000, tokens: 0 });
    // A stored wait no header could have asked for (a week) does not read back.
    await reopened.kv.put({ key: 'seller-api:prices', value: { tokens: 0, at: clock, waitUntil: clock + 7 * 86_400_000 } });
    expect(await row('prices').get(reopened)).toBeUndefined();
    reopened.close();
  });
});

describe('what the token cannot do is never sent', () => {
  test('a token without «Цены и скидки» is said as such, with no request', async () => {
    token = makeSellerToken({ categories: ['Questions & Feedbacks', 'Statistics'], now: T0 });
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'missing-category', category: 'Prices & Discounts' } });
    expect(sent).toHaveLength(0);
  });

  test('an expired token, no token and a text that is no JWT are said, with no request', async () => {
    token = makeSellerToken({ now: T0, expiresAt: T0 - 1000 });
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'expired-token', expires: Math.floor((T0 - 1000) / 1000) * 1000 } });
    token = null;
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'no-token' } });
    token = 'eyJhbGciOiJFUzI1NiJ9.not-a-real-token-at-all.signature';
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'unreadable-token' } });
    expect(sent).toHaveLength(0);
  });
});

describe('4xx', () => {
  test('a 401 naming the scope is a missing category; any other 401 a refused token; neither is retried', async () => {
    const store = memoryStore();
    answers = [answer(401, { title: 'unauthorized', detail: 'token scope not allowed', status: 401 })];
    expect(await prices(client(store))).toEqual({ ok: false, problem: { kind: 'missing-category', category: 'Prices & Discounts' } });
    answers = [answer(401, { title: 'unauthorized', detail: 'token is invalid or expired', status: 401 })];
    expect(await prices(client(store))).toEqual({ ok: false, problem: { kind: 'bad-token', status: 401 } });
    expect(sent).toHaveLength(2);
  });

  test('each 4xx is billed as 10 requests: the next one waits for the debt to refill', async () => {
    const store = memoryStore();
    const c = client(store);
    answers = [answer(400, { title: 'bad request' })];
    expect(await prices(c)).toEqual({ ok: false, problem: { kind: 'server', status: 400 } });
    // 5 in the bucket − 1 sent − 9 more billed = −5: six refills of 600 ms before the next may go.
    expect(store.map.get('prices')?.tokens).toBe(-5);
    await prices(c);
    expect(slept).toEqual([3600]);
  });
});

describe('answers', () => {
  test('an answer that does not fit the schema is a changed format with the field named', async () => {
    answers = [answer(200, { data: { n: 'many' } })];
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'format-changed', detail: expect.stringContaining('prices: data.n') } });
    answers = [answer(200, '<html>')];
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'format-changed', detail: 'prices: not JSON' } });
  });

  test('5xx and network failures are retried twice, then said as such', async () => {
    answers = [answer(502), answer(503), answer(500)];
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'server', status: 500 } });
    expect(sent).toHaveLength(3);
    sent = [];
    answers = ['network', answer(200)];
    expect((await prices()).ok).toBe(true);
    answers = ['network', 'network', 'network'];
    expect(await prices()).toEqual({ ok: false, problem: { kind: 'offline' } });
  });

  test('the token goes only into the Authorization header', async () => {
    await prices();
    expect(sent[0]?.token).toBe(token);
    expect(sent[0]?.url).not.toContain(token as string);
  });
});
