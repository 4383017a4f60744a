// Which templates suit a review or a question: by its stars and its topics, found with simple
// keyword rules that survive slang, typos and emoji (documented by tests/unit/replies.test.ts).
import type { Template } from './templates';

export type Topic = 'defect' | 'size' | 'delivery' | 'description' | 'composition' | 'return';

/** Stems, not words: "маломерит", "маломерка", "мал" all say size. */
const TOPIC_STEMS: Record<Topic, RegExp> = {
  // "порвал…" (the item tore), not "порвана" (usually the packaging: a delivery matter).
  defect: /брак|дыр[аыку]|порвал|слома|не работа|не включ|трещин|сломал|разош[её]л|распол|пятн|дефект|бракован|отклеил|торчат нитки|катышк/,
  // JavaScript's \b knows only Latin letters: Cyrillic word edges need lookarounds.
  size: /размер|маломер|большемер|(?<!\p{L})мал[аоы]?(?!\p{L})|(?<!\p{L})велик[аои]?(?!\p{L})|не подош[её]л|не налез|тесн|широк|узк[аои]|в талии|длинн|коротк/u,
  delivery: /доставк|курьер|пвз|пункт выдачи|привез|пришл[аои]? (мят|помят|разб)|упаковк|коробк|долго ш[её]л|задерж|опоздал|потерял/,
  description: /не соответств|не как на фото|на фото друг|описани|цвет (не|друг)|ожидал|обман|не то что заказ|прислали не т/,
  composition: /состав|материал|ткан|хлопок|синтетик|полиэстер|натуральн/,
  return: /возврат|вернуть|обмен|обменять|отказ/,
};

export function topicsOf(text: string): Topic[] {
  const normal = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    // Letters typed as look-alike symbols: "слом@лся".
    .replace(/@/g, 'а')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ');
  // The stems are written with ё where it matters; match both spellings.
  return (Object.keys(TOPIC_STEMS) as Topic[]).filter((t) => TOPIC_STEMS[t].test(normal) || TOPIC_STEMS[t].test(normal.replace(/е/g, 'ё')));
}

/**
 * Templates for a review (or a question, `stars` null), best first: a template naming the review's
 * topic and stars, then one for its stars alone. A review whose stars the page did not show
 * (`kind` 'review', `stars` null) gets review templates by its topics, for any stars.
 */
export function suggestTemplates(
  templates: readonly Template[],
  text: string,
  stars: number | null,
  kind: Template['kind'] = stars === null ? 'question' : 'review',
): Template[] {
  const topics = topicsOf(text);
  const scored = templates
    .filter((t) => t.kind === kind && (stars === null || t.stars.length === 0 || t.stars.includes(stars)))
    .map((t) => ({ t, score: (t.topics.some((x) => topics.includes(x as Topic)) ? 2 : 0) + (t.topics.length === 0 ? 1 : 0) }))
    .filter(({ t, score }) => score > 0 || t.topics.length === 0);
  return scored.sort((a, b) => b.score - a.score).map(({ t }) => t);
}
