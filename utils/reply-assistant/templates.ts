// Reply templates for reviews and questions, shipped with Russian defaults a careful seller would
// write: thank, never blame the buyer, explain, offer a way out (exchange, return, advice).
// Variables: {buyer}, {product}, {article}, {brand}. The user edits them in the options page.
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { type Template, TemplateSchema } from './template-schema';

export { type Template, TemplateSchema };

export const DEFAULT_TEMPLATES: Template[] = [
  {
    id: 'thanks-5',
    title: '5★ — благодарность',
    kind: 'review',
    stars: [5],
    topics: [],
    text: 'Здравствуйте, {buyer}! Спасибо за высокую оценку и тёплые слова о {product}. Очень рады, что покупка понравилась, — будем ждать вас снова в магазине {brand}!',
  },
  {
    id: 'thanks-4',
    title: '4★ — спасибо и вопрос',
    kind: 'review',
    stars: [4],
    topics: [],
    text: 'Здравствуйте, {buyer}! Спасибо за отзыв и хорошую оценку. Нам важно понять, чего не хватило до пяти звёзд: напишите, пожалуйста, в вопросах к товару {article} — учтём и поможем.',
  },
  // More ways to thank, so that "fill all" on a page of good reviews does not say the same thing twice in a row.
  {
    id: 'thanks-5-more',
    title: '5★ — благодарность (другими словами)',
    kind: 'review',
    stars: [5],
    topics: [],
    text: 'Спасибо, {buyer}! Пять звёзд — лучшая награда для нас, очень рады, что покупка понравилась. Хороших покупок и до новых встреч!',
  },
  {
    id: 'thanks-4-more',
    title: '4★ — спасибо (другими словами)',
    kind: 'review',
    stars: [4],
    topics: [],
    text: 'Здравствуйте, {buyer}! Благодарим за отзыв и четыре звезды. Если чего-то не хватило, напишите нам в вопросах к товару — постараемся сделать лучше.',
  },
  {
    id: 'neutral-3',
    title: '3★ — разберёмся',
    kind: 'review',
    stars: [3],
    topics: [],
    text: 'Здравствуйте, {buyer}! Спасибо, что поделились впечатлениями. Жаль, что {product} понравился не полностью. Если что-то не подошло, вы можете оформить возврат в личном кабинете, а мы с радостью подскажем с выбором — напишите нам в вопросах к товару.',
  },
  {
    id: 'defect',
    title: '1–2★ — брак',
    kind: 'review',
    stars: [1, 2],
    topics: ['defect'],
    text: 'Здравствуйте, {buyer}! Приносим извинения: такого быть не должно. Пожалуйста, оформите возврат в личном кабинете в разделе «Покупки» — деньги вернутся полностью. Мы передали информацию на склад, чтобы проверить партию. Спасибо, что сообщили!',
  },
  {
    id: 'size',
    title: '1–2★ — не подошёл размер',
    kind: 'review',
    stars: [1, 2, 3],
    topics: ['size'],
    text: 'Здравствуйте, {buyer}! Жаль, что размер не подошёл. Вы можете вернуть товар в личном кабинете и заказать другой размер — в карточке {article} есть таблица с замерами, а если сомневаетесь, напишите нам рост и параметры, подскажем.',
  },
  {
    id: 'delivery',
    title: '1–2★ — доставка',
    kind: 'review',
    stars: [1, 2, 3],
    topics: ['delivery'],
    text: 'Здравствуйте, {buyer}! Очень жаль, что доставка подвела. Сроки и сохранность в пути обеспечивает маркетплейс, но мы передадим ваш отзыв. Если товар пришёл повреждённым, оформите, пожалуйста, возврат в личном кабинете — деньги вернутся полностью.',
  },
  {
    id: 'description',
    title: '1–2★ — ожидания не совпали с описанием',
    kind: 'review',
    stars: [1, 2, 3],
    topics: ['description'],
    text: 'Здравствуйте, {buyer}! Спасибо, что рассказали. Нам жаль, что {product} оказался не таким, как вы ожидали, — мы уточним описание в карточке, чтобы оно было понятнее. Товар можно вернуть в личном кабинете; а если подскажете, что искали, предложим подходящий вариант.',
  },
  {
    id: 'negative',
    title: '1–2★ — общий',
    kind: 'review',
    stars: [1, 2],
    topics: [],
    text: 'Здравствуйте, {buyer}! Нам очень жаль, что покупка огорчила. Пожалуйста, опишите подробнее, что случилось, в вопросах к товару {article} — мы разберёмся. Товар можно вернуть в личном кабинете, деньги вернутся полностью.',
  },
  {
    id: 'q-size',
    title: 'Вопрос — размер',
    kind: 'question',
    stars: [],
    topics: ['size'],
    text: 'Здравствуйте! Размеры соответствуют российской сетке, замеры изделия — в таблице размеров в карточке. Напишите рост и обхват груди/талии — подберём размер.',
  },
  {
    id: 'q-composition',
    title: 'Вопрос — состав',
    kind: 'question',
    stars: [],
    topics: ['composition'],
    text: 'Здравствуйте! Состав и уход указаны в характеристиках товара {article}. Если нужны подробности о материале, напишите — с радостью расскажем.',
  },
  {
    id: 'q-delivery',
    title: 'Вопрос — доставка',
    kind: 'question',
    stars: [],
    topics: ['delivery'],
    text: 'Здравствуйте! Срок доставки в ваш город маркетплейс показывает в карточке при выборе пункта выдачи. Товар есть на складе и отправляется без задержек.',
  },
  {
    id: 'q-return',
    title: 'Вопрос — возврат',
    kind: 'question',
    stars: [],
    topics: ['return'],
    text: 'Здравствуйте! Вернуть товар можно в течение срока, установленного маркетплейсом: оформите возврат в личном кабинете в разделе «Покупки». Если возникнут сложности, напишите нам — поможем.',
  },
];

export { renderTemplate, type TemplateVars } from './render';

// The user's templates, in extension storage; the shipped defaults until they edit them.

const templatesItem = storage.defineItem<unknown>('local:replyTemplates', { fallback: null });

export async function getTemplates(): Promise<Template[]> {
  const parsed = z.array(TemplateSchema).safeParse(await templatesItem.getValue());
  return parsed.success && parsed.data.length > 0 ? parsed.data : DEFAULT_TEMPLATES;
}

export async function saveTemplates(templates: Template[]): Promise<Template[]> {
  const valid = z.array(TemplateSchema).parse(templates);
  await templatesItem.setValue(valid);
  return valid;
}

export async function resetTemplates(): Promise<Template[]> {
  await templatesItem.setValue(null);
  return DEFAULT_TEMPLATES;
}
