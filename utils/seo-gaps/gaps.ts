// What the top organic cards of a query say that this card does not, and what only this card
// says. A term counts when at least MIN_SHARE of the compared cards (and never fewer than two)
// use it: one rival's wording is not a gap.
import type { CardText } from '../model';
import { cardTerms, type Term } from './words';

export const MIN_SHARE = 0.3;
export const WORDS_SHOWN = 20;
export const PHRASES_SHOWN = 10;
export const UNIQUE_SHOWN = 20;

export interface MissingTerm {
  key: string;
  word: string;
  phrase: boolean;
  /** How many of the compared cards use it. */
  count: number;
}

export interface SeoGaps {
  /** Cards compared. */
  rivals: number;
  /** Fewest cards a term needs to count. */
  minCount: number;
  missing: MissingTerm[];
  unique: Array<{ key: string; word: string }>;
}

const byCount = (a: MissingTerm, b: MissingTerm) => b.count - a.count || a.word.localeCompare(b.word, 'ru');

export function seoGaps(own: CardText, rivals: readonly CardText[]): SeoGaps {
  const mine = cardTerms(own);
  const used = new Map<string, { term: Term; count: number; forms: Map<string, number> }>();
  for (const rival of rivals) {
    for (const [key, term] of cardTerms(rival)) {
      const entry = used.get(key) ?? { term, count: 0, forms: new Map<string, number>() };
      entry.count++;
      entry.forms.set(term.word, (entry.forms.get(term.word) ?? 0) + 1);
      used.set(key, entry);
    }
  }
  const minCount = Math.max(2, Math.ceil(rivals.length * MIN_SHARE));
  const missing: MissingTerm[] = [];
  for (const [key, { term, count, forms }] of used) {
    if (count < minCount || mine.has(key)) continue;
    let word = term.word;
    for (const [form, n] of forms) if (n > (forms.get(word) ?? 0)) word = form;
    missing.push({ key, word, phrase: term.phrase, count });
  }
  const words = missing
    .filter((m) => !m.phrase)
    .sort(byCount)
    .slice(0, WORDS_SHOWN);
  const phrases = missing
    .filter((m) => m.phrase)
    .sort(byCount)
    .slice(0, PHRASES_SHOWN);
  const unique = [...mine.values()]
    .filter((term) => !term.phrase && !used.has(term.key))
    .slice(0, UNIQUE_SHOWN)
    .map(({ key, word }) => ({ key, word }));
  return { rivals: rivals.length, minCount, missing: [...words, ...phrases], unique };
}
