// WB's official seller API for feedbacks and questions (../shared/reference/wildberries.md §5).
// Background only: the token is sent in the Authorization header and never put into an error,
// a log or a message; a 401 is "the token does not fit", not a network problem.
import { z } from 'zod';
import { FetchProblem, type Net, type Transport } from '../../net';
import { parseBody } from './client';

export const SELLER_API = 'https://feedbacks-api.wildberries.ru';

const CountSchema = z.object({
  data: z.object({ countUnanswered: z.number().int().nonnegative(), countUnansweredToday: z.number().int().nonnegative().optional() }),
  error: z.boolean().optional(),
});

export interface Unanswered {
  reviews: number;
  questions: number;
  at: number;
}

export type TokenCheck = { ok: true; unanswered: Unanswered } | { ok: false; reason: 'bad-token' | 'rate-limited' | 'offline' | 'server' };

export function createSellerApi(deps: { net: Net; now?: () => number }) {
  const now = deps.now ?? (() => Date.now());
  const withToken =
    (token: string): Transport =>
    async (url, signal) => {
      const response = await fetch(url, { signal, credentials: 'omit', headers: { Authorization: token, Accept: 'application/json' } });
      return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
    };

  async function count(token: string, what: 'feedbacks' | 'questions'): Promise<number> {
    const response = await deps.net.get(`${SELLER_API}/api/v1/${what}/count-unanswered`, withToken(token));
    if (response.status === 404) throw new FetchProblem('not-found', `seller api: ${what} count not found`);
    return parseBody(CountSchema, response, `seller api ${what} count`).data.countUnanswered;
  }

  return {
    async unanswered(token: string): Promise<TokenCheck> {
      try {
        const [reviews, questions] = await Promise.all([count(token, 'feedbacks'), count(token, 'questions')]);
        return { ok: true, unanswered: { reviews, questions, at: now() } };
      } catch (error) {
        if (error instanceof FetchProblem && (error.status === 401 || error.status === 403)) return { ok: false, reason: 'bad-token' };
        if (error instanceof FetchProblem && error.kind === 'rate-limited') return { ok: false, reason: 'rate-limited' };
        if (error instanceof FetchProblem && (error.kind === 'offline' || error.kind === 'timeout'))
          return { ok: false, reason: 'offline' };
        return { ok: false, reason: 'server' };
      }
    },
  };
}
