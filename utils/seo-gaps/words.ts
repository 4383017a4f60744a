// A card's words as search sees them: lower case, ё as е, markup and numbers dropped, Russian
// stop words left out, each Russian word reduced to its Snowball stem (@orama/stemmers), so
// «хлопковая», «хлопковой» and «хлопковые» are one term. Latin words («oversize», «TWS») are kept
// as they are. Phrases are two neighbouring words with no stop word between them.
import { stemmer } from '@orama/stemmers/russian';
import { stopwords } from '@orama/stopwords/russian';
import type { CardText } from '../model';

/** Words every card uses that say nothing about the product, on top of the language's stop words. */
const CARD_FILLER = [
  'товар',
  'товара',
  'это',
  'который',
  'которая',
  'которые',
  'также',
  'очень',
  'ваш',
  'ваша',
  'ваши',
  'наш',
  'наша',
  'наши',
  'каждый',
  'каждого',
  'весь',
  'всем',
  'шт',
  'см',
  'мм',
  'гр',
  'кг',
  'мл',
  'см.',
  'ещё',
  'еще',
  'вам',
  'нас',
  'своих',
  'свой',
];
const STOP = new Set([...stopwords, ...CARD_FILLER].map((w) => w.replace(/ё/g, 'е')));
const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const CYRILLIC = /[а-я]/;
/** A break in the text that no phrase crosses: sentence ends, list marks, line breaks. */
const BREAK = /[.!?;:\n\r•·|/()«»"]+/;

/** A term: the stem (or stems of a phrase) as its key, with the word as the card wrote it. */
export interface Term {
  key: string;
  word: string;
  phrase: boolean;
}

/** A stem ending in a consonant and -ок/-ек loses that vowel, as the word does in its other forms (хлопок — хлопка, носок — носки). */
const FLEETING_RU = /([бвгджзклмнпрстфхцчшщ])[ое]к$/;

const keyOf = (word: string) => {
  if (!CYRILLIC.test(word)) return word;
  const stem = stemmer(word);
  return stem.length >= 5 ? stem.replace(FLEETING_RU, '$1к') : stem;
};

/** The terms of a piece of text, in order, words and phrases. */
export function termsIn(text: string): Term[] {
  const out: Term[] = [];
  const clean = text
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е');
  for (const part of clean.split(BREAK)) {
    let previous: { key: string; word: string } | null = null;
    for (const [word] of part.matchAll(TOKEN)) {
      const useful = word.length >= 3 && !/^\d/.test(word) && !STOP.has(word);
      if (!useful) {
        previous = null;
        continue;
      }
      const term = { key: keyOf(word), word };
      out.push({ ...term, phrase: false });
      if (previous && previous.key !== term.key) {
        out.push({ key: `${previous.key} ${term.key}`, word: `${previous.word} ${term.word}`, phrase: true });
      }
      previous = term;
    }
  }
  return out;
}

/** Every term of a card (title, description, characteristics' values), each once, with the form it used most. */
export function cardTerms(card: CardText): Map<string, Term> {
  const forms = new Map<string, Map<string, number>>();
  const first = new Map<string, Term>();
  const texts = [card.title, card.description, ...card.options.map((o) => o.value)];
  for (const text of texts) {
    for (const term of termsIn(text)) {
      if (!first.has(term.key)) first.set(term.key, term);
      const counts = forms.get(term.key) ?? new Map<string, number>();
      counts.set(term.word, (counts.get(term.word) ?? 0) + 1);
      forms.set(term.key, counts);
    }
  }
  const out = new Map<string, Term>();
  for (const [key, term] of first) {
    const counts = forms.get(key) as Map<string, number>;
    let word = term.word;
    for (const [form, n] of counts) if (n > (counts.get(word) ?? 0)) word = form;
    out.set(key, { ...term, word });
  }
  return out;
}
