// WB's seller API, the unanswered lists the cabinet's reply assistant reads (reference §3.3): asked
// with the token in the Authorization header only, validated, mapped to what the cabinet needs;
// anything else is null, never an error and never the token.
import { afterEach, expect, test, vi } from 'vitest';
import { createSellerApi } from '../../utils/marketplaces/wb/seller-api';
import { Net } from '../../utils/net';
import { feedbacksList, questionsList } from '../fixtures/wb/cabinet.mjs';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.test-token-for-the-list.signature';
const net = () => new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } });

function serve(answer: (url: URL) => { status: number; body: unknown }) {
  const calls: Array<{ url: string; auth: string | null; credentials: RequestCredentials | undefined }> = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: new Headers(init?.headers).get('authorization'), credentials: init?.credentials });
    const { status, body } = answer(new URL(url));
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  });
  return calls;
}
const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

afterEach(() => {
  vi.unstubAllGlobals();
  warnings.mockClear();
});

test('the unanswered reviews and questions, newest first, as the cabinet needs them', async () => {
  const calls = serve((url) => ({ status: 200, body: url.pathname.endsWith('/questions') ? questionsList() : feedbacksList() }));
  const api = createSellerApi({ net: net() });
  const reviews = await api.unansweredList(TOKEN, 'feedbacks');
  expect(reviews?.[0]).toEqual({
    id: 'fb-1',
    parts: ['Пришел брак, дырка на рукаве'],
    buyer: 'Анна',
    article: '146972802',
    stars: 1,
    product: 'Футболка оверсайз из хлопка с принтом',
    brand: 'Lupa',
  });
  // A review with stars only keeps no empty part.
  expect(reviews?.find((r) => r.id === 'fb-4')?.parts).toEqual([]);
  const questions = await api.unansweredList(TOKEN, 'questions');
  expect(questions?.[1]).toMatchObject({
    id: 'q-2',
    buyer: '',
    stars: null,
    article: '211695539',
    parts: ['Когда будет доставка в Казань?'],
  });

  const url = new URL(calls[0]?.url ?? '');
  expect(url.origin + url.pathname).toBe('https://feedbacks-api.wildberries.ru/api/v1/feedbacks');
  expect(Object.fromEntries(url.searchParams)).toEqual({ isAnswered: 'false', take: '500', skip: '0', order: 'dateDesc' });
  expect(calls.every((c) => c.auth === TOKEN && c.credentials === 'omit')).toBe(true);
});

test('a bad token, a changed format or a server error is null, and no warning names the token', async () => {
  for (const answer of [
    { status: 401, body: { title: 'unauthorized' } },
    { status: 200, body: { data: { feedbacks: [{ id: 7, text: 'id is a number' }] } } },
    { status: 200, body: '<html>maintenance</html>' },
    { status: 500, body: { error: true } },
  ]) {
    serve(() => answer);
    expect(await createSellerApi({ net: net() }).unansweredList(TOKEN, 'feedbacks')).toBeNull();
  }
  expect(warnings).toHaveBeenCalled();
  expect(JSON.stringify(warnings.mock.calls)).not.toContain(TOKEN);
});
