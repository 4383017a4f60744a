// What a negative review complains about (issue 16's complaint digest): rules over the review's
// words as utils/russian-words.ts makes them (case, ё, typos, o/a, doubled letters, look-alikes), so
// "мламерит", "вонят" and "упоквка" still count. A review may name several topics; one that names
// none is "other". A negation just before a phrase ("без брака", "не воняет") or "нет" just after it
// ("запаха нет") takes it back; "не подошёл", "не работает" are complaints by themselves.
// Scored on tests/fixtures/replies/complaint-set.mjs (tests/unit/complaint-set.test.ts, `npm run bench`).
// Pure: the background runs it on each review as it reads them.
import { BREAK, CLAUSE, fold, stem, type Word, words } from '../russian-words';

export const COMPLAINT_TOPICS = ['defect', 'quality', 'size', 'mismatch', 'delivery', 'packaging', 'smell'] as const;
export type ComplaintTopic = (typeof COMPLAINT_TOPICS)[number];
/** A review that names none of the topics. */
export const OTHER = 'other' as const;
export type DigestTopic = ComplaintTopic | typeof OTHER;

// --- Patterns -------------------------------------------------------------------------------------
// Words separated by spaces. A word: `брак` (any form: stems compared), `=нет` (this exact word),
// `слома*` (a word starting so); `a|b` either; `~N` up to N other words in the same sentence. A
// pattern that starts with `!` cannot be taken back by a negation (it holds one itself).

type Slot = { gap: number } | { test: (w: Word) => boolean };
interface Rule {
  slots: Slot[];
  negatable: boolean;
}

function alternative(alt: string): (w: Word) => boolean {
  if (alt.endsWith('*')) {
    const prefix = fold(alt.replace(/^=/, '').slice(0, -1));
    return (w) => w.full.startsWith(prefix);
  }
  if (alt.startsWith('=')) {
    const exact = fold(alt.slice(1));
    return (w) => w.full === exact;
  }
  if (alt.endsWith('*')) {
    const prefix = fold(alt.slice(0, -1));
    return (w) => w.full.startsWith(prefix);
  }
  const s = stem(fold(alt));
  return (w) => w.stem === s;
}

function rule(pattern: string): Rule {
  const negatable = !pattern.startsWith('!');
  const slots = pattern
    .replace(/^!/, '')
    .trim()
    .split(/\s+/)
    .map((slot): Slot => {
      if (/^~\d+$/.test(slot)) return { gap: Number(slot.slice(1)) };
      const tests = slot.split('|').map(alternative);
      return { test: (w) => tests.some((t) => t(w)) };
    });
  return { slots, negatable };
}

const NOT = new Set(['не', 'нет', 'ни', 'без', 'нету'].map(fold));
const isBreak = (w: Word | undefined) => w === undefined || w.full === BREAK;

/** The index after the match of `slots` from word `i`, or -1. Gaps never cross a sentence. */
function matchAt(ws: readonly Word[], slots: readonly Slot[], i: number): number {
  const [slot, ...rest] = slots;
  if (!slot) return i;
  if ('gap' in slot) {
    for (let skip = 0, j = i; skip <= slot.gap; skip++, j++) {
      const end = matchAt(ws, rest, j);
      if (end >= 0) return end;
      const w = ws[j];
      if (isBreak(w) || (w && NOT.has(w.full))) return -1;
    }
    return -1;
  }
  const w = ws[i];
  if (!w || w.full === BREAK || w.full === CLAUSE || !slot.test(w)) return -1;
  return matchAt(ws, rest, i + 1);
}

/** Praise next to a topic's word takes it back: "доставили быстро", "упаковка хорошая", "качество норм". */
const PRAISE = ['хорош', 'отличн', 'быстр', 'вовремя', 'норм', 'супер', 'идеальн', 'цел', 'аккуратн', 'надежн'].map(fold);
const praised = (w: Word | undefined) => w !== undefined && PRAISE.some((p) => w.full.startsWith(p));

/** Praise within two words either side in the same clause. */
function praisedNear(ws: readonly Word[], start: number, end: number): boolean {
  for (const [from, step] of [
    [start - 1, -1],
    [end, 1],
  ] as const)
    for (let j = from, n = 0; n < 2; j += step, n++) {
      const w = ws[j];
      if (isBreak(w) || w?.full === CLAUSE) break;
      if (praised(w)) return true;
    }
  return false;
}

/** Taken back: a negation just before (same clause), or "нет" within two words after. */
function negated(ws: readonly Word[], start: number, end: number): boolean {
  if (praisedNear(ws, start, end)) return true;
  const before = ws[start - 1];
  if (before && NOT.has(before.full)) return true;
  const twoBefore = ws[start - 2];
  if (twoBefore && NOT.has(twoBefore.full) && before && before.full !== CLAUSE && before.full !== BREAK) return true;
  for (let j = end; j < end + 2; j++) {
    const w = ws[j];
    if (isBreak(w) || w?.full === CLAUSE) break;
    if (w && (w.full === 'нет' || w.full === 'нету')) return true;
  }
  return false;
}

/** What makes a mention of the packaging a complaint about it. */
const BAD = 'мят*|помят*|порва*|рван*|грязн*|вскрыт*|никак*|ужас*|отврат*|плох*|поврежд*|мокр*|хлам*|кинул*';
const rules = (list: string[]) => list.map((r) => rule(r.replace(/\bBAD\b/g, BAD)));

const RULES: Record<ComplaintTopic, Rule[]> = {
  defect: rules([
    'брак*',
    'некомплект*',
    '!=не работа*|=работа|=работат|включа*|заряжа*|застегива*|держ*|горит|=горят|открыва*|крут*|греет',
    '!=не ~1 включа*|заряжа*|застегива*|работа*',
    'слома*|сломан*|сломал*|поломк*|разбит*|разбил*|треснут*|трещин*|скол*|царапин*|поцарапан*|вмятин*',
    'дырк*|дыр*|затяжк*|пятн*|стрелк*',
    'перестал* ~1 работа*|включа*|заряжа*',
    'отклеил*|отвалил*|оторвал*|запал*|хрипит|гудит|мига*',
    'отключа* ~2 сам*',
    '!=не хвата* ~3 болт*|детал*|винт*|част*|комплект*|пульт*|шнур*',
    '!=не =было|=оказал*|=оказалось ~3 пульт*|зарядн*|детал*|комплект*|шнур*|блок*',
    '!=в =комплекте =не =было|=нет',
    '=б/у|бу|=пользован*|ношен*',
    'сломаны*|сломаный*',
    'шата*',
    '!=не =всасыва*|=держит',
  ]),
  quality: rules([
    'катышк*|катышек|скатал*|скатыва*',
    'полинял*|линя*|окрасил*|облез*|облеза*|потрескал*|сьежил*|съежил*',
    'сел* ~1 =после',
    'шов|швы|шва|строчк* ~3 разош*|кривы*|неровн*|расползл*|распол*',
    'нитк* ~1 торч*',
    'торч* ~2 нитк*',
    'ткан*|материал*|кож* ~2 тонк*',
    'тонк* ~1 ткан*|материал*',
    'тонковат*|просвечива*|хлипк*|хлипен*',
    'дешев* ~1 выгляд*|пластик*|кожзам*|материал*',
    'выгляд* ~1 дешев*',
    'качеств*|качесв*|каччеств*|пошив* ~2 ужас*|отврат*|плох*|низк*|отстой*|никак*|=так|ужасн*|кошмар*',
    'ужас*|отврат*|плох*|низк*|никак*|некачеств* ~1 качеств*|качесв*|пошив*',
    'некачеств*',
    'недостатк* ~1 качеств*',
    'пуговиц* ~2 отлет*|отвал*|оторв*',
    'ручк* ~1 отвалил*|отлетел*',
    'развалил*|расползл*',
  ]),
  size: rules([
    'маломер*|мламер*|большемер*|маломерк*',
    'размер*|рамзер*|размерн* ~3 =не =подош*|=подошел|=подошла|=соответств*|=соответвует|неправильн*|=меньше|=больше|=мал|=велик',
    '=не =подош* ~1 =по =размеру|размер*',
    '!=не =подош*|=подошел|=подошла ~1 размер*',
    'размер* ~2 =не =подош*',
    '!=не ~1 =налез*|=налезл*|налез*|=застегнуть|=сход*',
    '=мал|=мала|=малы|=мало|=велик|=велика|=велики ~2 =на =размер|размер*|=в',
    '!=очень|=сильно|=слишком =мал|=мала|=малы|=велик|=велика|=велики',
    '=велика|=велик|=велики',
    'тесн*|узк*|узко|широк*|длинн*|коротк*',
    'таблиц* ~1 размер*',
    'висит ~1 мешк*|=висит',
    '=как =50|=как =48|=как =46|=как =44',
    '=на =деле =44|=48',
    'по =факту =s|=m|=l|=xl',
    'размер* ~2 больш*|меньш*',
    'на ~1 размер* ~1 больш*|меньш*',
    '!=не =тот|=та размер*',
    'подшива*',
    'диаметр*',
  ]),
  mismatch: rules([
    '!=не =соответству*|=соответсвует|=соотвествует|=соответствует|=соответствуют|=соответвует ~2 фото|описан*|описани*|действительн*|заявлен*|картинк*',
    '!=не =соответству*|=соответствует|=соответствуют =описанию|=фото|=действительности',
    '=не =как =на =фото|=картинке',
    '=на =фото|=картинке|фото ~3 =одно|друг*|красив*|голуб*|плотн*|лучше',
    'фото|картинк* ~1 =не|=совсем ~1 =то|=тот|=та',
    '!=не =тот|=та|=ту|=те|=то ~1 товар*|цвет*|модел*|оттен*|размер*|=что',
    '!=не =тот|=та|=ту|=то =что заказыва*|заказал*|ожидал*',
    '!=пришел|=пришёл|пришл*|=прислали|прислал* =не =тот|=та|=то',
    '!=совсем =не =то',
    'цвет* ~2 друг*|темн*|светл*',
    '!цвет* ~1 =не =тот',
    '=заказывала|=заказывал|=заказала|заказал* ~2 пришел|пришл*|=пришёл',
    'прислали|прислал* ~1 друг*|одн*',
    '=вместо ~2 комплект*|шапк*|набор*',
    'обман*',
    '=в =описании|=описанию|=карточке ~3 =по =факту|=а',
    '=по =факту ~1 синтетик*|кожзам*|друг*',
    '=в =реальности|=жизни ~2 друг*|=не =то|=совсем',
    'заявлен* ~5 =нет',
    '!=нет =никакого|=никакой',
    'набор* ~4 одн*',
    'ожида* ~2 описан*',
    '=не =то ~1 =что =ожидал*',
    '=не =тот =оттенок',
    '=состав ~2 =не =соответств*',
    '=не ~1 кож*|натуральн*',
  ]),
  delivery: rules([
    'доставк*|доставил*|доставили|доставля*|доставку',
    'курьер*|курер*',
    '!=не =приехал*',
    'долг* ~2 =шел|=шла|=шло|=шли|вез*|ждал*|достав*',
    '=шел|=шла|=шло|=шли|вез*|ждал* ~2 долг*|недел*|месяц*|=две|=три',
    'везли|вез ~2 недел*|дн*',
    'потерял*|потеря*',
    'сроки|срок* ~1 доставк*|сорван*',
    'задерж*',
    'опоздал*|опоздан*',
    '=пункт =выдачи',
    'посылк*',
  ]),
  packaging: rules([
    'упаковк*|упоквк*|упакова*|упакавк* ~2 BAD',
    'BAD ~2 упаковк*|упоквк*|упакова*|упакавк*',
    'коробк* ~2 мят*|помят*|порва*|рван*|вскрыт*|хлам*|мокр*|грязн*|разорва*',
    'мят*|помят*|порва*|рван*|вскрыт*|помял* ~1 коробк*',
    'коробк* ~1 помял*|помяли|помяты',
    'коробк*',
    'пакет* ~2 тонк*|рван*|порван*',
    '=в =пакете',
    'тонк*|рван* ~1 пакет*',
    'пломб*',
    '=без =коробки|=упаковки',
    '!=без =заводской|=коробки|=упаковки',
  ]),
  smell: rules(['запах*', 'вонь*|воня*|вонят*|завоня*|вонюч*|воняе*', 'пахн*|пахнет|пахло|=пах', 'химией|химия|=химии']),
};

/** What the review complains about, in COMPLAINT_TOPICS order; none when it names no topic. */
export function complaintTopics(text: string): ComplaintTopic[] {
  const ws = words(text);
  const found: ComplaintTopic[] = [];
  for (const topic of COMPLAINT_TOPICS) {
    const hit = RULES[topic].some((r) => {
      for (let i = 0; i < ws.length; i++) {
        const end = matchAt(ws, r.slots, i);
        if (end >= 0 && !(r.negatable && negated(ws, i, end))) return true;
      }
      return false;
    });
    if (hit) found.push(topic);
  }
  return found;
}
