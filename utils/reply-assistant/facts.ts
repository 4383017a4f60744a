// Answers from the card's own facts (issue 16): a question or review about size, composition, care,
// completeness or delivery gets a reply that quotes this product's data — its characteristics and
// size table from card.json, the sizes in stock and the delivery time from the card — instead of a
// generic line. Pure and import-light (types only, and the word folding): the background makes the
// facts, the cabinet's `reply` chunk writes the reply.
import type { CardText, ProductCard } from '../model';
import { fold, words } from '../russian-words';

export const FACT_TOPICS = ['size', 'composition', 'care', 'completeness', 'delivery'] as const;
export type FactTopic = (typeof FACT_TOPICS)[number];

/** What a reply may quote about one product (utils/reply-assistant/protocol.ts CardFactsSchema). */
export interface CardFacts {
  composition: string | null;
  care: string | null;
  completeness: string | null;
  /** The size table's measures per size ("S: российский размер 44, обхват груди 84-88 см"); null without one. */
  sizeTable: Array<{ size: string; measures: string }> | null;
  /** Sizes in stock now, in the card's order; null when the card's stock is unknown. */
  inStock: string[] | null;
  /** Units in stock now; null when unknown. */
  stock: number | null;
  /** The quickest delivery from a warehouse holding it, in days; null when not known. */
  deliveryDays: number | null;
}

/** A characteristic whose name says what it is ("Состав", "Материал верха", "Уход за вещами", "Комплектация"). */
const OPTION_NAMES: Record<'composition' | 'care' | 'completeness', RegExp> = {
  composition: /^(состав|материал|ткань|наполнитель)/i,
  care: /уход|стирк/i,
  completeness: /комплект/i,
};

/** "Обхват груди, в см" + "84-88" → "обхват груди 84-88 см": the unit goes after the value. */
function measure(name: string, value: string): string {
  const unit = /,\s*(?:в\s+)?(см|мм|м|кг|г|мл|л)\.?$/i.exec(name);
  const plain = (unit ? name.slice(0, unit.index) : name).trim().toLowerCase();
  return `${plain} ${value}${unit ? ` ${unit[1]}` : ''}`;
}

/** The facts of one product: its card.json words and, when Lupa has it, its card (stock, delivery). */
export function cardFacts(
  text: CardText,
  card: Pick<ProductCard, 'sizes' | 'stockByWarehouse' | 'stockTotal' | 'stockKnown'> | null,
): CardFacts {
  const option = (kind: keyof typeof OPTION_NAMES) => {
    const values = text.options.filter((o) => OPTION_NAMES[kind].test(o.name.trim()) && o.value.trim());
    return values.length ? values.map((o) => (values.length > 1 ? `${o.name.toLowerCase()} — ${o.value}` : o.value)).join('; ') : null;
  };
  const table = text.sizeTable;
  const stocked = card?.stockByWarehouse.filter((w) => w.qty > 0) ?? [];
  const hours = stocked.map((w) => w.deliveryHours).filter((h): h is number => h !== null);
  return {
    composition: option('composition'),
    care: option('care'),
    completeness: option('completeness'),
    sizeTable: table?.rows.length
      ? table.rows
          .map((row) => ({
            size: row.size,
            measures: row.values
              .map((v, i) => (v.trim() && table.props[i] ? measure(table.props[i] as string, v.trim()) : ''))
              .filter(Boolean)
              .join(', '),
          }))
          .filter((row) => row.size.trim() && row.measures)
      : null,
    inStock: card && card.stockKnown !== false ? card.sizes.filter((s) => s.qty > 0).map((s) => s.name || '') : null,
    stock: card && card.stockKnown !== false ? card.stockTotal : null,
    deliveryDays: hours.length ? Math.max(1, Math.ceil(Math.min(...hours) / 24)) : null,
  };
}

/** Word beginnings that say what a buyer asks or complains about (folded as the text is). */
const TOPIC_WORDS: Record<FactTopic, string[]> = {
  size: ['размер', 'маломер', 'большемер', 'рост', 'обхват', 'талии', 'груди', 'бедр', 'налез', 'сидит', 'мерк', 'таблиц'],
  composition: ['состав', 'материал', 'ткань', 'ткани', 'хлопок', 'хлопк', 'синтет', 'натурал', 'шерст', 'полиэстер', 'кожа', 'кожи'],
  care: ['стир', 'постир', 'уход', 'глад', 'сушит', 'сушк', 'химчист', 'машинк'],
  completeness: ['комплект', 'некомплект', 'входит', 'чехол', 'зарядк', 'кабел', 'инструкц', 'в наборе'],
  delivery: ['доставк', 'достав', 'привез', 'наличи', 'поступлен', 'срок', 'ехать', 'придет', 'прийдет', 'когда будет'],
};
const TOPIC_FOLDED = Object.fromEntries(
  Object.entries(TOPIC_WORDS).map(([topic, list]) => [topic, list.map((w) => w.split(' ').map(fold))]),
) as Record<FactTopic, string[][]>;
/** Exact words of size: "мал", "велик" alone (not "малый", "великолепно"). */
const SIZE_WORDS = new Set(
  ['мал', 'мала', 'малы', 'маловат', 'маловата', 'велик', 'велика', 'велики', 'великоват', 'великовата'].map(fold),
);

/** What the buyer's text asks or complains about, of the topics a card can answer. */
export function factTopics(text: string): FactTopic[] {
  const ws = words(text.slice(0, 5000)).map((w) => w.full);
  const at = (i: number, phrase: string[]) =>
    phrase.every((p, k) => (k === phrase.length - 1 ? ws[i + k]?.startsWith(p) : ws[i + k] === p));
  return FACT_TOPICS.filter(
    (topic) => (topic === 'size' && ws.some((w) => SIZE_WORDS.has(w))) || ws.some((_, i) => TOPIC_FOLDED[topic].some((p) => at(i, p))),
  );
}

export interface FactsAsk {
  text: string;
  buyer: string;
  kind: 'review' | 'question';
  stars: number | null;
}

/** One sentence per topic the buyer raised that the card has facts for. */
function lines(topics: readonly FactTopic[], f: CardFacts): string[] {
  const out: string[] = [];
  for (const topic of topics) {
    if (topic === 'size') {
      if (f.sizeTable?.length)
        out.push(`Размеры по таблице из карточки: ${f.sizeTable.map((r) => `${r.size} — ${r.measures}`).join('; ')}.`);
      if (f.inStock?.length && f.inStock.some(Boolean)) out.push(`Сейчас в наличии: ${f.inStock.filter(Boolean).join(', ')}.`);
    }
    if (topic === 'composition' && f.composition) out.push(`Состав по карточке: ${f.composition}.`);
    if (topic === 'care' && f.care) out.push(`Уход: ${f.care}.`);
    if (topic === 'completeness' && f.completeness) out.push(`В комплекте: ${f.completeness}.`);
    if (topic === 'delivery') {
      if (f.stock === 0) out.push('Сейчас товара нет в наличии: как только он поступит на склад, срок доставки появится в карточке.');
      else if (f.deliveryDays !== null)
        out.push(
          `Товар есть на складе${f.stock ? ` (${f.stock} шт.)` : ''}; доставка — от ${f.deliveryDays} дн., точный срок для вашего адреса показан в карточке.`,
        );
    }
  }
  return out.map((l) => l.replace(/\.\.$/, '.'));
}

/**
 * A reply that quotes the card's facts on what the buyer raised; null when they raised none of the
 * topics or the card has nothing on them. On a review of 3★ or less it offers a way out too.
 */
export function factsReply(ask: FactsAsk, facts: CardFacts): { topics: FactTopic[]; text: string } | null {
  const raised = factTopics(ask.text);
  const said = lines(raised, facts);
  if (said.length === 0) return null;
  const topics = raised.filter((t) => lines([t], facts).length > 0);
  const hello = ask.buyer ? `Здравствуйте, ${ask.buyer}!` : 'Здравствуйте!';
  const opening =
    ask.kind === 'question'
      ? 'Спасибо за вопрос.'
      : ask.stars !== null && ask.stars <= 3
        ? 'Нам жаль, что так вышло.'
        : 'Спасибо за отзыв!';
  const closing =
    ask.kind === 'review' && ask.stars !== null && ask.stars <= 3
      ? 'Если товар не подошёл, оформите возврат в пункте выдачи — вернём деньги или поможем с обменом.'
      : 'Будем рады помочь с выбором!';
  return { topics, text: [hello, opening, ...said, closing].join(' ') };
}
