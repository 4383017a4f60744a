// Russian text made comparable (the tone check, the complaint topics): words split off punctuation,
// lower case, ё→е, Latin look-alikes inside Cyrillic words ("сл0м@лся"), a light stemmer (endings
// off, so "вина", "вину", "вины" meet), and the spellings sellers mix up made one: unstressed о/а
// ("винавата"), doubled letters ("виноватыы", "расскажем"/"раскажем"), жы/шы, -ться/-тся.
// Each word keeps where it stands in the reply, so a warning can name the phrase as written.
// Pure and import-free: the cabinet's content script carries it.

export interface Word {
  /** The word folded (see above), whole. */
  full: string;
  /** Its stem: the folded word without its ending. */
  stem: string;
  /** Where it stands in the original text. */
  start: number;
  end: number;
}

const LOOKALIKE: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
  '@': 'а',
  '0': 'о',
  '3': 'з',
};

/**
 * Endings, longest first; reflexive ся/сь come off before them. A verb keeps its stem vowel ("порва-ла",
 * "порва-ли", "порва-ть" meet).
 */
const ENDINGS = [
  'ившись',
  'ывшись',
  'ейшая',
  'ейший',
  'ующий',
  'ающий',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ешь',
  'ишь',
  'ете',
  'ите',
  'ов',
  'ев',
  'ах',
  'ях',
  'ам',
  'ям',
  'ом',
  'ем',
  'ой',
  'ей',
  'ий',
  'ый',
  'ая',
  'яя',
  'ое',
  'ее',
  'ие',
  'ые',
  'ую',
  'юю',
  'ых',
  'их',
  'им',
  'ым',
  'ют',
  'ут',
  'ят',
  'ат',
  'ет',
  'ит',
  'ла',
  'ло',
  'ли',
  'ть',
  'ти',
  'ия',
  'ью',
  'ии',
  'ию',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
  'л',
];

const CYRILLIC = /[а-яё]/;

/** One word's spelling made plain (no stemming): case, ё, look-alikes, common misspellings. */
export function fold(word: string): string {
  let w = word.toLowerCase().replace(/ё/g, 'е');
  if (CYRILLIC.test(w) && /[a-z@03]/.test(w)) w = w.replace(/[a-z@03]/g, (ch) => LOOKALIKE[ch] ?? ch);
  if (!CYRILLIC.test(w)) return w;
  return w
    .replace(/ъ/g, 'ь')
    .replace(/ться$/, 'тся')
    .replace(/([жш])ы/g, '$1и')
    .replace(/([чщ])я/g, '$1а')
    .replace(/о/g, 'а')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** The stem of a folded word: reflexive ending, then the longest ending that leaves three letters. */
export function stem(folded: string): string {
  if (!CYRILLIC.test(folded)) return folded;
  let w = folded;
  if (w.length > 4 && /(ся|сь)$/.test(w)) w = w.slice(0, -2);
  for (const ending of ENDINGS) {
    // The endings are folded too (о→а): compare like with like.
    const e = ending.replace(/о/g, 'а');
    if (w.length - e.length >= 3 && w.endsWith(e)) return w.slice(0, -e.length);
  }
  return w;
}

/** A sentence break between words: gaps in a rule never cross it. */
export const BREAK = '|';
/** A clause break (comma, dash, colon): a negation does not reach across it. */
export const CLAUSE = ',';

/**
 * The reply's words, in order, with a BREAK word where a sentence ends (., !, ?, …, ;, a line break)
 * and a CLAUSE word at a comma, a colon or a dash between words. Word characters: letters, digits and
 * look-alikes inside a word.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}@]+(?:[-'][\p{L}\p{N}]+)*|[.!?…\n;]+|[,:—–]|(?<=\s)-(?=\s)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const start = m.index ?? 0;
    if (/^[,:—–-]$/.test(raw)) {
      if (out.length && out.at(-1)?.full !== BREAK && out.at(-1)?.full !== CLAUSE)
        out.push({ full: CLAUSE, stem: CLAUSE, start, end: start + 1 });
      continue;
    }
    if (/^[.!?…\n;]+$/.test(raw)) {
      // "5.5", "t.me": a dot inside a token is not a break (the regex splits them; keep them joined).
      if (raw === '.' && /\S/.test(text[start + 1] ?? ' ') && /[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ')) continue;
      if (out.at(-1)?.full === CLAUSE) out.pop();
      if (out.at(-1)?.full !== BREAK) out.push({ full: BREAK, stem: BREAK, start, end: start + raw.length });
      continue;
    }
    // "@username" is a word of its own even though @ inside a word reads as "а".
    const full = fold(raw.replace(/^@+/, ''));
    if (!full) continue;
    out.push({ full, stem: stem(full), start, end: start + raw.length });
  }
  return out;
}
