// Suggestion rules and the tone check on reviews as buyers write them. When a rule misses a real
// review, add the review here first.
import { describe, expect, test } from 'vitest';
import { greetable, unknownVariables } from '../../utils/reply-assistant/render';
import { suggestTemplates, topicsOf } from '../../utils/reply-assistant/suggest';
import { DEFAULT_TEMPLATES, renderTemplate } from '../../utils/reply-assistant/templates';
import { checkTone } from '../../utils/reply-assistant/tone';

const reviews: Array<[string, number, string]> = [
  // [text, stars, the first template a careful seller would pick]
  ['Отличная футболка, всё супер!!! 😍😍', 5, 'thanks-5'],
  ['норм, муж доволен', 5, 'thanks-5'],
  ['Качество огонь 🔥 беру второй раз', 5, 'thanks-5'],
  ['Все пришло целое, спасибо продавцу', 5, 'thanks-5'],
  ['Хорошие наушники но звук тиховат', 4, 'thanks-4'],
  ['В целом неплохо, но цвет чуть темнее', 4, 'thanks-4'],
  ['Ну такое... за свои деньги норм', 3, 'neutral-3'],
  ['Средне. Ожидала большего', 3, 'description'],
  ['маломерит на размер!!! бирка L а по факту M', 2, 'size'],
  ['Большемерит сильно, вернула', 2, 'size'],
  ['не налезла на меня, хотя брала свой размер(', 1, 'size'],
  ['мала в плечах', 3, 'size'],
  ['рукава длинные, а в талии широко', 3, 'size'],
  ['Пришел брак, дырка на рукаве', 1, 'defect'],
  ['шов разошелся после первой стирки((', 2, 'defect'],
  ['Правый наушник не работает вообще', 1, 'defect'],
  ['кружка протекает, крышка сломалась через неделю', 1, 'defect'],
  ['Товар бракованный, пятно на спине', 1, 'defect'],
  ['на ткани катышки после 2 стирок', 2, 'defect'],
  ['подошва отклеилась через месяц 😡', 1, 'defect'],
  ['не включается, зарядка не помогает', 1, 'defect'],
  ['Доставка ужасная, коробка помятая', 2, 'delivery'],
  ['курьер опоздал на 3 дня', 2, 'delivery'],
  ['долго шел заказ, две недели', 3, 'delivery'],
  ['в пвз сказали что потеряли', 1, 'delivery'],
  ['Упаковка порвана, товар в пыли', 2, 'delivery'],
  ['Цвет не как на фото!!!', 2, 'description'],
  ['не соответствует описанию, ткань тонкая', 1, 'description'],
  ['прислали не то что заказывала', 1, 'description'],
  ['на фото другой оттенок, обман', 1, 'description'],
  ['ожидала плотную ткань а пришла марля', 2, 'description'],
  ['Ужас. Не советую.', 1, 'negative'],
  ['фигня полная', 1, 'negative'],
  ['деньги на ветер 👎', 1, 'negative'],
  ['НЕ ПОКУПАЙТЕ', 1, 'negative'],
  ['запах химии, не выветривается', 2, 'negative'],
  ['разочарована', 2, 'negative'],
  ['размер норм, но брак на швах', 2, 'defect'],
  ['очень маленький размерчик, как на ребёнка', 2, 'size'],
  ['доставили быстро, но товар слом@лся', 2, 'defect'],
];

const questions: Array<[string, string]> = [
  ['Какой размер брать на рост 170 и вес 60?', 'q-size'],
  ['Подскажите состав ткани? Хлопок?', 'q-composition'],
  ['Когда будет доставка в Казань?', 'q-delivery'],
  ['Можно ли вернуть если не подойдет?', 'q-return'],
  ['Есть ли обмен на другой цвет?', 'q-return'],
];

describe('suggestions for reviews', () => {
  test.each(reviews)('%j (%i★) → %s', (text, stars, first) => {
    expect(suggestTemplates(DEFAULT_TEMPLATES, text, stars)[0]?.id).toBe(first);
  });

  test('there are at least 40 reviews in the table, across every star rating', () => {
    expect(reviews.length).toBeGreaterThanOrEqual(40);
    expect(new Set(reviews.map((r) => r[1]))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  test('a review never gets a template meant for other stars', () => {
    for (const [text, stars] of reviews) {
      for (const t of suggestTemplates(DEFAULT_TEMPLATES, text, stars)) expect(t.stars.length === 0 || t.stars.includes(stars)).toBe(true);
    }
  });
});

test.each(questions)('question %j → %s', (text, first) => {
  expect(suggestTemplates(DEFAULT_TEMPLATES, text, null)[0]?.id).toBe(first);
});

test('a review whose stars the cabinet page did not show gets review templates by its topics, never a question’s', () => {
  expect(suggestTemplates(DEFAULT_TEMPLATES, 'Пришел брак, дырка на рукаве', null, 'review')[0]?.id).toBe('defect');
  expect(suggestTemplates(DEFAULT_TEMPLATES, 'маломерит на размер', null, 'review')[0]?.id).toBe('size');
  expect(suggestTemplates(DEFAULT_TEMPLATES, 'Спасибо', null, 'review').every((t) => t.kind === 'review')).toBe(true);
});

test('topics survive ё, case and punctuation', () => {
  expect(topicsOf('Шов РАЗОШЁЛСЯ!!!')).toContain('defect');
  expect(topicsOf('ПРИШЁЛ ДОЛГО ШЁЛ')).toContain('delivery');
});

describe('tone check', () => {
  test('every default template passes it for the stars it is meant for', () => {
    for (const t of DEFAULT_TEMPLATES) {
      const text = renderTemplate(t.text, { buyer: 'Анна', product: 'футболка', article: '146972802', brand: 'URBAN TIGER' });
      for (const stars of t.stars.length ? t.stars : [null]) expect(checkTone(text, 'wb', stars)).toEqual([]);
    }
  });

  test.each([
    ['Вы сами выбрали не тот размер.', 'blame'],
    ['Надо было читать описание!', 'blame'],
    ['Это не наша проблема, обращайтесь в доставку.', 'blame'],
    ['Читайте описание внимательнее, там всё написано.', 'lecture'],
    ['Прежде чем ставить единицу, разберитесь.', 'lecture'],
    ['Вы неправильно стирали изделие.', 'blame'],
  ])('%j → %s', (reply, kind) => {
    expect(checkTone(reply, 'wb', 1).map((i) => i.kind)).toContain(kind);
  });

  test('a negative review answered without a way out is flagged; a positive one is not', () => {
    expect(checkTone('Спасибо за отзыв, нам жаль.', 'wb', 1).map((i) => i.kind)).toEqual(['no-way-out']);
    expect(checkTone('Спасибо за отзыв, рады что понравилось!', 'wb', 5)).toEqual([]);
  });

  test('empty and too long', () => {
    expect(checkTone('  ok 👍 ', 'wb', 5)).toEqual([{ kind: 'empty' }]);
    const long = `Здравствуйте! ${'Спасибо за отзыв. '.repeat(200)} Оформите возврат в личном кабинете.`;
    expect(checkTone(long, 'ozon', 2)).toEqual([{ kind: 'too-long', limit: 3000, length: long.length }]);
  });
});

test('variables are filled, and a missing buyer name still reads naturally', () => {
  expect(renderTemplate('Здравствуйте, {buyer}! Спасибо за {product}.', { buyer: 'Анна', product: 'кружку' })).toBe(
    'Здравствуйте, Анна! Спасибо за кружку.',
  );
  expect(renderTemplate('Здравствуйте, {buyer}! Спасибо за {product}.', { product: 'кружку' })).toBe('Здравствуйте! Спасибо за кружку.');
});

test.each([
  ['$&', 'Здравствуйте, $&! Спасибо за кружку.'],
  ["$'", "Здравствуйте, $'! Спасибо за кружку."],
  ['$`Мария$$', 'Здравствуйте, $`Мария$$! Спасибо за кружку.'],
  ['{product}', 'Здравствуйте, {product}! Спасибо за кружку.'],
])('a buyer named %j is written as is, never as a replacement pattern or a variable', (buyer, reply) => {
  expect(renderTemplate('Здравствуйте, {buyer}! Спасибо за {product}.', { buyer, product: 'кружку' })).toBe(reply);
});

test('a product or brand with $ patterns is written as is', () => {
  expect(renderTemplate('Спасибо за {product} от {brand}!', { product: 'кружку $1 $&', brand: "A$'B" })).toBe(
    "Спасибо за кружку $1 $& от A$'B!",
  );
});

test('a template’s unknown variables are named, each once; the known ones are not', () => {
  expect(unknownVariables('Здравствуйте, {buyer}! {byuer}, спасибо за {product} от {brand} ({article}). {byuer} {магазин}')).toEqual([
    'byuer',
    'магазин',
  ]);
  expect(unknownVariables('Здравствуйте, {buyer}!')).toEqual([]);
});

test.each([
  ['Анна', 'Анна'],
  ['<img src=x onerror=alert(1)>Мария', 'Мария'],
  ['<b>Олег</b>', 'Олег'],
  ['😍😍', ''],
  ['Покупатель'.repeat(10), ''],
])('a buyer named %j is greeted as %j', (name, greeted) => {
  expect(greetable(name)).toBe(greeted);
});

test('«Заполнить все» has more than one thank-you for each of 4★ and 5★ to vary over', () => {
  for (const stars of [4, 5]) expect(suggestTemplates(DEFAULT_TEMPLATES, 'Отлично', stars).length).toBeGreaterThan(1);
});
