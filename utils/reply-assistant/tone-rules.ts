// The tone check's rules (issue 16), over the reply's words as normalise.ts makes them: each rule is
// a short pattern of words with small gaps, so word order, endings and common typos do not hide a
// phrase, and a negation before it ("не ваша вина", "вашей вины нет") takes it back. Kinds:
// - blame: the buyer's fault, misuse, not reading, a wrong choice of theirs, sarcasm ("так и быть");
// - lecture: instructions on how to write reviews or use things, moralising;
// - rude: insults, mockery, "не нравится — не покупайте";
// - rule-risk: what the marketplaces forbid in a public answer: phone numbers, links, e-mail,
//   messengers, social networks, other shops (the other marketplace included);
// - no-way-out: on a review of 3★ or less, nothing the buyer can do — no exchange, return, refund,
//   replacement, contact or concrete fix (a refusal, "возврат невозможен", is no way out).
// Each kind is checked on its own: a blaming reply that offers a refund is still blaming.
// Scored on tests/fixtures/replies/tone-set.mjs (tests/unit/tone-set.test.ts, `npm run bench`).
// Pure and import-light: the cabinet's content script carries it.
import { BREAK, CLAUSE, fold, stem, type Word, words } from '../russian-words';

export type PhraseKind = 'blame' | 'lecture' | 'rude' | 'rule-risk';

export interface Found {
  kind: PhraseKind | 'no-way-out';
  /** The words as the reply has them ('' when the kind is an absence: no way out offered). */
  phrase: string;
  start: number;
  end: number;
}

// --- Patterns -------------------------------------------------------------------------------------
// Words separated by spaces. A word: `вина` (any form: stems compared), `=вы` (this exact word),
// `виноват*` (a word starting so), `*ли` (a word ending so); `a|b` either; a leading `?` makes it
// optional; `~N` is up to N other words in the same sentence (never a negation: write `=не` where a
// rule wants one), `^N` the same within one clause. Everything is folded as the reply is (о/а, ё, doubled letters).

interface Rule {
  re: RegExp;
  /** Cancelled by one of these just before it (same sentence). */
  before?: RegExp;
  /** Cancelled by one of these just after it (same sentence). */
  after?: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

function alternative(alt: string): string {
  if (alt.startsWith('=')) return `[^ :]*:${escapeRe(fold(alt.slice(1)))}`;
  if (alt.endsWith('*')) return `[^ :]*:${escapeRe(fold(alt.slice(0, -1)))}[^ ]*`;
  if (alt.startsWith('*')) return `[^ :]*:[^ ]*${escapeRe(fold(alt.slice(1)))}`;
  return `${escapeRe(stem(fold(alt)))}:[^ ]*`;
}

/**
 * A gap of up to n words, none of them a sentence break or a negation; `^N`, one that does not cross
 * a clause either (a negation's reach: "если не получится, напишите" offers a way out).
 */
const gap = (n: number, clause = true) =>
  `(?:(?![^ :]*:(?:не|ни|нет|без) )(?!\\${BREAK}[ :])${clause ? '' : `(?!${CLAUSE}[ :])`}[^ ]+ ){0,${n}}`;

function slots(pattern: string): string {
  return pattern
    .trim()
    .split(/\s+/)
    .map((slot) => {
      if (/^~\d+$/.test(slot)) return gap(Number(slot.slice(1)));
      if (/^\^\d+$/.test(slot)) return gap(Number(slot.slice(1)), false);
      const optional = slot.startsWith('?');
      const body = `(?:${(optional ? slot.slice(1) : slot).split('|').map(alternative).join('|')}) `;
      return optional ? `(?:${body})?` : body;
    })
    .join('');
}

const NEGATION = '=не|=нет|=ни|=без';

function rule(pattern: string, opts: { before?: string; after?: string[]; negatable?: boolean } = {}): Rule {
  const before = [opts.negatable === false ? '' : `${NEGATION} ^1`, opts.before ?? ''].filter(Boolean);
  return {
    re: new RegExp(`(?<= )${slots(pattern)}`, 'g'),
    before: before.length ? new RegExp(`(?<= )(?:${before.map(slots).join('|')})$`) : undefined,
    after: opts.after ? new RegExp(`(?:${opts.after.map(slots).join('|')})`, 'y') : undefined,
  };
}

const rules = (list: Array<string | [string, Parameters<typeof rule>[1]]>) =>
  list.map((r) => (typeof r === 'string' ? rule(r) : rule(r[0], r[1])));

const SELF = { before: '=мы|=нам|=нас|=нами|=наш|=наша|=нашей|=нашу|=я|=мне ~2' };
const IF = { before: '=если|=когда|=ли ~2' };
const PAST = '*л|*ла|*ли|*ло|*лся|*лась|*лись';
const MISUSE =
  'порвал*|сломал*|испортил*|уронил*|повредил*|растянул*|постирал*|перегрел*|залил*|прожг*|погнул*|разбил*|поцарапа*|пересушил*|испачкал*|сушил*|стирал*|нарушил*|деформир*|намочил*|сжег*|сожгл*';
const READ =
  'прочита*|дочита*|посмотр*|смотрел*|ознаком*|изучил*|учли|учел|учла|замерил*|заметил*|проверил*|читал*|уследил*|померил*|примерил*|разобрал*|удосуж*';
const CARD = 'описан*|карточк*|характерист*|таблиц*|инструкц*|состав*|замер*';

const BLAME = rules([
  `=вы|покупател*|клиент* ~1 =сам|=сама|=сами ~2 ${PAST}|винов*`,
  '=сам|=сама|=сами винов*',
  '=вы ~1 винов*',
  'винов* =вы',
  ['ваш вина|ошибк*|невнимательн*', { after: ['~2 =нет'] }],
  'вина винов* ~1 покупател*|клиент*|заказчик*|ваш',
  ['вина =покупателя|=клиента|=заказчика', {}],
  '=вы ~1 неправильн*|неверн*|некорректн*|ненадлежащ*',
  '=вы ~2 =не =так|=то|=туда',
  [
    'неправильн*|неверн*|ненадлежащ*|некорректн* эксплуатац*|использ*|уход*|стирк*|хранен*|сушк*|обращен*|подключ*|сбор*|собра*|стира*|подобра*|выбра*|выбор*|установ*|надева*|носк*|заряд*|подбор*|мойк*|глажк*|пользова*',
    SELF,
  ],
  ['невнимательн*|=невнимательны|неаккуратн*|небрежн*|халатн*|неосторожн*|недосмотр*', SELF],
  '=вы ~3 проигнорир*|игнорир*|пренебрег*|упустил*|прозевал*',
  ['=не =по =назначению|=сезону|=инструкции', SELF],
  `=вы ~2 ${PAST} =сам|=сама|=сами`,
  `${PAST} =вы =сам|=сама|=сами`,
  '=надо|=нужно|=нада ?=было =постараться|=умудриться',
  'умудрил*|ухитрил*',
  ['=не внимательн*', SELF],
  `=вы ~2 =не ${READ}`,
  `=не ${READ}|читает*|читают ~3 ${CARD}`,
  '=не =наша|=наши|=наше|=наш проблем*|забот*|=дело',
  'это ~1 ваш проблем*',
  ['=надо|=нада|=нужно|=нужна|=необходимо ~1 =было|=была', { ...SELF, after: ['~1 =нам|=мне|=нами'] }],
  ['=вы ~1 ошибл*|ошиб*|перепута*|спутал*', IF],
  'ошибк* ~1 =при ~1 выбор*|заказ*|подбор*',
  [`=вы ~2 заказал*|выбрал*|взял*|купил*|заказыв*|выбира* ~3 меньш*|больш*|неподходящ*|=вместо|наугад|=без`, IF],
  [`=вы ~2 заказал*|выбрал*|взял*|купил*|заказыв* ~3 =не =тот|=та|=ту|=те|=то`, IF],
  [`=вы|покупател*|клиент* ~2 ${MISUSE}`, IF],
  ['=так =и =быть', { negatable: false }],
  ['=ну =конечно|=да', { negatable: false }],
  '=у =всех ~3 норм*|подош*|подход*|довол*|работа*',
  '=все|=всё|=остальные ~1 довол* ~1 =а =вы|=вас|=у',
  'претенз* ~2 =не принима*',
  '=если =бы =вы',
  '=это ~1 ваш выбор',
  'ваш выбор ~1 =был|=была',
  '=вы ~2 =не =умеете|=умеет|умее*',
  'появил*|возник*|произош* ~2 =у =вас',
  '=все|=всё|четк*|ясн*|прям* ~1 написан*|указан*',
]);

const LECTURE = rules([
  `=читайте|=прочитайте|=изучайте|=перечитайте|=почитайте ~3 ${CARD}`,
  `${CARD} ~2 =нужно|=надо|=следует|=необходимо|=нада ~1 читать|читают|изуча*|прочитать|смотреть`,
  'внимательн* ~1 =читайте|=смотрите|=изучайте|=выбирайте|=прочитайте|=относитесь|=проверяйте',
  '=читайте|=смотрите|=изучайте|=выбирайте|=проверяйте ~2 внимательн*',
  '=будьте|=быть ~1 внимательн*',
  '=прежде =чем ~1 писа*|постав*|став*|оставл*|покуп*|заказ*|оцен*|жалова*|обвин*|сниж*|суд*',
  '=перед покупк*|заказ*|использован*|оформлен*|приме* ~2 =нужно|=надо|=следует|=необходимо|=стоит|=обязательно|=нада',
  '=учитесь|=научитесь|=поучитесь',
  '=вам|=вы ~1 следовал*|стоил*',
  '=не =стоило|=стоит ~1 заказыв*|покупа*|брать|писать|ставить|снижать',
  // "Учтём на будущее" is the seller's own promise.
  ['=на =будущее', { before: '=мы|=нам|=нас|=учтем|=учту|=учтено|=учитываем|=возьмем|=примем ~3' }],
  ['=впредь', SELF],
  '=в следующ* =раз ~3 =будьте|=читайте|=смотрите|=выбирайте|внимательн*|=изучайте|=проверяйте|=уточняйте|=думайте|=спрашивайте',
  'отзыв* ~2 пишут*|пишет*|оставляют|=должен|=должны|предназнач*|служ*',
  'отзыв* ~1 =это ~1 оценк*',
  'оценк*|балл*|звезд* ~2 =ставится|=ставят|=выставляется|=ставить|=снижают ~2 =за|товар*',
  'сниж*|заниж*|снизил*|занизил*|=ставить ~2 оценк*|балл*|звезд* ~3 =за|=из-за ~2 доставк*|пвз|упаковк*|курьер*|логистик*|мелоч*',
  'некорректн*|неправильн*|нечестн*|несправедлив* ~2 =снижать|=ставить|=занижать|=оценивать|=писать',
  '=снижать|=ставить|=занижать|=оценивать|=писать ~5 =некорректно|=неправильно|=нечестно|=несправедливо',
  '=хотим|=хотелось|=позвольте|=хочу|=хотели ~2 =напомнить',
  '=напоминаем ~1 =что ~3 отзыв*|оценк*|=нельзя|=нужно|=надо|=следует|покупател*',
  '=нужно|=надо|=следует|=необходимо|=нада|=обязательно ~1 =понимать|=помнить|=знать|=учитывать|=соблюдать|=следить|=думать',
  '=должны|=должен|=должна|=обязан|=обязаны ~1 =понимать|=помнить|=знать|=проверить|=проверять|=учитывать|=читать',
  '=стирать|=хранить|=сушить|=гладить|=заряжать|=использовать|=эксплуатировать|=мыть|=носить|=чистить ~3 =нужно|=надо|=следует|=необходимо|=нельзя',
  '=стирать|=хранить|=сушить|=гладить|=заряжать|=использовать|=эксплуатировать|=мыть|=носить|=чистить ~3 =можно =только',
  '=нужно|=надо|=следует|=необходимо|=нельзя ~2 =стирать|=хранить|=сушить|=гладить|=заряжать|=мочить|=носить|=мыть|=использовать|=эксплуатировать|=чистить',
  ['=это =все|=всё|=всем =знают|=известно', { negatable: false }],
  ['=как =не =стыдно', { negatable: false }],
  '=вам ~2 =стыдно',
  '=стыдно ~1 =должно',
  '=некрасиво|=неприлично|=неэтично|=нехорошо',
  'совест*|=уважайте|=уважать',
  'взросл* ~1 человек*|люд*',
  '=подумайте|=задумайтесь',
  ['=не =просто =так', { negatable: false }],
  '=запомните',
  '=вы|покупател* ~1 =должен|=должны|=должна|=обязан|=обязаны|=обязана',
  '=сначала ~1 научит*|=разберитесь|=прочитайте|=почитайте',
  '=пишите|=писать ~2 =по =делу',
  '=лучше|=стоит|=нужно|=надо|=следует ~1 =писать|=оставлять|=ставить ~2 отзыв*|оценк*',
  'отзыв*|оценк* ~3 =лучше|=стоит|=нужно|=надо|=следует ~1 =писать|=оставлять|=ставить',
  '=не =место =для',
]);

const RUDE = rules([
  'бред*|=чушь|ерунд*|глупост*|чепух*|брехн*|=вранье|=врете|=врешь|=врать|=лжете|=лжешь|=ложь|лжец*|клевет*',
  'неадекват*|идиот*|=дура|=дуры|дурак*|=тупой|=тупая|=тупые|=тупо|=тупость',
  'рукожоп*|нищеб*|халявщ*|истерик*|истеричк*|вымога*|шантаж*|хамит*|хамств*|=хам|=хамка|=хамить',
  '=хоть =кто-то ~1 адекват*',
  'нытик*|=ноете|=ноет|ныть*|=нытья|=ноют|придир*|задолбал*|=отстаньте|=отвалите|=отвяжитесь|=идите',
  'фигн*|=фиг|=нафиг|хрен*|нахрен*|=блин|ахах*|хаха*|=лол|=смешно',
  'смешн* претенз*|отзыв*|жалоб*|=вопрос',
  'зануд*|лгун*|заткнит*|=заткнись|=сочиняете|сочиня*|выдумыва*|=выдумки|=придумываете|фантазир*',
  'дебил*|кретин*|придур*|дурдом*|бестолк*|безграмотн*|неграмотн*|=жалкий|=жалкая|=жалкие|=жалкое|убог*|неудачник*|скандалист*|склочн*|ненормальн*',
  'психован*|=псих|=психи|=бесите|=бесит|наглост*|=наглая|=наглый|=нагло|наглец*|бессовестн*|обнаглел*|=хамло|офигел*|охренел*|обалдел*|чокнут*',
  'мозг*|=ржу|=ржака|ржач*|=пфф|=ну-ну',
  '=ну =вы =и',
  '=не =в =себе',
  '=больн* =на =голову',
  '=таких ~1 покупател*|клиент* ~2 =не =надо|=нужно',
  'крив* рук*',
  'рук* ~1 =из ~1 =одного|=того|=жопы|=задницы',
  '=не =нравится ~2 =не =покупайте|=берите|=ешьте|=заказывайте|=пользуйтесь|=носите',
  '=не =покупайте ~2 =у =нас|=больше',
  'мнени* ~2 =нас|=никого =не интерес*',
  '=нам ~1 =все|=всё =равно',
  '=нам =без =разницы',
  '=не =ваше =дело',
  '=вы =в =своем =уме',
  '=ой =все|=всё',
  '=не =угодить|=угодишь',
  '=вот =это =новости',
]);

const OTHER_SHOPS = {
  wb: 'ozon*|озон*|яндекс*|yandex*|авито|avito*|aliexpress*|алиэкспресс*|мегамаркет*|megamarket*|сбермегамаркет*|lamoda*|ламода*|kazanexpress*|казаньэкспресс*',
  ozon: 'wildberries*|вайлдберр*|вайлберр*|валдбер*|вайлдбер*|вайлдбериз*|=вб|=wb|яндекс*|yandex*|авито|avito*|aliexpress*|алиэкспресс*|мегамаркет*|megamarket*|lamoda*|ламода*',
} as const;

const CONTACTS = rules([
  'whatsapp*|ватсап*|вацап*|вотсап*|телеграм*|=тг|=tg|телег*|telegram*|viber*|вайбер*|=вк|вконтакт*|=vk|инстаграм*|instagram*|=инста|=инсту|=инсте|insta*',
  '=директ|=директе|мессенджер*|youtube*|ютуб*|youtu*|facebook*|фейсбук*|тикток*|tiktok*|=лс|=личку|=личке',
  'мессенджер* ~1 =max|=макс',
  '=в =max',
  'наш сайт*|канал*|паблик*|аккаунт*',
  '=номер* ~1 телефон*',
  '=позвоните|=звоните|=перезвоните|=перезвоним|=позвоним|=звонок',
]);

/** What a seller must not put in a public reply, found on the text as written. */
const RAW_RISKS = [
  // +7 or 8, then ten digits in any grouping: "+7 (999) 123-45-67", "89161234567", "8 800 555 35 35".
  /(?:\+7|(?<!\d)[78])[\s\-–(]*\d{3}[\s\-–)]*\d{3}[\s\-–]*\d{2}[\s\-–]*\d{2}(?!\d)/gu,
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
  /\bhttps?:\/\/\S+|\bwww\.\S+/giu,
  /(?<![\p{L}\p{N}@._-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:ru|рф|com|net|org|su|shop|store|online|site|me|io|info|pro|by|kz|be|ly)(?![\p{L}\p{N}])(?:\/[^\s,;!?)]*)?/giu,
  // A handle: "@shop_style".
  /(?<![\p{L}\p{N}])@[A-Za-z0-9_]{3,}/gu,
];

const WAY_OUT_BEFORE = `${NEGATION}|отказ*|=нельзя|невозмож*|=стоит|=стоило|=нужно|=надо|=следует ^2`;
const WAY_OUT = [
  'возврат*|возвращ*|=вернуть|=верните|=вернем|=вернут|=вернутся|=вернется|=вернули|=вернула|=вернуло|возмест*',
  'обмен*|обменя*|замен*|=поменяем|=поменять|=поменяйте|=меняйте|=меняем|компенс*',
  '=напишите|=пишите|=свяжитесь|свяжем*|=обратитесь|=обращайтесь|=сообщите|=позвоните|=чат|=чате|=чату',
  '=ждем ~2 сообщени*|обращени*|=письм*',
  '=на =связи',
  'помож*|=помочь|подскаж*|подбер*|разбер*|=решим|=решить|урегулир*|=исправим|=исправить|=исправляем|=устраним|=устранить',
  '=отправим|=отправляем|=вышлем|=высылаем|=пришлем|=дошлем|допошл*|доотправ*|=отправим|=пересоберем',
  'отправ* ~1 =вам|=замену|=новый|=новую|=новое|=правильный|=правильную|=нужный',
  '=уже ~2 поменял*|заменил*|сменил*|усилил*|изменил*|обновил*|добавил*|исправил*|переснима*|переснял*|передела*|уточнил*|доработа*',
  '=добавим|=добавили|=уточним|=уточнили|=переделаем|=доработаем|=доработали|=улучшим|=поменяли|=сменили|=заменили|=усилили|=усилим|переснима*|=переснимем',
  'скидк*|промокод*|бонус*|купон*|=подарок|=дарим|бесплатн*|гаранти*',
  '=оформите|=оформить|=оформим|оформля*|=отмените|=отменить',
  'деньг* ~2 =придут|=поступят',
].map((p) =>
  rule(p, {
    before: WAY_OUT_BEFORE,
    after: [
      '~8 невозмож*|=нельзя|отказ*|истек*',
      '~8 =не подлеж*|предусм*|принима*|выплачива*|производ*|=будет|получит*|=можем|=сможем|осуществл*',
    ],
  }),
);

// --- Matching -------------------------------------------------------------------------------------

/** The reply's words as one string, "stem:full stem:full …", with where each word starts in it. */
interface Line {
  words: Word[];
  text: string;
  at: Map<number, number>;
}

function line(reply: string): Line {
  const list = words(reply);
  const at = new Map<number, number>();
  let text = ' ';
  for (const [i, w] of list.entries()) {
    at.set(text.length, i);
    text += `${w.stem}:${w.full} `;
  }
  at.set(text.length, list.length);
  return { words: list, text, at };
}

interface Span {
  start: number;
  end: number;
  /** Whether it was taken back (a negation, a refusal). */
  cancelled: boolean;
}

function followedBy(re: RegExp | undefined, text: string, at: number): boolean {
  if (!re) return false;
  re.lastIndex = at;
  return re.test(text);
}

/** Every place a rule's pattern stands in the line, each marked as meant or taken back. */
function spans(l: Line, r: Rule): Span[] {
  const out: Span[] = [];
  r.re.lastIndex = 0;
  for (let m = r.re.exec(l.text); m; m = r.re.exec(l.text)) {
    const endAt = m.index + m[0].length;
    const first = l.at.get(m.index) ?? 0;
    const last = (l.at.get(endAt) ?? l.words.length) - 1;
    // What comes before is looked at over the last few words only: a long reply stays cheap.
    const cancelled = (r.before?.test(l.text.slice(Math.max(0, m.index - 200), m.index)) ?? false) || followedBy(r.after, l.text, endAt);
    const a = l.words[first];
    const b = l.words[Math.max(first, last)];
    if (a && b) out.push({ start: a.start, end: b.end, cancelled });
    // Overlapping places: try again from the next word.
    r.re.lastIndex = m.index + 1;
  }
  return out;
}

function firstMeant(l: Line, list: readonly Rule[]): Span[] {
  return list.flatMap((r) => spans(l, r).filter((s) => !s.cancelled));
}

/** Spans that overlap are one phrase (the earliest, longest); the rest in the order they stand. */
function distinct(found: Span[]): Span[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out.at(-1);
    if (prev && s.start < prev.end) prev.end = Math.max(prev.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export type Marketplace = keyof typeof OTHER_SHOPS;

const shopRules = { wb: rules([OTHER_SHOPS.wb]), ozon: rules([OTHER_SHOPS.ozon]) };

/**
 * The tone problems in a reply to a review of `stars` (null: a question, or stars unknown), in the
 * order they stand in it, at most one warning per phrase.
 */
export function findToneProblems(reply: string, marketplace: Marketplace, stars: number | null): Found[] {
  const l = line(reply);
  const found: Found[] = [];
  const add = (kind: Found['kind'], list: Span[]) => {
    for (const s of distinct(list)) found.push({ kind, phrase: reply.slice(s.start, s.end), start: s.start, end: s.end });
  };
  add('blame', firstMeant(l, BLAME));
  add('lecture', firstMeant(l, LECTURE));
  add('rude', firstMeant(l, RUDE));
  const raw = RAW_RISKS.flatMap((re) =>
    [...reply.matchAll(re)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, cancelled: false })),
  );
  add('rule-risk', [...raw, ...firstMeant(l, CONTACTS), ...firstMeant(l, shopRules[marketplace])]);
  if (stars !== null && stars <= 3) {
    const offers = WAY_OUT.flatMap((r) => spans(l, r));
    if (!offers.some((s) => !s.cancelled)) {
      // A refusal is named: "возврат невозможен" is why there is no way out.
      const refusal = offers[0];
      found.push(
        refusal
          ? { kind: 'no-way-out', phrase: reply.slice(refusal.start, refusal.end), start: refusal.start, end: refusal.end }
          : { kind: 'no-way-out', phrase: '', start: 0, end: 0 },
      );
    }
  }
  return found.sort((a, b) => (a.kind === 'no-way-out' ? 1 : 0) - (b.kind === 'no-way-out' ? 1 : 0) || a.start - b.start);
}
