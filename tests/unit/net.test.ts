import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FetchProblem, Net, parseRetryAfter, problemOf, type RawResponse, singleFlight, type Transport } from '../../utils/net';

const URL_A = 'https://card.wb.ru/cards/v4/detail?nm=1';
const ok: RawResponse = { status: 200, body: '{}', retryAfter: null };
const status = (code: number, retryAfter: string | null = null): RawResponse => ({ status: code, body: '', retryAfter });

/** A transport that answers from a script, one entry per call, and records when each call came. */
function scripted(...script: Array<RawResponse | 'network' | 'hang'>) {
  const calls: number[] = [];
  const transport: Transport = (_url, signal) => {
    calls.push(Date.now());
    const next = script.shift() ?? ok;
    if (next === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    if (next === 'hang')
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return Promise.resolve(next);
  };
  return { transport, calls };
}

async function settle<T>(promise: Promise<T>): Promise<T | FetchProblem> {
  const result = promise.catch((e: unknown) => e as FetchProblem);
  await vi.runAllTimersAsync();
  return result;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-20T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const net = (over = {}) => new Net({ random: () => 0.5, defaults: { minIntervalMs: 0, ...over } });

describe('retries', () => {
  test('a 500 is retried with growing delays and the 200 that follows is returned', async () => {
    const { transport, calls } = scripted(status(500), status(502), ok);
    expect(await settle(net().get(URL_A, transport))).toEqual(ok);
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] as number));
    // Equal jitter with random() = 0.5: ¾ of base·2^attempt.
    expect(gaps).toEqual([375, 750]);
  });

  test('a 429 waits exactly what Retry-After asks, in seconds', async () => {
    const { transport, calls } = scripted(status(429, '3'), ok);
    expect(await settle(net().get(URL_A, transport))).toEqual(ok);
    expect((calls[1] as number) - (calls[0] as number)).toBe(3000);
  });

  test('Retry-After as an HTTP date is honoured too', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(parseRetryAfter('Fri, 20 Nov 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  test('a 429 pauses the whole host: another request waits for the same Retry-After', async () => {
    const { transport, calls } = scripted(status(429, '2'), ok, ok);
    const n = net();
    const first = n.get(URL_A, transport);
    await vi.advanceTimersByTimeAsync(10);
    const second = n.get('https://card.wb.ru/cards/v4/detail?nm=2', transport);
    await vi.runAllTimersAsync();
    await Promise.all([first, second]);
    expect(calls.every((t, i) => i === 0 || t - (calls[0] as number) >= 2000)).toBe(true);
  });

  test('a Retry-After beyond the limit fails at once, and so does the next request to that host', async () => {
    const { transport, calls } = scripted(status(429, '600'));
    const n = net();
    const problem = await settle(n.get(URL_A, transport));
    expect(problem).toMatchObject({ kind: 'rate-limited' });
    expect(await settle(n.get(URL_A, transport))).toMatchObject({ kind: 'rate-limited' });
    expect(calls).toHaveLength(1);
  });

  test('429s without Retry-After give up after the retry budget as rate-limited', async () => {
    const { transport, calls } = scripted(status(429), status(429), status(429), status(429));
    expect(await settle(net().get(URL_A, transport))).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(calls).toHaveLength(4);
  });

  test('403 (an anti-bot wall) is not retried', async () => {
    const { transport, calls } = scripted(status(403));
    expect(await settle(net().get(URL_A, transport))).toMatchObject({ kind: 'blocked', status: 403 });
    expect(calls).toHaveLength(1);
  });

  test('404 is an answer, not an error', async () => {
    const { transport } = scripted(status(404));
    expect(await settle(net().get(URL_A, transport))).toMatchObject({ status: 404 });
  });

  test('a hanging request times out, is retried, and ends as a timeout', async () => {
    const { transport, calls } = scripted('hang', 'hang', 'hang', 'hang');
    expect(await settle(net({ timeoutMs: 1000 }).get(URL_A, transport))).toMatchObject({ kind: 'timeout' });
    expect(calls).toHaveLength(4);
  });

  test('a transport that ignores its abort signal (a message to a tab) still times out', async () => {
    let calls = 0;
    const deaf: Transport = () => {
      calls++;
      return new Promise<RawResponse>(() => {});
    };
    expect(await settle(net({ timeoutMs: 1000 }).get(URL_A, deaf))).toMatchObject({ kind: 'timeout' });
    expect(calls).toBe(4);
  });

  test('a network failure is "offline" after retries; one success in between is enough', async () => {
    expect(await settle(net().get(URL_A, scripted('network', 'network', 'network', 'network').transport))).toMatchObject({
      kind: 'offline',
    });
    expect(await settle(net().get(URL_A, scripted('network', ok).transport))).toEqual(ok);
  });

  test("a transport's own verdict (the page route is gone) is final, not retried", async () => {
    let calls = 0;
    const gone: Transport = async () => {
      calls++;
      throw new FetchProblem('not-found', 'no receiver');
    };
    expect(await settle(net().get(URL_A, gone))).toMatchObject({ kind: 'not-found' });
    expect(calls).toBe(1);
  });
});

describe('per-host gate', () => {
  test('never more than `concurrency` requests at once to a host; other hosts are not held', async () => {
    let active = 0;
    let peak = 0;
    const slow: Transport = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 100));
      active--;
      return ok;
    };
    const n = net({ concurrency: 2 });
    const all = Promise.all(Array.from({ length: 6 }, (_, i) => n.get(`https://card.wb.ru/x?${i}`, slow)));
    await vi.runAllTimersAsync();
    await all;
    expect(peak).toBe(2);
  });

  test('requests to a host start at least minIntervalMs apart', async () => {
    const { transport, calls } = scripted(ok, ok, ok);
    const n = new Net({ defaults: { minIntervalMs: 200 } });
    const all = Promise.all([1, 2, 3].map((i) => n.get(`https://card.wb.ru/x?${i}`, transport)));
    await vi.runAllTimersAsync();
    await all;
    expect(calls.slice(1).map((t, i) => t - (calls[i] as number))).toEqual([200, 200]);
  });
});

test('single flight: concurrent calls with one key share one run; after it settles a new run starts', async () => {
  vi.useRealTimers();
  const flight = singleFlight<string, number>();
  let runs = 0;
  const run = async () => ++runs;
  const [a, b] = await Promise.all([flight('k', run), flight('k', run)]);
  expect([a, b, runs]).toEqual([1, 1, 1]);
  expect(flight.pending('k')).toBeUndefined();
  expect(await flight('k', run)).toBe(2);
});

describe('a failure as the state the user sees', () => {
  test.each([
    [
      new FetchProblem('blocked', 'ozon: anti-bot check (captcha or incident id)', 403),
      'blocked',
      'ozon: anti-bot check (captcha or incident id)',
    ],
    [new FetchProblem('rate-limited', 'search.wb.ru answered 429', 429), 'rate-limited', 'search.wb.ru answered 429'],
    [new FetchProblem('format-changed', 'card detail: data.products — invalid'), 'format-changed', 'card detail: data.products — invalid'],
    [new FetchProblem('not-found', 'detail: 404', 404), 'not-found', 'detail: 404'],
    [
      new FetchProblem('offline', 'www.ozon.ru unreachable: TypeError: Failed to fetch'),
      'offline',
      'www.ozon.ru unreachable: TypeError: Failed to fetch',
    ],
    [new FetchProblem('timeout', 'card.wb.ru did not answer in 15000 ms'), 'timeout', 'card.wb.ru did not answer in 15000 ms'],
    [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'server',
      "TypeError: Cannot read properties of undefined (reading 'id')",
    ],
    [new Error('QuotaExceededError'), 'server', 'Error: QuotaExceededError'],
    ['a thrown string', 'server', 'a thrown string'],
    [undefined, 'server', 'undefined'],
  ] as const)('%s → %s', (error, kind, detail) => {
    expect(problemOf(error)).toEqual({ kind, detail });
  });
});

describe('repeated server errors', () => {
  test('a network error right after a 5xx (the browser throttling) is a server problem, not "offline"', async () => {
    const { transport, calls } = scripted(status(500), 'network', 'network', 'network');
    expect(await settle(net().get(URL_A, transport))).toMatchObject({ kind: 'server' });
    expect(calls).toHaveLength(2);
  });
});

describe('a long Retry-After', () => {
  const HOUR = 60 * 60 * 1000;
  /** The store a worker keeps its waits in (Dexie in the extension), shared by two "workers". */
  function memoryStore() {
    const saved = new Map<string, number>();
    return { saved, get: async (host: string) => saved.get(host), set: async (host: string, until: number) => void saved.set(host, until) };
  }

  test.each([
    ['delta-seconds, ten years', String(10 * 365 * 24 * 3600)],
    ['an HTTP date in the year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT'],
  ])('is capped at an hour (%s)', async (_what, header) => {
    const store = memoryStore();
    const { transport, calls } = scripted(status(429, header), ok);
    const n = new Net({ random: () => 0.5, defaults: { minIntervalMs: 0 }, backoffStore: store });
    expect(await settle(n.get(URL_A, transport))).toMatchObject({ kind: 'rate-limited' });
    expect(store.saved.get('card.wb.ru')).toBe(Date.now() + HOUR);
    await vi.advanceTimersByTimeAsync(HOUR + 1);
    expect(await settle(n.get(URL_A, transport))).toEqual(ok);
    expect(calls).toHaveLength(2);
  });

  test('is kept across a worker restart: a new Net waits it out without asking the host', async () => {
    const store = memoryStore();
    const first = scripted(status(429, '1800'));
    await settle(new Net({ random: () => 0.5, defaults: { minIntervalMs: 0 }, backoffStore: store }).get(URL_A, first.transport));
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);

    const restarted = new Net({ random: () => 0.5, defaults: { minIntervalMs: 0 }, backoffStore: store });
    const second = scripted(ok);
    expect(await settle(restarted.get(URL_A, second.transport))).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(second.calls).toHaveLength(0);
    // Other hosts are not held.
    expect(await settle(restarted.get('https://search.wb.ru/exactmatch/ru/common/v18/search?query=x', second.transport))).toEqual(ok);
    await vi.advanceTimersByTimeAsync(20 * 60 * 1000 + 1);
    expect(await settle(restarted.get(URL_A, second.transport))).toEqual(ok);
  });

  test('a stored wait past the cap (a bad store) is read as an hour at most', async () => {
    const store = memoryStore();
    store.saved.set('card.wb.ru', Date.parse('+270000-01-01T00:00:00Z'));
    const n = new Net({ random: () => 0.5, defaults: { minIntervalMs: 0 }, backoffStore: store });
    const { transport, calls } = scripted(ok);
    expect(await settle(n.get(URL_A, transport))).toMatchObject({ kind: 'rate-limited' });
    await vi.advanceTimersByTimeAsync(HOUR + 1);
    expect(await settle(n.get(URL_A, transport))).toEqual(ok);
    expect(calls).toHaveLength(1);
  });
});
