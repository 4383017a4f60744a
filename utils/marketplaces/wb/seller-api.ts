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

/**
 * One unanswered review or question as `GET /api/v1/feedbacks` and `/api/v1/questions` send it
 * (reference §3.3; questions carry no buyer name and no stars). Only what the cabinet's reply
 * assistant needs to tell a review on the page and answer it.
 */
const ListedSchema = z.object({
  id: z.string().min(1).max(100),
  text: z.string().max(10_000).nullish(),
  pros: z.string().max(10_000).nullish(),
  cons: z.string().max(10_000).nullish(),
  productValuation: z.number().int().min(1).max(5).nullish(),
  userName: z.string().max(200).nullish(),
  productDetails: z
    .object({
      nmId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullish(),
      productName: z.string().max(1000).nullish(),
      brandName: z.string().max(500).nullish(),
    })
    .nullish(),
});
const ListSchema = z.object({
  data: z.object({ feedbacks: z.array(ListedSchema).nullish(), questions: z.array(ListedSchema).nullish() }),
});

export interface UnansweredItem {
  id: string;
  /** The buyer's words in the parts WB keeps them in (text, pros, cons), the empty ones left out. */
  parts: string[];
  buyer: string;
  article: string | null;
  stars: number | null;
  product: string;
  brand: string;
}

/** How many of the newest unanswered ones are asked for: more than a cabinet page lists. */
export const LIST_TAKE = 500;

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

  async function list(token: string, what: 'feedbacks' | 'questions'): Promise<UnansweredItem[]> {
    const url = `${SELLER_API}/api/v1/${what}?isAnswered=false&take=${LIST_TAKE}&skip=0&order=dateDesc`;
    const response = await deps.net.get(url, withToken(token));
    if (response.status === 404) throw new FetchProblem('not-found', `seller api: ${what} list not found`);
    const data = parseBody(ListSchema, response, `seller api ${what} list`).data;
    return (data[what] ?? []).map((item) => ({
      id: item.id,
      parts: [item.text, item.pros, item.cons].map((p) => p?.trim() ?? '').filter(Boolean),
      buyer: item.userName?.trim() ?? '',
      article: item.productDetails?.nmId ? String(item.productDetails.nmId) : null,
      stars: item.productValuation ?? null,
      product: item.productDetails?.productName?.trim() ?? '',
      brand: item.productDetails?.brandName?.trim() ?? '',
    }));
  }

  return {
    /** The newest unanswered reviews or questions; null when the API cannot say (never throws). */
    async unansweredList(token: string, what: 'feedbacks' | 'questions'): Promise<UnansweredItem[] | null> {
      try {
        return await list(token, what);
      } catch (error) {
        console.warn(`[lupa] seller api ${what} list:`, error instanceof FetchProblem ? error.kind : 'error');
        return null;
      }
    },
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
