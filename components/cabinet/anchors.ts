// Finding a review, its answer field and a price row by what the cabinet page shows, never by its
// classes: the real cabinets use hashed CSS-module names that change on every deploy and have no
// data-testid (wildberries.md §2.1, §3.4). An answer field is an editable element; the review it
// belongs to is the largest container around it that holds no other field and no second review's
// marks (stars, article, a known review's text); what the review says comes from the seller API
// when the background has it (KnownReview), from the card's visible text otherwise. A price row is
// the smallest container holding an article and number inputs. Small functions over the DOM, no
// site knowledge: each cabinet's words and forms are in its CabinetSpec.
import type { CabinetSpec } from '../../utils/marketplaces/cabinet';
import type { UnansweredItem } from '../../utils/marketplaces/wb/seller-api';

type ReviewSpec = CabinetSpec['review'];
type PricesSpec = CabinetSpec['prices'];

/** Whitespace runs as one space. (Only runs and other whitespace are replaced: a 2 MB review is mostly single spaces.) */
export const norm = (s: string): string => s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
/**
 * For comparing a text with how a page renders it: case and all whitespace (line breaks) aside.
 * Only the start of a long text: a known review is told by the start of its parts.
 */
const squash = (s: string): string => s.slice(0, 2000).toLowerCase().replace(/\s+/g, '');

/** A review or question as the seller API knows it (the background asks; content never sees the token). */
export type KnownReview = UnansweredItem;

/** What Lupa needs of one review to suggest and fill an answer. */
export interface ReviewFound {
  field: HTMLElement;
  card: Element;
  stars: number | null;
  text: string;
  buyer: string;
  product: string;
  article: string;
  brand: string;
}

// ---------------------------------------------------------------------------------------------
// Fields and text blocks

const editable = (el: Element): boolean => {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
};

/** A field a person types an answer into: an enabled textarea, or the outermost contenteditable element. */
export function isAnswerField(el: Element): el is HTMLElement {
  if (el.localName === 'textarea') return !(el as HTMLTextAreaElement).disabled && !(el as HTMLTextAreaElement).readOnly;
  if (!editable(el)) return false;
  for (let up = el.parentElement; up; up = up.parentElement) if (editable(up)) return false;
  return true;
}

export const answerFields = (root: ParentNode): HTMLElement[] =>
  [...root.querySelectorAll('textarea, [contenteditable]')].filter(isAnswerField);

/** What a field holds: a textarea's value, a contenteditable element's text. */
export const fieldText = (field: HTMLElement): string =>
  field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : (field.innerText ?? field.textContent ?? '');

export interface Block {
  el: Element;
  text: string;
}

/** Elements inside a run of text: their text belongs to the block around them. */
const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'font', 'i', 'mark', 's', 'small', 'strong', 'sub', 'sup', 'u']);
/** Elements whose text is not the page's content: controls, fields, scripts, Lupa's own hosts. */
const NO_TEXT = new Set(['button', 'noscript', 'option', 'script', 'select', 'style', 'svg', 'template', 'textarea']);
const isControl = (el: Element) =>
  NO_TEXT.has(el.localName) || el.localName.startsWith('lupa-') || el.getAttribute('role') === 'button' || editable(el);

/**
 * The runs of text under `root`, in page order: each text node belongs to its nearest ancestor that
 * is not inline ("Пришел <b>брак</b>" is one block); text in buttons and fields is left out.
 */
export function textBlocks(root: Element): Block[] {
  const parts = new Map<Element, string[]>();
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!value.trim()) continue;
    let block: Element | null = null;
    let skip = false;
    for (let el = node.parentElement; el; el = el === root ? null : el.parentElement) {
      if (isControl(el)) {
        skip = true;
        break;
      }
      if (!block && (!INLINE.has(el.localName) || el === root)) block = el;
    }
    if (skip || !block) continue;
    // A break (or a block element) before this text separates it from the text before.
    const before = node.previousSibling;
    const gap = before instanceof Element && !INLINE.has(before.localName) ? ' ' : '';
    const list = parts.get(block) ?? [];
    list.push(gap + value);
    parts.set(block, list);
  }
  return [...parts].map(([el, list]) => ({ el, text: norm(list.join('')) })).filter((b) => b.text);
}

// ---------------------------------------------------------------------------------------------
// What a review card shows

/** Stars from a label such as "Оценка 4 из 5" or "4 звезды", by the cabinet's forms. */
export function starsFromLabel(label: string, forms: readonly RegExp[]): number | null {
  for (const form of forms) {
    const n = Number(form.exec(label)?.[1]);
    if (Number.isInteger(n) && n >= 1 && n <= 5) return n;
  }
  return null;
}

/** Elements that show a review's stars: a label the cabinet's forms read, a data-rating, or ★ alone. */
export function starMarks(
  root: Element,
  forms: readonly RegExp[],
  blocks: readonly Block[] = textBlocks(root),
): Array<{ el: Element; stars: number }> {
  const found: Array<{ el: Element; stars: number }> = [];
  for (const el of root.querySelectorAll('[aria-label], [title], img[alt], [data-rating]')) {
    const label = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('alt')].filter(Boolean).join(' ');
    const attr = Number(el.getAttribute('data-rating'));
    const stars = starsFromLabel(label, forms) ?? (attr >= 1 && attr <= 5 ? attr : null);
    if (stars !== null && !found.some((f) => f.el.contains(el))) found.push({ el, stars });
  }
  for (const b of blocks) {
    const n = /^[★☆\s]+$/.test(b.text) ? (b.text.match(/★/g)?.length ?? 0) : 0;
    if (n >= 1 && n <= 5 && !found.some((f) => f.el.contains(b.el) || b.el.contains(f.el))) found.push({ el: b.el, stars: n });
  }
  return found;
}

/** Blocks that show an article in the cabinet's form, with the article. */
export function articleMarks(blocks: readonly Block[], form: RegExp): Array<{ el: Element; article: string }> {
  return blocks.flatMap((b) => {
    const article = form.exec(b.text)?.[1];
    return article ? [{ el: b.el, article }] : [];
  });
}

/** UI words that are neither a buyer's name nor their text. */
const CHROME =
  /^(?:ответить|опубликовать|отправить|пожаловаться|скрыть|показать(?: полностью| ещё| еще)?|подробнее|развернуть|свернуть|шаблоны?|покупатель|новый|новое|новые|отзыв|вопрос|фото|видео|сегодня|вчера|ответ)$/i;
const MONTH = /\d\s*(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)/i;

/** Text that is not anybody's words: numbers, dates, a counter ("0 / 5000"), stars, a UI word. */
export const isMeta = (text: string): boolean =>
  /^[\d\s.,:;/%№#()+−–—-]*$/.test(text) ||
  /^[★☆\s]+$/.test(text) ||
  CHROME.test(text) ||
  (text.length < 40 && (MONTH.test(text) || /\d{1,2}\.\d{1,2}\.\d{2,4}/.test(text)));

/** A buyer's name as the cabinets show it: one to three capitalised words ("Анна", "Сергей К."). */
export const looksLikeName = (text: string): boolean =>
  text.length <= 40 && !CHROME.test(text) && /^\p{Lu}[\p{Ll}'’-]*\.?(?:\s\p{Lu}[\p{Ll}'’-]*\.?){0,2}$/u.test(text);

export interface Shown {
  stars: number | null;
  article: string;
  buyer: string;
  product: string;
  text: string;
}

/**
 * What a review card shows, read as a person reads it: the stars from their label, the article from
 * "Артикул WB: N" (or the product link), the product as the line before the article, the buyer as
 * the first line that is a name, and the text as the parts after the cabinet's part labels
 * ("Недостатки: …") or else the longest line left.
 */
export function reviewShown(card: Element, spec: ReviewSpec, blocks: readonly Block[] = textBlocks(card)): Shown {
  const used = new Set<Block>();
  const articleAt = blocks.findIndex((b) => spec.article.test(b.text));
  let article = articleAt >= 0 ? (spec.article.exec((blocks[articleAt] as Block).text)?.[1] ?? '') : '';
  if (articleAt >= 0) used.add(blocks[articleAt] as Block);
  if (!article) {
    for (const a of card.querySelectorAll('a[href]')) {
      article = spec.productLink.exec(a.getAttribute('href') ?? '')?.[1] ?? '';
      if (article) break;
    }
  }
  const before = articleAt > 0 ? (blocks[articleAt - 1] as Block) : null;
  const product = before && !isMeta(before.text) && !looksLikeName(before.text) && !spec.partLabel.test(before.text) ? before : null;
  if (product) used.add(product);
  const buyer = blocks.find((b) => !used.has(b) && looksLikeName(b.text)) ?? null;
  if (buyer) used.add(buyer);

  const parts: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const label = spec.partLabel.exec(b.text);
    if (!label) continue;
    const rest = b.text.slice(label[0].length).trim();
    const next = blocks[i + 1];
    if (rest) parts.push(rest);
    else if (next && !spec.partLabel.test(next.text) && !isMeta(next.text)) {
      parts.push(next.text);
      i++;
    }
  }
  let text = parts.join('. ');
  if (!text) {
    for (const b of blocks) if (!used.has(b) && !isMeta(b.text) && b.text.length > text.length) text = b.text;
  }
  const stars = starMarks(card, spec.stars, blocks)[0]?.stars ?? null;
  return { stars, article, buyer: buyer?.text ?? '', product: product?.text ?? '', text };
}

/** The last characters of a conversation that its topics are read from (a review's own limit). */
const CHAT_TEXT_MAX = 5000;

/**
 * A buyer chat's conversation, for its message box [U: the chat's markup is not known, reference
 * §3.4 gives only its path]: the product as the conversation's header shows it ("Артикул WB: N",
 * the line before it, the buyer's name over it, as on a review card) and, as its text, what is
 * written after that header up to the box — the messages, the last 5 000 characters. Null where no
 * article stands before the box: then there is no conversation to read.
 */
export function chatOf(root: Element, field: HTMLElement, spec: ReviewSpec): Shown | null {
  const blocks = textBlocks(root).filter((b) => b.el.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING);
  const header = articleMarks(blocks, spec.article).at(-1);
  if (!header) return null;
  const at = blocks.findIndex((b) => b.el === header.el);
  const head = reviewShown(header.el.parentElement ?? header.el, spec, blocks.slice(Math.max(0, at - 3), at + 1));
  const said = blocks
    .slice(at + 1)
    .map((b) => b.text)
    .filter((text) => !isMeta(text))
    .join('\n');
  return { ...head, stars: null, text: said.slice(-CHAT_TEXT_MAX) };
}

// ---------------------------------------------------------------------------------------------
// Which review a field answers

/** Where a review card cannot reach: the page's frame, its headings and navigation. */
const isFrame = (el: Element): boolean =>
  ['body', 'html', 'main'].includes(el.localName) ||
  el.querySelector('h1, nav, [role="navigation"], [role="banner"], [role="tablist"], [role="main"]') !== null;

/**
 * The review card around `from`: its largest ancestor that holds no other answer field and no more
 * than one of each kind of mark (stars, articles, known reviews' texts), inside the page's frame.
 */
export function cardOf(from: Element, fields: readonly Element[], marks: ReadonlyArray<readonly Element[]>): Element {
  const moreThanOne = (list: readonly Element[], holder: Element) => {
    let n = 0;
    for (const m of list) if (holder.contains(m) && ++n > 1) return true;
    return false;
  };
  let card = from;
  for (let up = from.parentElement; up; up = up.parentElement) {
    const holder = up;
    if (fields.some((f) => f !== from && !from.contains(f) && holder.contains(f))) break;
    if (marks.some((list) => moreThanOne(list, holder))) break;
    if (isFrame(up)) break;
    card = up;
  }
  return card;
}

/** Blocks that hold exactly one known review's text, and only that one's: anchors that cannot mislead. */
export function knownAnchors(blocks: readonly Block[], known: readonly KnownReview[]): Element[] {
  const texts = blocks.map((b) => squash(b.text));
  const anchors: Element[] = [];
  for (const review of known) {
    const needles = review.parts.map((p) => squash(p).slice(0, 40)).filter((n) => n.length >= 12);
    if (!needles.length) continue;
    const hits = blocks.filter((_, i) => needles.some((n) => texts[i]?.includes(n)));
    if (hits.length === 1) anchors.push((hits[0] as Block).el);
  }
  return anchors;
}

/**
 * The known review a card shows: by its text (the start of any part); else by its buyer's name when
 * no other known review has that name, or the name and the article together. The stars only break
 * a tie. Null when nothing tells.
 */
export function matchKnown(blocks: readonly Block[], shown: Shown, known: readonly KnownReview[]): KnownReview | null {
  const text = blocks.map((b) => squash(b.text)).join(' ');
  const names = new Set(blocks.map((b) => b.text));
  const nameCount = new Map<string, number>();
  for (const review of known) nameCount.set(norm(review.buyer), (nameCount.get(norm(review.buyer)) ?? 0) + 1);
  let best: KnownReview | null = null;
  let bestScore = 2.9;
  for (const review of known) {
    const said = review.parts.some((p) => {
      const needle = squash(p).slice(0, 40);
      return needle.length >= 4 && text.includes(needle);
    });
    const name = norm(review.buyer);
    let score = said ? 4 : 0;
    if (name && names.has(name)) score += nameCount.get(name) === 1 ? 3 : 2;
    if (review.article && review.article === shown.article) score += 1;
    if (review.stars !== null && review.stars === shown.stars) score += 0.5;
    if (score > bestScore) {
      best = review;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The reviews (or questions) behind the given new answer fields: each field's card, and what it
 * says, from the known review the card shows or else from the card itself. A field whose card
 * shows nothing of a review (no text, stars, article or name) is not an answer field.
 */
export function findReviews(
  root: Element,
  spec: ReviewSpec,
  opts: { fields: readonly HTMLElement[]; all: readonly HTMLElement[]; questions: boolean; known: readonly KnownReview[] | null },
): ReviewFound[] {
  if (!opts.fields.length) return [];
  const blocks = textBlocks(root);
  const marks = [starMarks(root, spec.stars, blocks).map((m) => m.el), articleMarks(blocks, spec.article).map((m) => m.el)];
  if (opts.known?.length) marks.push(knownAnchors(blocks, opts.known));
  const found: ReviewFound[] = [];
  for (const field of opts.fields) {
    const card = cardOf(field, opts.all, marks);
    const cardBlocks = textBlocks(card);
    const shown = reviewShown(card, spec, cardBlocks);
    const known = opts.known ? matchKnown(cardBlocks, shown, opts.known) : null;
    const review = known
      ? {
          stars: known.stars ?? shown.stars,
          text: known.parts.join('. '),
          buyer: known.buyer,
          product: known.product || shown.product,
          article: known.article ?? shown.article,
          brand: known.brand,
        }
      : { ...shown, brand: '' };
    if (!review.text && review.stars === null && !review.article && !review.buyer) continue;
    found.push({ field, card, ...review, stars: opts.questions ? null : review.stars });
  }
  return found;
}

/**
 * Review cards as their marks delimit them (stars on a reviews page, the article on a questions
 * page), and whether each shows a published answer: what waits for one, read off the page.
 */
export function reviewCards(root: Element, spec: ReviewSpec, questions: boolean): Array<{ card: Element; answered: boolean }> {
  const blocks = textBlocks(root);
  const stars = questions ? [] : starMarks(root, spec.stars, blocks).map((m) => m.el);
  const marks = stars.length ? stars : articleMarks(blocks, spec.article).map((m) => m.el);
  const cards = [...new Set(marks.map((m) => cardOf(m, [], [marks])))];
  const answered = spec.answered;
  return cards.map((card) => ({ card, answered: !!answered && textBlocks(card).some((b) => answered.test(b.text)) }));
}

// ---------------------------------------------------------------------------------------------
// Price rows

export interface PriceRow {
  row: Element;
  article: string;
  price: HTMLInputElement | null;
  discount: HTMLInputElement | null;
}

const valueInputs = (root: ParentNode): HTMLInputElement[] =>
  [...root.querySelectorAll('input')].filter((i) => ['', 'text', 'number', 'tel'].includes(i.getAttribute('type')?.toLowerCase() ?? ''));

/** The header text above the row's cell that holds the input (a table's or a grid of divs'). */
export function columnHeader(input: Element, row: Element): string {
  let cell: Element = input;
  while (cell.parentElement && cell.parentElement !== row) cell = cell.parentElement;
  if (cell.parentElement !== row) return '';
  if (cell instanceof HTMLTableCellElement && row instanceof HTMLTableRowElement) {
    const table = row.closest('table');
    const head = [...(table?.rows ?? [])].find((r) => r !== row && r.querySelector('th'));
    return norm(head?.cells[cell.cellIndex]?.textContent ?? '');
  }
  const index = [...row.children].indexOf(cell);
  const head = [...(row.parentElement?.children ?? [])].find(
    (r) => r !== row && r.children.length === row.children.length && valueInputs(r).length === 0,
  );
  return norm(head?.children[index]?.textContent ?? '');
}

/** What names an input: its aria-label, its label, its placeholder or title, else its column's header. */
export function inputLabel(input: HTMLInputElement, row: Element): string {
  const doc = input.ownerDocument;
  const labelledBy = (input.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (doc.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
  const candidates = [
    input.getAttribute('aria-label'),
    labelledBy,
    [...(input.labels ?? [])].map((l) => l.textContent ?? '').join(' '),
    input.getAttribute('placeholder'),
    input.getAttribute('title'),
    columnHeader(input, row),
  ];
  return norm(candidates.find((c) => c && norm(c)) ?? '');
}

const amount = (input: HTMLInputElement): number | null => {
  const n = Number(input.value.replace(/[\s\u00a0\u202f₽%]/g, '').replace(',', '.'));
  return input.value.trim() && Number.isFinite(n) ? n : null;
};

/** The seller's price and discount fields of a row: by their labels, else by their values. */
export function priceInputs(row: Element, spec: PricesSpec): Pick<PriceRow, 'price' | 'discount'> {
  const inputs = valueInputs(row);
  const labels = new Map(inputs.map((i) => [i, inputLabel(i, row)]));
  let price = inputs.find((i) => spec.price.test(labels.get(i) ?? '')) ?? null;
  let discount = spec.discount ? (inputs.find((i) => i !== price && spec.discount?.test(labels.get(i) ?? '')) ?? null) : null;
  // Unlabelled: a discount is a whole percent under 100, a price is more.
  if (spec.discount && !discount)
    discount = inputs.find((i) => i !== price && /^\d{1,2}$/.test(i.value.trim()) && !spec.price.test(labels.get(i) ?? '')) ?? null;
  if (!price) price = inputs.find((i) => i !== discount && (amount(i) ?? 0) >= 100) ?? (inputs.length === 1 ? (inputs[0] ?? null) : null);
  return { price, discount };
}

/**
 * The price rows on the page: for each article shown in the cabinet's form, the smallest container
 * that also holds a value input — a container holding another row is the table, not a row.
 */
export function priceRows(root: Element, spec: PricesSpec): PriceRow[] {
  if (!valueInputs(root).length) return [];
  const rows = new Map<Element, string>();
  for (const mark of articleMarks(textBlocks(root), spec.article)) {
    for (let el: Element | null = mark.el; el && !isFrame(el); el = el.parentElement) {
      if (!valueInputs(el).length) continue;
      if (!rows.has(el)) rows.set(el, mark.article);
      break;
    }
  }
  const all = [...rows.keys()];
  return [...rows]
    .filter(([row]) => !all.some((other) => other !== row && row.contains(other)))
    .map(([row, article]) => ({ row, article, ...priceInputs(row, spec) }));
}

/** Where Lupa's figures go in a row: its last cell. */
export const priceSlot = (row: Element): Element => row.lastElementChild ?? row;
