// Compares a card's words with those of the top organic cards of a query: the first search page
// (shared with badges and scans, kept ten minutes), then each card's card.json, read a few at a
// time and kept in memory for half an hour (a seller tries several queries in a row).
import type { CardText } from '../model';
import { problemOf } from '../net';
import type { SearchPageAsk } from '../search-pages';
import { seoGaps } from './gaps';
import type { SeoGapsReply } from './protocol';

/** How many top organic cards are compared. */
export const RIVALS = 10;
const TEXT_TTL = 30 * 60 * 1000;
const TEXTS_KEPT = 300;
const AT_ONCE = 4;

export interface SeoDeps {
  searchPage: (ask: SearchPageAsk) => Promise<Array<{ id: string; ad: unknown }>>;
  cardText: (id: string) => Promise<CardText>;
  now?: () => number;
}

export function createSeoService(deps: SeoDeps) {
  const now = deps.now ?? (() => Date.now());
  const texts = new Map<string, { at: number; text: Promise<CardText> }>();

  const textOf = (id: string): Promise<CardText> => {
    const kept = texts.get(id);
    if (kept && now() - kept.at < TEXT_TTL) return kept.text;
    const text = deps.cardText(id);
    const entry = { at: now(), text };
    texts.delete(id);
    texts.set(id, entry);
    if (texts.size > TEXTS_KEPT) texts.delete(texts.keys().next().value as string);
    // A failed read is not kept: the next comparison asks again.
    text.catch(() => {
      if (texts.get(id) === entry) texts.delete(id);
    });
    return text;
  };

  async function settleAll(ids: readonly string[]): Promise<Array<CardText | null>> {
    const out: Array<CardText | null> = new Array(ids.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        out[i] = await textOf(ids[i] as string).catch(() => null);
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
    return out;
  }

  return {
    async compare(productId: string, query: string, ctx: SearchPageAsk['ctx'] = {}): Promise<SeoGapsReply> {
      const empty = { query, rivals: 0, skipped: 0, minCount: 0, missing: [], unique: [] };
      try {
        const [own, entries] = await Promise.all([textOf(productId), deps.searchPage({ query, page: 1, ctx })]);
        const ids = entries
          .filter((e) => e.ad === null && e.id !== productId)
          .slice(0, RIVALS)
          .map((e) => e.id);
        const read = await settleAll(ids);
        const rivals = read.filter((t): t is CardText => t !== null);
        return { ...seoGaps(own, rivals), query, skipped: ids.length - rivals.length, problem: null };
      } catch (error) {
        return { ...empty, problem: problemOf(error).kind };
      }
    },
  };
}
