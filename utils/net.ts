// The network layer every marketplace request goes through, whatever carries it (the background's
// own fetch, or the page's origin through a content script): one gate per host with a concurrency
// cap and a minimum spacing, a timeout, retries with exponential backoff and jitter that honour
// Retry-After, and a host-wide pause after a 429 so that other requests to it wait too.
import type { ProblemKind } from './model';

export interface RawResponse {
  status: number;
  body: string;
  /** The Retry-After header as sent, if any. */
  retryAfter: string | null;
}

/** Request headers a marketplace route wants (WB search: `x-queryid`). */
export type RequestHeaders = Readonly<Record<string, string>>;

/** Performs one HTTP GET; rejects with a TypeError when the network is down, as fetch does. */
export type Transport = (url: string, signal: AbortSignal, headers?: RequestHeaders) => Promise<RawResponse>;

export class FetchProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchProblem';
  }
}

/**
 * Any failure as the state the user sees and a sentence for the developer console: a FetchProblem
 * says its own kind; anything else (a bug, a store error) is 'server'.
 */
export function problemOf(error: unknown): { kind: ProblemKind; detail: string } {
  return error instanceof FetchProblem ? { kind: error.kind, detail: error.message } : { kind: 'server', detail: String(error) };
}

export interface HostPolicy {
  concurrency: number;
  /** Minimum time between two request starts to the host. */
  minIntervalMs: number;
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the request fails as rate-limited at once. */
  maxRetryAfterMs: number;
}

export const DEFAULT_POLICY: HostPolicy = {
  concurrency: 4,
  minIntervalMs: 50,
  timeoutMs: 15_000,
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/**
 * The longest a host's Retry-After is obeyed: a server (or a stored value gone wrong) asking for
 * days would silence the host for good; after an hour Lupa asks again, once.
 */
export const MAX_HOST_WAIT_MS = 60 * 60 * 1000;

/** Where a host's wait is kept, so a restarted worker still waits (Dexie in the extension). */
export interface BackoffStore {
  get(host: string): Promise<number | undefined>;
  set(host: string, until: number): Promise<void>;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Chromium throttles an extension's requests to a URL (query left out) that keeps answering 5xx:
 * its extension throttle ignores two errors, then refuses requests for 0.7 s, ×1.4 per further
 * error — and the refused fetch is a plain network error, which read as "offline". One request's
 * retries (1–2 s apart by the third) stay outside that window, and a network error right after a
 * 5xx from that host is read as a server problem, final, never retried into the throttle. The
 * watchlist refresh stops at its first problem and resumes on the next alarm.
 */

class HostGate {
  private active = 0;
  private nextStartAt = 0;
  blockedUntil = 0;
  /** The stored wait, read once when the gate is made. */
  restored: Promise<void> = Promise.resolve();
  /** 5xx answers in a row (a success resets it). */
  serverErrors = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly policy: HostPolicy) {}

  async acquire(): Promise<void> {
    for (;;) {
      if (this.active < this.policy.concurrency) {
        const wait = Math.max(this.nextStartAt, this.blockedUntil) - Date.now();
        if (wait <= 0) {
          this.active++;
          this.nextStartAt = Date.now() + this.policy.minIntervalMs;
          return;
        }
        await sleep(wait);
        continue;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  release(): void {
    this.active--;
    this.waiters.shift()?.();
  }
}

/**
 * The transport's answer, or a rejection once the signal aborts: a transport that cannot cancel
 * its work (a message to a tab whose fetch hangs) still ends at the timeout.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => {}); // an abandoned attempt may still fail later: nobody is waiting for it
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The request timed out', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export interface NetOptions {
  policies?: Record<string, Partial<HostPolicy>>;
  defaults?: Partial<HostPolicy>;
  /** Source of jitter; tests pass a fixed one. */
  random?: () => number;
  /** Keeps each host's Retry-After wait across worker restarts. */
  backoffStore?: BackoffStore;
}

export class Net {
  private readonly gates = new Map<string, HostGate>();
  private readonly random: () => number;

  constructor(private readonly options: NetOptions = {}) {
    this.random = options.random ?? Math.random;
  }

  private gate(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      const policy = { ...DEFAULT_POLICY, ...this.options.defaults, ...this.options.policies?.[host] };
      gate = new HostGate(policy);
      const made = gate;
      const store = this.options.backoffStore;
      if (store)
        made.restored = store.get(host).then(
          (until) => {
            // Never more than the cap from now, whatever was stored.
            if (typeof until === 'number' && Number.isFinite(until))
              made.blockedUntil = Math.max(made.blockedUntil, Math.min(until, Date.now() + MAX_HOST_WAIT_MS));
          },
          () => {},
        );
      this.gates.set(host, gate);
    }
    return gate;
  }

  /** Makes the host wait until `until` (at most the cap from now), and keeps that across restarts. */
  private async hold(host: string, gate: HostGate, until: number): Promise<void> {
    gate.blockedUntil = Math.max(gate.blockedUntil, Math.min(until, Date.now() + MAX_HOST_WAIT_MS));
    await this.options.backoffStore?.set(host, gate.blockedUntil).catch(() => {});
  }

  private backoff(policy: HostPolicy, attempt: number): number {
    const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return Math.round(cap / 2 + (this.random() * cap) / 2);
  }

  /**
   * GET through the host's gate. Resolves with 2xx and 404 responses (404 is an answer: "no such
   * file"); every other outcome is retried where that can help and ends as a FetchProblem.
   */
  async get(url: string, transport: Transport, headers?: RequestHeaders): Promise<RawResponse> {
    const host = new URL(url).host;
    const gate = this.gate(host);
    await gate.restored;
    const { policy } = gate;
    let last: FetchProblem = new FetchProblem('server', `no attempt made for ${url}`);
    for (let attempt = 0; attempt <= policy.retries; attempt++) {
      if (gate.blockedUntil - Date.now() > policy.maxRetryAfterMs) {
        throw new FetchProblem('rate-limited', `${host} asked to wait; not retrying now`, 429);
      }
      await gate.acquire();
      let response: RawResponse | undefined;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
      try {
        response = await untilAborted(transport(url, controller.signal, headers), controller.signal);
      } catch (error) {
        last = controller.signal.aborted
          ? new FetchProblem('timeout', `${host} did not answer in ${policy.timeoutMs} ms`)
          : error instanceof FetchProblem
            ? error
            : gate.serverErrors > 0
              ? new FetchProblem('server', `${host} refused after ${gate.serverErrors} server error(s): ${String(error)}`)
              : new FetchProblem('offline', `${host} unreachable: ${String(error)}`);
      } finally {
        clearTimeout(timer);
        gate.release();
      }
      let delay = this.backoff(policy, attempt);
      if (response) {
        const { status } = response;
        if ((status >= 200 && status < 300) || status === 404) {
          gate.serverErrors = 0;
          return response;
        }
        if (status === 429) {
          const asked = parseRetryAfter(response.retryAfter, Date.now());
          if (asked !== null && asked > policy.maxRetryAfterMs) {
            await this.hold(host, gate, Date.now() + asked);
            throw new FetchProblem('rate-limited', `${host} asked to wait ${Math.min(asked, MAX_HOST_WAIT_MS)} ms`, 429);
          }
          delay = asked ?? delay;
          gate.blockedUntil = Math.max(gate.blockedUntil, Date.now() + delay);
          last = new FetchProblem('rate-limited', `${host} answered 429`, 429);
        } else if (status === 498) {
          // WB's anti-bot token (x_wbaas_token) is missing or expired: the page mints a new one on reload.
          throw new FetchProblem('token-expired', `${host} wants a fresh anti-bot token (498)`, status);
        } else if (status === 401 || status === 403) {
          // An anti-bot wall or a missing session: retrying in a loop only makes it worse.
          throw new FetchProblem('blocked', `${host} refused the request (${status})`, status);
        } else if (status >= 500) {
          last = new FetchProblem('server', `${host} answered ${status}`, status);
          gate.serverErrors++;
        } else {
          throw new FetchProblem('server', `${host} answered ${status}`, status);
        }
      } else if (last.kind !== 'timeout' && last.kind !== 'offline') {
        throw last; // a transport's own verdict (e.g. the page route is gone) is final
      }
      if (attempt < policy.retries) await sleep(delay);
    }
    throw last;
  }
}

export interface SingleFlight<K, V> {
  (key: K, run: () => Promise<V>): Promise<V>;
  /** The promise under way for this key, if any. */
  pending(key: K): Promise<V> | undefined;
}

/** Concurrent calls with one key share one promise until it settles. */
export function singleFlight<K, V>(): SingleFlight<K, V> {
  const inFlight = new Map<K, Promise<V>>();
  const call = (key: K, run: () => Promise<V>) => {
    const existing = inFlight.get(key);
    if (existing) return existing;
    const promise = run().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  };
  return Object.assign(call, { pending: (key: K) => inFlight.get(key) });
}

/** The background's own transport: a plain fetch with no cookies of the user's. */
export const backgroundTransport: Transport = async (url, signal, headers) => {
  const response = await fetch(url, { signal, credentials: 'omit', ...(headers ? { headers: { ...headers } } : {}) });
  return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
};
