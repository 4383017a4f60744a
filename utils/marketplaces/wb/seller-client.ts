// WB's seller API from the background, within WB's own limits (../shared/reference/wildberries.md
// §3.2): one token bucket per endpoint group, sized by the token's type; `X-Ratelimit-Remaining`
// keeps the bucket honest, a 429's `X-Ratelimit-Retry` (or `-Reset`) is waited for and stored, so a
// restarted worker waits too; each 4xx is billed as WB bills it. The token's claims are read first:
// a request the token cannot make (no category, expired) is never sent, and a 401 is never retried.
// Every answer is validated with zod. The token goes only into the Authorization header: never into
// a result, an error or a log.
import type { z } from 'zod';
import { type BucketLimit, SELLER_GROUPS, type SellerGroup } from './seller-limits';
import { budgetOf, decodeToken, type TokenCategory } from './seller-token';

export interface SellerRequest {
  path: string;
  method?: 'GET' | 'POST';
  query?: Record<string, string | number>;
  body?: unknown;
}

export interface SellerResponse {
  status: number;
  body: string;
  /** Header values as sent (names lower-case), for the rate-limit headers and Retry-After. */
  headers: { retry: string | null; reset: string | null; remaining: string | null; retryAfter: string | null };
}

export type SellerTransport = (
  request: { url: string; method: 'GET' | 'POST'; body?: string; token: string },
  signal: AbortSignal,
) => Promise<SellerResponse>;

/** A group's bucket and its wait, as kept in the store. */
export interface GroupState {
  /** Requests left in the bucket at `at` (below zero after billed errors: the debt refills first). */
  tokens: number;
  at: number;
  /** Nothing is sent before this instant (a 429's wait). */
  waitUntil: number;
}

export interface GroupStore {
  get(group: SellerGroup): Promise<GroupState | undefined>;
  set(group: SellerGroup, state: GroupState): Promise<void>;
}

export type SellerProblem =
  | { kind: 'no-token' }
  | { kind: 'unreadable-token' }
  | { kind: 'expired-token'; expires: number }
  | { kind: 'missing-category'; category: TokenCategory }
  /** WB refused the token (401/403): revoked, or not what its claims say. */
  | { kind: 'bad-token'; status: number }
  | { kind: 'rate-limited'; until: number }
  | { kind: 'format-changed'; detail: string }
  | { kind: 'offline' }
  | { kind: 'timeout' }
  | { kind: 'server'; status: number | null };

/** Problems that pass by themselves: an import stays under way and the next alarm resumes it. */
export const passes = (p: SellerProblem) =>
  p.kind === 'rate-limited' ||
  p.kind === 'offline' ||
  p.kind === 'timeout' ||
  (p.kind === 'server' && (p.status === null || p.status >= 500));

export type SellerResult<T> = { ok: true; data: T } | { ok: false; problem: SellerProblem };

/** The longest a request waits for its bucket or a 429 before it gives up as rate-limited. */
export const MAX_WAIT_MS = 30_000;
/** Longer waits than this from a header are taken as this (a broken header must not silence a group for good). */
export const MAX_STORED_WAIT_MS = 6 * 3_600_000;
const TIMEOUT_MS = 20_000;
/** 429s waited for in one request before it gives up as rate-limited. */
const MAX_429_WAITS = 3;
/** Retries after a 5xx or a network failure (429s have their own). */
const RETRIES = 2;

const fullBucket = (limit: BucketLimit, now: number): GroupState => ({ tokens: limit.burst, at: now, waitUntil: 0 });

/** The bucket at `now`: refilled evenly at `limit` per period, never above the burst. */
export function refill(state: GroupState, limit: BucketLimit, now: number): GroupState {
  const elapsed = Math.max(0, now - state.at);
  return { ...state, tokens: Math.min(limit.burst, state.tokens + (elapsed * limit.limit) / limit.periodMs), at: Math.max(now, state.at) };
}

/** How long until one request may go: the bucket's next token, or the stored wait, whichever is later. */
export function waitBefore(state: GroupState, limit: BucketLimit, now: number): number {
  const s = refill(state, limit, now);
  const forToken = s.tokens >= 1 ? 0 : Math.ceil(((1 - s.tokens) * limit.periodMs) / limit.limit);
  return Math.max(forToken, state.waitUntil - now, 0);
}

/** Seconds in a header ("3", "0.5"), as ms; null when absent or not a number. */
export function headerSeconds(value: string | null): number | null {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  return Math.round(Number(value) * 1000);
}

/** Why WB refused a token with a 401: its answer names a scope when the category is what is missing. */
const saysScope = (body: string) => /scope|categor|доступ к категор/i.test(body.slice(0, 2000));

export const sellerFetch: SellerTransport = async ({ url, method, body, token }, signal) => {
  const response = await fetch(url, {
    method,
    signal,
    credentials: 'omit',
    headers: { Authorization: token, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body }),
  });
  const h = response.headers;
  return {
    status: response.status,
    body: await response.text(),
    headers: {
      retry: h.get('x-ratelimit-retry'),
      reset: h.get('x-ratelimit-reset'),
      remaining: h.get('x-ratelimit-remaining'),
      retryAfter: h.get('retry-after'),
    },
  };
};

export interface SellerClientDeps {
  token: () => Promise<string | null>;
  store: GroupStore;
  transport?: SellerTransport;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createSellerClient(deps: SellerClientDeps) {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const transport = deps.transport ?? sellerFetch;
  /** One request at a time per group takes from its bucket (the store is read and written in turn). */
  const locks = new Map<SellerGroup, Promise<unknown>>();
  const serial = <T>(group: SellerGroup, work: () => Promise<T>): Promise<T> => {
    const run = (locks.get(group) ?? Promise.resolve()).then(work, work);
    locks.set(
      group,
      run.catch(() => {}),
    );
    return run;
  };

  const load = async (group: SellerGroup, limit: BucketLimit) => {
    const stored = await deps.store.get(group).catch(() => undefined);
    return stored ?? fullBucket(limit, now());
  };

  /** Takes one request from the bucket, waiting for it when the wait is short; else says until when. */
  const take = (group: SellerGroup, limit: BucketLimit): Promise<{ until: number } | null> =>
    serial(group, async () => {
      const state = await load(group, limit);
      const wait = waitBefore(state, limit, now());
      if (wait > MAX_WAIT_MS) return { until: now() + wait };
      if (wait > 0) await sleep(wait);
      const s = refill(state, limit, now());
      await deps.store.set(group, { ...s, tokens: s.tokens - 1 });
      return null;
    });

  /** What an answer tells of the bucket: the remaining count, a wait, a billed error. */
  const settle = (group: SellerGroup, limit: BucketLimit, response: SellerResponse, billed: number) =>
    serial(group, async () => {
      const at = now();
      let s = refill(await load(group, limit), limit, at);
      const remaining = response.headers.remaining === null ? null : Number(response.headers.remaining);
      if (remaining !== null && Number.isFinite(remaining) && remaining >= 0) s = { ...s, tokens: Math.min(s.tokens, remaining) };
      if (billed > 0) s = { ...s, tokens: s.tokens - billed };
      if (response.status === 429) {
        const wait =
          headerSeconds(response.headers.retry) ??
          headerSeconds(response.headers.retryAfter) ??
          headerSeconds(response.headers.reset) ??
          Math.ceil(limit.periodMs / limit.limit);
        s = { ...s, tokens: Math.min(s.tokens, 0), waitUntil: Math.max(s.waitUntil, at + Math.min(wait, MAX_STORED_WAIT_MS)) };
      }
      await deps.store.set(group, s);
      return s;
    });

  /**
   * One request of a group, validated with `schema`. Never throws: every outcome is a result the
   * caller can show ("токен без категории «Цены и скидки»", "WB просит подождать до 12:05").
   */
  async function request<T>(group: SellerGroup, req: SellerRequest, schema: z.ZodType<T>): Promise<SellerResult<T>> {
    const spec = SELLER_GROUPS[group];
    const token = await deps.token();
    if (!token) return { ok: false, problem: { kind: 'no-token' } };
    const claims = decodeToken(token);
    if (!claims) return { ok: false, problem: { kind: 'unreadable-token' } };
    if (claims.expires !== null && claims.expires <= now())
      return { ok: false, problem: { kind: 'expired-token', expires: claims.expires } };
    if (spec.category !== null && !claims.categories.includes(spec.category))
      return { ok: false, problem: { kind: 'missing-category', category: spec.category } };
    const limit = spec[budgetOf(claims.type)];

    const query = new URLSearchParams(Object.entries(req.query ?? {}).map(([k, v]) => [k, String(v)])).toString();
    const url = `https://${spec.host}${req.path}${query ? `?${query}` : ''}`;
    const method = req.method ?? 'GET';
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);

    let failures = 0;
    let limited = 0;
    let last: SellerProblem = { kind: 'server', status: null };
    for (;;) {
      const blocked = await take(group, limit);
      if (blocked) return { ok: false, problem: { kind: 'rate-limited', until: blocked.until } };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
      let response: SellerResponse;
      try {
        response = await transport({ url, method, token, ...(body === undefined ? {} : { body }) }, controller.signal);
      } catch {
        last = controller.signal.aborted ? { kind: 'timeout' } : { kind: 'offline' };
        if (++failures > RETRIES) return { ok: false, problem: last };
        await sleep(1000 * 2 ** (failures - 1));
        continue;
      } finally {
        clearTimeout(timer);
      }
      const { status } = response;
      const billed = status >= 400 && status < 500 && status !== 429 ? spec.errorCost - 1 : 0;
      const after = await settle(group, limit, response, billed);
      if (status >= 200 && status < 300) {
        let json: unknown;
        try {
          json = JSON.parse(response.body);
        } catch {
          return { ok: false, problem: { kind: 'format-changed', detail: `${group}: not JSON` } };
        }
        const parsed = schema.safeParse(json);
        if (parsed.success) return { ok: true, data: parsed.data };
        const issue = parsed.error.issues[0];
        return {
          ok: false,
          problem: { kind: 'format-changed', detail: `${group}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() },
        };
      }
      if (status === 429) {
        // Waited for (the next take sleeps until the stored wait) when short; said as such when long.
        if (after.waitUntil - now() > MAX_WAIT_MS || ++limited > MAX_429_WAITS)
          return { ok: false, problem: { kind: 'rate-limited', until: after.waitUntil } };
        continue;
      }
      if (status === 401)
        return {
          ok: false,
          problem:
            spec.category !== null && saysScope(response.body)
              ? { kind: 'missing-category', category: spec.category }
              : { kind: 'bad-token', status },
        };
      if (status === 403) return { ok: false, problem: { kind: 'bad-token', status } };
      if (status < 500) return { ok: false, problem: { kind: 'server', status } };
      last = { kind: 'server', status };
      if (++failures > RETRIES) return { ok: false, problem: last };
      await sleep(1000 * 2 ** (failures - 1));
    }
  }

  return { request };
}

export type SellerClient = ReturnType<typeof createSellerClient>;
