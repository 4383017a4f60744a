import { describe, expect, test } from 'vitest';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import type { CardText } from '../../utils/model';
import { Net } from '../../utils/net';
import { seoGaps } from '../../utils/seo-gaps/gaps';
import { createSeoService, RIVALS } from '../../utils/seo-gaps/service';
import { cardTerms, termsIn } from '../../utils/seo-gaps/words';
import { fillerCardJson } from '../fixtures/wb/card-text.mjs';
import { resultList } from '../fixtures/wb/search.mjs';
import { fakeMarket } from './fixture-transport';

const card = (id: string, title: string, description = '', options: Array<[string, string]> = []): CardText => ({
  id,
  title,
  description,
  options: options.map(([name, value]) => ({ name, value })),
  sizeTable: null,
});
const words = (text: string) => termsIn(text).filter((t) => !t.phrase);

describe('a card’s words', () => {
  test('forms of one word are one term; stop words, numbers, short words and markup are left out', () => {
    const terms = words('<b>Хлопковая</b> футболка из хлопка, 100% хлопок; хлопковые футболки и 2 шт.');
    expect(terms.map((t) => t.word)).toEqual(['хлопковая', 'футболка', 'хлопка', 'хлопок', 'хлопковые', 'футболки']);
    const keys = new Set(terms.map((t) => t.key));
    // хлопковая/хлопковые, футболка/футболки, хлопок/хлопка (the fleeting о).
    expect(keys.size).toBe(3);
  });

  test('ё is е, Latin words stay as written, phrases never cross a sentence or a stop word', () => {
    expect(words('Чёрный TWS').map((t) => t.key)).toEqual(words('черный tws').map((t) => t.key));
    const phrases = termsIn('Свободный крой. Плотный трикотаж и мягкий хлопок').filter((t) => t.phrase);
    expect(phrases.map((t) => t.word)).toEqual(['свободный крой', 'плотный трикотаж', 'мягкий хлопок']);
  });

  test('a card’s term keeps the form it used most', () => {
    const terms = cardTerms(card('1', 'Футболки', 'Футболка. Футболка.', [['Тип', 'футболка']]));
    expect([...terms.values()].map((t) => t.word)).toEqual(['футболка']);
  });
});

describe('gaps against the top cards', () => {
  const own = card('1', 'Футболка оверсайз из хлопка', 'Антипиллинг, не скатывается');
  const rivals = [
    card('2', 'Футболка оверсайз унисекс', 'Свободный крой. Хлопок', [['Цвет', 'черный']]),
    card('3', 'Футболка унисекс', 'Свободный крой', [['Цвет', 'белый']]),
    card('4', 'Футболка', 'Плотный трикотаж. Свободного кроя', [['Цвет', 'черный']]),
    card('5', 'Футболки унисекс', 'Кулирка'),
  ];

  test('words at least two (and 30 %) of the cards use and this one lacks, most used first, phrases after', () => {
    const gaps = seoGaps(own, rivals);
    expect(gaps.rivals).toBe(4);
    expect(gaps.minCount).toBe(2);
    // «Свободного кроя» is «свободный крой» in another case: one word each, and one phrase.
    expect(gaps.missing.map((m) => [m.word, m.count, m.phrase])).toEqual([
      ['крой', 3, false],
      ['свободный', 3, false],
      ['унисекс', 3, false],
      ['черный', 2, false],
      ['свободный крой', 3, true],
      ['футболка унисекс', 2, true],
    ]);
    // хлопок: this card says «хлопка»; футболка, оверсайз: this card has them.
    expect(gaps.missing.some((m) => ['хлопок', 'футболка', 'оверсайз'].includes(m.word))).toBe(false);
  });

  test('the words only this card uses', () => {
    expect(seoGaps(own, rivals).unique.map((u) => u.word)).toEqual(['антипиллинг', 'скатывается']);
  });

  test('more cards raise the bar to 30 % of them', () => {
    const many = Array.from({ length: 10 }, (_, i) => card(String(i + 10), i < 2 ? 'Футболка кулирка' : 'Футболка'));
    const gaps = seoGaps(card('1', 'Майка'), many);
    expect(gaps.minCount).toBe(3);
    expect(gaps.missing.map((m) => m.word)).toEqual(['футболка']);
  });

  test('no rivals: nothing missing, every word unique', () => {
    expect(seoGaps(own, [])).toMatchObject({ rivals: 0, missing: [] });
  });
});

describe('the comparison', () => {
  const query = 'футболка оверсайз';
  const top = resultList(query).slice(0, 100);
  const expectedRivals = top.filter((e) => !('log' in e) && e.id !== 146972802).slice(0, RIVALS);

  function stand() {
    const market = fakeMarket();
    const net = new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0, retries: 0 } });
    const wb = createWbClient({ net, background: market.transport, dest: async () => 1 });
    const read: string[] = [];
    const service = createSeoService({
      searchPage: async ({ query: q, page }) => wb.fetchSearchPage(q, page),
      cardText: async (id) => {
        read.push(id);
        return wb.fetchCardText(Number(id));
      },
    });
    return { market, service, read };
  }

  test('the top organic cards of the first page, ads and this card left out, each read from its card.json', async () => {
    const { service, read } = stand();
    const reply = await service.compare('146972802', query);
    expect(reply.problem).toBeNull();
    expect(reply.rivals).toBe(RIVALS);
    expect(reply.skipped).toBe(0);
    expect(read.slice(1).sort()).toEqual(expectedRivals.map((e) => String(e.id)).sort());
    // The fixture's own words, counted here by hand for one word: «унисекс» in the descriptions.
    const unisex = expectedRivals.filter((e) => /унисекс/i.test(JSON.stringify(fillerCardJson(e.id)))).length;
    const shown = reply.missing.find((m) => m.word === 'унисекс');
    expect(unisex).toBeGreaterThanOrEqual(reply.minCount);
    expect(shown?.count).toBe(unisex);
    // This card writes «свободный крой» itself: not a gap.
    expect(reply.missing.map((m) => m.word)).not.toContain('свободный крой');
    expect(reply.unique.map((u) => u.word)).toContain('антипиллинг');
  });

  test('a rival whose card.json fails is left out and counted; the second comparison reads nothing again', async () => {
    const { market, service, read } = stand();
    const broken = expectedRivals[3]?.id as number;
    market.fail(new RegExp(`/${broken}/info/ru/card\\.json`), { status: 500, body: 'oops' }, 1);
    const first = await service.compare('146972802', query);
    expect(first.skipped).toBe(1);
    expect(first.rivals).toBe(RIVALS - 1);
    const reads = read.length;
    const again = await service.compare('146972802', query);
    expect(again.skipped).toBe(0);
    // Only the card that failed is read again.
    expect(read.slice(reads)).toEqual([String(broken)]);
  });

  test('when this card’s words cannot be read, the reply says why and counts nothing', async () => {
    const { market, service } = stand();
    market.fail(/\/146972802\/info\/ru\/card\.json/, { status: 500, body: 'oops' }, 1);
    const reply = await service.compare('146972802', query);
    expect(reply).toMatchObject({ rivals: 0, missing: [], unique: [], problem: 'server' });
  });

  test('card.json with HTML, a malformed characteristic and grouped ones: text kept as text, the bad one dropped', async () => {
    const market = fakeMarket();
    const wb = createWbClient({
      net: new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } }),
      background: market.transport,
      dest: async () => 1,
    });
    const id = expectedRivals[0]?.id as number;
    const text = await wb.fetchCardText(id);
    const raw = fillerCardJson(id) as { imt_name: string; grouped_options: Array<{ options: unknown[] }> };
    expect(text.title).toBe(raw.imt_name);
    expect(text.options.length).toBe(1 + (raw.grouped_options[0]?.options.length ?? 0));
    market.fail(/card\.json/, {
      status: 200,
      body: JSON.stringify({
        imt_name: '<img src=x onerror=alert(1)>Футболка',
        description: 42,
        options: [{ name: 'Цвет' }, { name: 'Пол', value: 'унисекс' }],
      }),
    });
    const odd = await wb.fetchCardText(id);
    expect(odd).toEqual({
      id: String(id),
      title: '<img src=x onerror=alert(1)>Футболка',
      description: '',
      options: [{ name: 'Пол', value: 'унисекс' }],
      sizeTable: null,
    });
  });
});
