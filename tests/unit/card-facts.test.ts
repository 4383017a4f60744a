// Answers from the card's own facts (issue 16): the fixture's card.json and card read through Lupa's
// WB client, then what a reply quotes for a question or review about size, composition, care,
// completeness or delivery; nothing for a topic the card has no facts on; a reply the tone check
// passes; bad input never throws.
import { expect, test } from 'vitest';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import { cardTextFromWb } from '../../utils/marketplaces/wb/normalise';
import { WbCardTextSchema } from '../../utils/marketplaces/wb/schemas';
import { Net } from '../../utils/net';
import { type CardFacts, cardFacts, factsReply, factTopics } from '../../utils/reply-assistant/facts';
import { checkTone } from '../../utils/reply-assistant/tone';
import * as wb from '../fixtures/wb/catalog.mjs';
import { fakeMarket } from './fixture-transport';

const SHIRT = 146972802;

async function factsOf(id: number): Promise<CardFacts> {
  const market = fakeMarket();
  const client = createWbClient({
    net: new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } }),
    background: market.transport,
    dest: async () => 1,
  });
  const [text, cards] = await Promise.all([client.fetchCardText(id), client.fetchCards([id])]);
  return cardFacts(text, cards.get(id) ?? null);
}

type FixtureSize = { name: string; origName: string; stocks: Array<{ qty: number; time1: number; time2: number }> };
const fixture = (id: number) =>
  wb.byId.get(id) as unknown as {
    sizes: FixtureSize[];
    options?: Array<{ name: string; value: string }>;
    sizesTable?: { details_props: string[]; values: Array<{ tech_size: string; details: string[] }> };
  };

test('the size table from card.json and the sizes in stock from the card, as the fixture has them', async () => {
  const facts = await factsOf(SHIRT);
  const p = fixture(SHIRT);
  const table = p.sizesTable as NonNullable<ReturnType<typeof fixture>['sizesTable']>;
  expect(facts.sizeTable?.map((r) => r.size)).toEqual(table.values.map((v) => v.tech_size));
  // "Обхват груди, в см" + "84-88" reads "обхват груди 84-88 см".
  expect(facts.sizeTable?.[0]?.measures).toBe(
    `российский размер ${table.values[0]?.details[0]}, обхват груди 84-88 см, обхват талии 66-70 см, длина изделия 68 см`,
  );
  // The card names a size as the storefront does: the seller's size and the Russian one, "S (44)".
  expect(facts.inStock).toEqual(
    p.sizes.filter((s) => s.stocks.some((st) => st.qty > 0)).map((s) => (s.origName !== s.name ? `${s.name} (${s.origName})` : s.name)),
  );
  expect(facts.composition).toBe(p.options?.find((o) => o.name === 'Состав')?.value);
  expect(facts.care).toBeNull();
  expect(facts.completeness).toBeNull();
});

test('a size question gets the table and the sizes in stock, greeted by name; the tone check passes it', async () => {
  const facts = await factsOf(SHIRT);
  const reply = factsReply(
    { text: 'Подскажите, какой размер брать на рост 170 и вес 60?', buyer: 'Марина', kind: 'question', stars: null },
    facts,
  );
  expect(reply?.topics).toEqual(['size']);
  expect(reply?.text).toContain('Здравствуйте, Марина!');
  expect(reply?.text).toContain('M — российский размер 46, обхват груди 88-92 см');
  expect(reply?.text).toContain('Сейчас в наличии: S (44), M (46), XL (50).');
  expect(checkTone(reply?.text ?? '', 'wb', null)).toEqual([]);
});

test('a 2★ review about size and fabric: the table and the composition, with a way out the tone check accepts', async () => {
  const facts = await factsOf(SHIRT);
  const reply = factsReply({ text: 'маломерит на размер, и ткань не хлопок вообще', buyer: '', kind: 'review', stars: 2 }, facts);
  expect(reply?.topics).toEqual(['size', 'composition']);
  expect(reply?.text).toMatch(/^Здравствуйте! /);
  expect(reply?.text).toContain('Состав по карточке: хлопок 100%.');
  expect(checkTone(reply?.text ?? '', 'wb', 2)).toEqual([]);
});

test('delivery: the stock and the quickest delivery of a warehouse holding it, from the card', async () => {
  const id = 211695539;
  const facts = await factsOf(id);
  const stocks = fixture(id)
    .sizes.flatMap((s) => s.stocks)
    .filter((s) => s.qty > 0);
  expect(facts.stock).toBe(stocks.reduce((n, s) => n + s.qty, 0));
  expect(facts.deliveryDays).toBeGreaterThanOrEqual(1);
  const reply = factsReply({ text: 'Когда будет доставка в Казань?', buyer: 'Игорь', kind: 'question', stars: null }, facts);
  expect(reply?.topics).toEqual(['delivery']);
  expect(reply?.text).toContain(`Товар есть на складе (${facts.stock} шт.); доставка — от ${facts.deliveryDays} дн.`);
});

test('care and completeness are quoted from characteristics that name them; sold out says so', () => {
  const facts = cardFacts(
    {
      id: '1',
      title: 'Куртка',
      description: '',
      options: [
        { name: 'Уход за вещами', value: 'деликатная стирка при 30 °C' },
        { name: 'Комплектация', value: 'куртка, съёмный капюшон' },
      ],
      sizeTable: null,
    },
    { sizes: [{ name: 'M', optionId: 1, qty: 0, price: null, priceBefore: null }], stockByWarehouse: [], stockTotal: 0, stockKnown: true },
  );
  const reply = factsReply({ text: 'Как стирать? И капюшон входит в комплект?', buyer: 'Оля', kind: 'question', stars: null }, facts);
  expect(reply?.topics).toEqual(['care', 'completeness']);
  expect(reply?.text).toContain('Уход: деликатная стирка при 30 °C.');
  expect(reply?.text).toContain('В комплекте: куртка, съёмный капюшон.');
  expect(factsReply({ text: 'Когда привезут?', buyer: '', kind: 'question', stars: null }, facts)?.text).toContain(
    'Сейчас товара нет в наличии',
  );
});

test('nothing to quote: a topic the card has no facts on, or no topic at all', async () => {
  const facts = await factsOf(SHIRT);
  expect(factsReply({ text: 'Как стирать?', buyer: '', kind: 'question', stars: null }, facts)).toBeNull();
  expect(factsReply({ text: 'Отличная футболка!', buyer: '', kind: 'review', stars: 5 }, facts)).toBeNull();
});

test('bad input: 5 000 characters, only emoji, HTML — an answer or none, never a throw', async () => {
  const facts = await factsOf(SHIRT);
  expect(factTopics('😍😍😍🔥')).toEqual([]);
  const long = `${'очень долго писал отзыв '.repeat(300).slice(0, 4993)} размер`;
  expect(long.length).toBe(5000);
  expect(factTopics(long)).toEqual(['size']);
  // Only a review's first 5 000 characters are read (WB's own limit).
  expect(factTopics(`${'а '.repeat(3000)}размер`)).toEqual([]);
  const html = factsReply({ text: '<b>какой размер</b><img src=x onerror=alert(1)>', buyer: '', kind: 'question', stars: null }, facts);
  expect(html?.topics).toEqual(['size']);
  expect(html?.text).not.toContain('<');
});

test('a size table in another shape is no size table; the card is still read', () => {
  for (const sizes_table of [
    'таблица',
    { details_props: 'Обхват', values: [] },
    { details_props: ['Обхват'], values: [{ tech_size: 'S' }] },
    null,
  ]) {
    const parsed = WbCardTextSchema.safeParse({
      nm_id: 1,
      imt_name: 'Футболка',
      options: [{ name: 'Состав', value: 'хлопок' }],
      sizes_table,
    });
    expect(parsed.success).toBe(true);
    const text = cardTextFromWb('1', parsed.data as NonNullable<typeof parsed.data>);
    expect(text.sizeTable).toBeNull();
    expect(text.options).toEqual([{ name: 'Состав', value: 'хлопок' }]);
  }
});
