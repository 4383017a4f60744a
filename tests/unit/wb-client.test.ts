import { describe, expect, test } from 'vitest';
import { basketGuess, probeOrder } from '../../utils/marketplaces/wb/basket';
import { createWbClient } from '../../utils/marketplaces/wb/client';
import { MAX_DETAIL_BATCH, wbEndpoints } from '../../utils/marketplaces/wb/endpoints';
import { feedbackShard } from '../../utils/marketplaces/wb/feedbacks';
import type { UpstreamsCache } from '../../utils/marketplaces/wb/upstreams';
import { Net, type Transport } from '../../utils/net';
import * as wb from '../fixtures/wb/catalog.mjs';
import { searchPage } from '../fixtures/wb/search.mjs';
import { fakeMarket } from './fixture-transport';

const quickNet = () => new Net({ defaults: { baseDelayMs: 1, maxDelayMs: 2, minIntervalMs: 0 } });

describe('basket hosts', () => {
  test('the built-in table gives the host up to basket-55, at both edges of a range', () => {
    expect(basketGuess(0)).toEqual({ basket: 1, certain: true });
    expect(basketGuess(143)).toEqual({ basket: 1, certain: true });
    expect(basketGuess(144)).toEqual({ basket: 2, certain: true });
    expect(basketGuess(1469)).toEqual({ basket: 10, certain: true });
    expect(basketGuess(9605)).toEqual({ basket: 40, certain: true });
    expect(basketGuess(9854)).toEqual({ basket: 41, certain: true });
    expect(basketGuess(12840)).toEqual({ basket: 45, certain: true });
    expect(basketGuess(21125)).toEqual({ basket: 55, certain: true });
  });

  test('past the table: a guess to probe, nearest first, never past the highest host seen', () => {
    expect(basketGuess(21126)).toEqual({ basket: 56, certain: false });
    expect(probeOrder(56)).toEqual([56, 57, 55, 58, 54, 59, 53, 60, 52]);
    expect(probeOrder(72).every((b) => b <= 72)).toBe(true);
    expect(basketGuess(99_999).basket).toBe(72);
  });

  /** The fixture market, also serving an article's files from one basket host of the test's choice. */
  function marketWith(extra: { nm: number; basket: number; of: (typeof wb.products)[number] }) {
    const market = fakeMarket();
    const transport: Transport = async (url, signal) => {
      const u = new URL(url);
      const file = new RegExp(
        `^/vol${Math.floor(extra.nm / 1e5)}/part${Math.floor(extra.nm / 1e3)}/${extra.nm}/info/(ru/card\\.json|price-history\\.json)$`,
      ).exec(u.pathname);
      if (file) {
        market.calls.push(url);
        if (u.hostname !== `basket-${extra.basket}.wbbasket.ru`) return { status: 404, body: '{}', retryAfter: null };
        const body = file[1] === 'ru/card.json' ? wb.cardJson(extra.of) : wb.priceHistory(extra.of, Date.now());
        return { status: 200, body: JSON.stringify(body), retryAfter: null };
      }
      return market.transport(url, signal);
    };
    return { market, transport };
  }
  const stores = () => {
    const baskets = new Map<number, number>();
    const map: { value?: UpstreamsCache } = {};
    return {
      baskets,
      map,
      basketCache: { get: async (vol: number) => baskets.get(vol), set: async (vol: number, b: number) => void baskets.set(vol, b) },
      upstreams: {
        get: async () => map.value,
        set: async (m: UpstreamsCache) => {
          map.value = m;
        },
      },
    };
  };
  const vacuum = wb.byId.get(1284017356)!;

  test("a new article's history comes from the host WB's live map names, without probing", async () => {
    const market = fakeMarket();
    const s = stores();
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1, ...s });
    expect(await client.fetchPriceHistory(vacuum.id)).toHaveLength(5);
    expect(market.calls.map((u) => new URL(u).host)).toEqual(['cdn.wbbasket.ru', 'basket-45.wbbasket.ru']);
    expect(market.calls.filter((u) => u.includes('card.json'))).toEqual([]);
    expect(s.map.value?.ranges).toContainEqual({ from: 12678, to: 13445, basket: 45 });
  });

  test('the map is kept for hours: a restarted worker does not ask for it again', async () => {
    const market = fakeMarket();
    const s = stores();
    await createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1, ...s }).fetchPriceHistory(vacuum.id);
    const restarted = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1, ...s });
    await restarted.fetchPriceHistory(wb.products[0]!.id);
    expect(market.calls.filter((u) => u.includes('upstreams'))).toHaveLength(1);
    // Hours later it is asked again.
    const later = createWbClient({
      net: quickNet(),
      background: market.transport,
      dest: async () => 1,
      ...s,
      now: () => Date.now() + 7 * 60 * 60 * 1000,
    });
    await later.fetchPriceHistory(vacuum.id);
    expect(market.calls.filter((u) => u.includes('upstreams'))).toHaveLength(2);
  });

  test('a host only the map knows (past the table) is reached at once', async () => {
    const nm = 2_231_480_517; // vol 22314: basket-57 in the map, past the table's basket-55
    const { market, transport } = marketWith({ nm, basket: 57, of: vacuum });
    const client = createWbClient({ net: quickNet(), background: transport, dest: async () => 1, ...stores() });
    expect(await client.fetchPriceHistory(nm)).toHaveLength(5);
    expect(market.calls.filter((u) => u.includes('wbbasket.ru/vol'))).toEqual([
      `https://basket-57.wbbasket.ru/vol22314/part2231480/${nm}/info/price-history.json`,
    ]);
  });

  test.each([
    ['answers 500', { status: 500, body: '{"error":"upstream"}' }],
    ['changed its shape', { status: 200, body: JSON.stringify({ origin: { routes: ['basket-01.wbbasket.ru'] } }) }],
    [
      'names hosts off wbbasket.ru',
      {
        status: 200,
        body: JSON.stringify({
          origin: {
            mediabasket_route_map: [{ method: 'range', hosts: [{ vol_range_from: 0, vol_range_to: 99999, host: 'evil.example' }] }],
          },
        }),
      },
    ],
  ])('a map that %s is not used: the table answers, and the map is not asked again at once', async (_what, answer) => {
    const market = fakeMarket();
    market.fail(/upstreams/, answer, 10);
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1, ...stores() });
    expect(await client.fetchPriceHistory(vacuum.id)).toHaveLength(5);
    await client.fetchPriceHistory(wb.products[0]!.id);
    expect(market.calls.filter((u) => u.includes('card.json'))).toEqual([]);
    expect(market.calls.some((u) => u.includes('evil.example'))).toBe(false);
    expect(market.calls.filter((u) => u.includes('upstreams')).length).toBeLessThanOrEqual(4); // one request and its retries
  });

  test('without the map, past the table the client probes neighbours and remembers the host', async () => {
    const nm = 2_231_480_517;
    const { market, transport } = marketWith({ nm, basket: 57, of: vacuum });
    market.fail(/upstreams/, { status: 404, body: '{}' }, 10);
    const s = stores();
    const client = createWbClient({ net: quickNet(), background: transport, dest: async () => 1, ...s });
    expect(await client.fetchPriceHistory(nm)).toHaveLength(5);
    expect(s.baskets.get(22314)).toBe(57);
    // The guess past basket-55 (768 vols a host, as the table's last rows grow) is 57 here.
    const probes = market.calls.filter((u) => u.includes('card.json')).length;
    expect(probes).toBe(1);
    await client.fetchPriceHistory(nm);
    expect(market.calls.filter((u) => u.includes('card.json')).length).toBe(probes);
  });
});

describe('card detail route', () => {
  test('asks the page route first when a storefront tab is at hand and falls back to the public host', async () => {
    const page = fakeMarket();
    const background = fakeMarket();
    page.fail(/./, { status: 403 }, 10);
    const client = createWbClient({ net: quickNet(), background: background.transport, dest: async () => 123 });
    const cards = await client.fetchCards([wb.products[0]!.id], { page: page.transport });
    expect(cards.get(wb.products[0]!.id)?.priceNow).toBe(134500);
    expect(page.calls[0]).toBe(wbEndpoints.detailPage([wb.products[0]!.id], 123));
    expect(background.calls[0]).toBe(wbEndpoints.detailPublic([wb.products[0]!.id], 123));
  });

  test('without a tab it goes straight to the public host with the region from settings', async () => {
    const market = fakeMarket();
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => -1255987 });
    await client.fetchCards([wb.products[1]!.id]);
    expect(market.calls).toEqual([wbEndpoints.detailPublic([wb.products[1]!.id], -1255987)]);
    expect(market.calls[0]).toContain('dest=-1255987');
  });

  test('many articles are split at the API maximum, and missing ones map to null', async () => {
    const market = fakeMarket();
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1 });
    const ids = [...wb.products.map((p) => p.id), ...Array.from({ length: 250 }, (_, i) => 10_000_000 + i)];
    const cards = await client.fetchCards(ids);
    expect(market.calls).toHaveLength(Math.ceil(ids.length / MAX_DETAIL_BATCH));
    expect(cards.size).toBe(ids.length);
    expect(cards.get(10_000_000)).toBeNull();
    expect(cards.get(wb.products[5]!.id)?.name).toBe(wb.products[5]!.name);
  });
});

describe('reviews and questions', () => {
  const hosts = (calls: string[]) => calls.map((u) => `${new URL(u).host}${new URL(u).pathname.replace(/\d+$/, '')}`);
  const shoes = wb.products[1]!;

  test("WB's host resolver first: its host's v2 answers, nothing else is asked", async () => {
    const market = fakeMarket();
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1 });
    expect((await client.fetchReviewSummary(shoes.root)).count).toBe(412);
    expect(hosts(market.calls)).toEqual([
      'feedback-bt.wildberries.ru/feedback/api/v2/host',
      `${wb.feedbackViewHost(shoes.root)}/feedbacks/v2/`,
    ]);
    // The resolved host is kept: the next read asks it alone.
    await client.fetchReviewSummary(shoes.root);
    expect(hosts(market.calls.slice(2))).toEqual([`${wb.feedbackViewHost(shoes.root)}/feedbacks/v2/`]);
  });

  test.each([
    ['answers 500', { status: 500, body: '' }],
    ['names a host off wb.ru', { status: 200, body: '["https://feedback-view-01.evil.example"]' }],
    ['answers an empty list', { status: 200, body: '[]' }],
  ])("the resolver %s: the shard WB's crc16 rule names is asked, v2", async (_what, answer) => {
    const market = fakeMarket();
    market.fail(/feedback-bt/, answer, 10);
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1 });
    expect(feedbackShard(shoes.root)).toBe(2);
    expect((await client.fetchReviewSummary(shoes.root)).count).toBe(412);
    expect(hosts(market.calls).filter((h) => !h.startsWith('feedback-bt'))).toEqual(['feedbacks2.wb.ru/feedbacks/v2/']);
    expect(market.calls.some((u) => u.includes('evil.example'))).toBe(false);
  });

  test('an empty shard is not final, and a shard without v2 is read by the old route (v1)', async () => {
    const market = fakeMarket();
    market.fail(/feedback-bt/, { status: 404, body: '' }, 10);
    // The shard the rule names answers empty; the other no longer knows v2.
    market.fail(/feedbacks2\.wb\.ru/, { status: 200, body: JSON.stringify(wb.feedbacksResponse(shoes, 1, Date.now())) }, 1);
    market.fail(/feedbacks1\.wb\.ru\/feedbacks\/v2/, { status: 404, body: '' }, 1);
    const shoesOnShard1: Transport = async (url, signal) =>
      url.includes('feedbacks1.wb.ru/feedbacks/v1/')
        ? { status: 200, body: JSON.stringify(wb.feedbacksResponse(shoes, 2, Date.now())), retryAfter: null }
        : market.transport(url, signal);
    const client = createWbClient({ net: quickNet(), background: shoesOnShard1, dest: async () => 1 });
    expect((await client.fetchReviewSummary(shoes.root)).count).toBe(412);
    expect(hosts(market.calls).filter((h) => !h.startsWith('feedback-bt'))).toEqual([
      'feedbacks2.wb.ru/feedbacks/v2/',
      'feedbacks1.wb.ru/feedbacks/v2/',
    ]);
  });

  test('every route failing: the first problem is the verdict', async () => {
    const market = fakeMarket();
    market.fail(/feedback/, { status: 500, body: '' }, 100);
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1 });
    await expect(client.fetchReviewSummary(shoes.root)).rejects.toMatchObject({ kind: 'server' });
  });

  test('questions: the count, asked with take and skip (without them WB answers zero)', async () => {
    const market = fakeMarket();
    const client = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1 });
    expect(await client.fetchQuestionCount(wb.products[4]!.root)).toBe(389);
    const asked = new URL(market.calls[0] as string);
    expect(asked.host).toBe('questions.wildberries.ru');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      imtId: String(wb.products[4]!.root),
      take: '30',
      skip: '0',
      onlyCount: 'true',
    });
    market.fail(/questions/, { status: 200, body: '{"count":-1}' }, 1);
    await expect(client.fetchQuestionCount(wb.products[4]!.root)).rejects.toMatchObject({ kind: 'format-changed' });
  });
});

describe('values outside the model', () => {
  const json = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
  const client = (market: ReturnType<typeof fakeMarket>) =>
    createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1 });
  const tee = wb.products[0]!;

  test('a negative price is a changed format, not a card', async () => {
    const market = fakeMarket();
    const card = wb.detailProduct(tee) as unknown as { sizes: Array<{ price?: { basic: number; product: number } }> };
    const sizes = card.sizes.map((s) => (s.price ? { ...s, price: { ...s.price, product: -s.price.product } } : s));
    market.fail(/cards\/v4\/detail/, json({ products: [{ ...card, sizes }] }));
    await expect(client(market).fetchCards([tee.id])).rejects.toMatchObject({ kind: 'format-changed' });
  });

  test('negative history prices and review counts are a changed format too', async () => {
    const market = fakeMarket();
    market.fail(/price-history/, json([{ dt: 1_700_000_000, price: { RUB: -100 } }]));
    await expect(client(market).fetchPriceHistory(tee.id)).rejects.toMatchObject({ kind: 'format-changed' });
    market.fail(/feedback/, json({ ...wb.feedbacksResponse(tee, tee.reviews.shard, Date.now()), feedbackCount: -5 }), 10);
    await expect(client(market).fetchReviewSummary(tee.root)).rejects.toMatchObject({ kind: 'format-changed' });
  });

  test('a seller rating outside 0–5 is unknown', async () => {
    const market = fakeMarket();
    market.fail(/cards\/v4\/detail/, json({ products: [{ ...wb.detailProduct(tee), supplierRating: -3 }] }));
    expect((await client(market).fetchCards([tee.id])).get(tee.id)?.seller?.rating).toBeNull();
  });

  test('a search page keeps at most one page of entries', async () => {
    const market = fakeMarket();
    const products = searchPage('наушники беспроводные', 1).products ?? [];
    const more = Array.from({ length: 900 }, (_, i) => ({ ...products[i % 100], id: 700_000_000 + i, log: undefined }));
    market.fail(/exactmatch/, json({ products: [...products, ...more] }));
    const entries = await client(market).fetchSearchPage('наушники беспроводные', 1);
    expect(entries).toHaveLength(100);
    expect(entries.at(-1)?.displayed).toBe(100);
  });
});

describe("WB's anti-bot gate", () => {
  const tee = wb.products[0]!;
  /** WB's challenge page, as its anti-bot service serves it in place of JSON. */
  const CHALLENGE =
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Почти готово...</title>' +
    '<script src="/__wbaas/challenges/antibot/script.js"></script></head><body><p>Проверяем, что вы не робот</p></body></html>';
  const expired = { status: 498, body: CHALLENGE };

  function memoryBlocks() {
    const saved = new Map<string, number>();
    return {
      saved,
      get: async (host: string) => saved.get(host) ?? 0,
      set: async (host: string, until: number) => void saved.set(host, until),
    };
  }

  test('a 498 on the site route (x_wbaas_token gone) falls back to the public host', async () => {
    const page = fakeMarket();
    const background = fakeMarket();
    page.fail(/./, expired, 10);
    const client = createWbClient({ net: quickNet(), background: background.transport, dest: async () => 1 });
    const cards = await client.fetchCards([tee.id], { page: page.transport });
    expect(cards.get(tee.id)?.priceNow).toBe(134500);
    expect(page.calls).toHaveLength(1);
  });

  test.each([
    ['403', { status: 403, body: '' }],
    ['500', { status: 500, body: '{"error":"internal"}' }],
    ['498 too', expired],
  ])('a 498 on the site route and %s on the public host: the token has expired, the page must be reloaded', async (_what, publicAnswer) => {
    const page = fakeMarket();
    const background = fakeMarket();
    page.fail(/./, expired, 10);
    background.fail(/./, publicAnswer, 10);
    const client = createWbClient({ net: quickNet(), background: background.transport, dest: async () => 1 });
    await expect(client.fetchCards([tee.id], { page: page.transport })).rejects.toMatchObject({ kind: 'token-expired' });
  });

  test('a challenge page answered with 200 is "blocked", not "format changed"; a plain HTML error page stays "format changed"', async () => {
    const page = fakeMarket();
    const background = fakeMarket();
    page.fail(/./, { status: 200, body: CHALLENGE }, 10);
    background.fail(/./, { status: 200, body: CHALLENGE }, 10);
    const client = createWbClient({ net: quickNet(), background: background.transport, dest: async () => 1 });
    await expect(client.fetchCards([tee.id], { page: page.transport })).rejects.toMatchObject({ kind: 'blocked' });
    const market = fakeMarket();
    market.fail(/./, { status: 200, body: '<!doctype html><html><body><h1>Ведутся технические работы</h1></body></html>' }, 10);
    const plain = createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1 });
    await expect(plain.fetchCards([tee.id])).rejects.toMatchObject({ kind: 'format-changed' });
  });

  test('a block is kept across a worker restart: the host is left alone until it ends or the user asks again', async () => {
    const blocks = memoryBlocks();
    const market = fakeMarket();
    market.fail(/cards\/v4\/detail/, { status: 403, body: '' }, 1);
    const client = () => createWbClient({ net: quickNet(), background: market.transport, dest: async () => 1, blockedUntil: blocks });
    await expect(client().fetchCards([tee.id])).rejects.toMatchObject({ kind: 'blocked' });
    expect(blocks.saved.get('card.wb.ru')).toBeGreaterThan(Date.now());

    const restarted = client();
    const before = market.calls.length;
    await expect(restarted.fetchCards([tee.id])).rejects.toMatchObject({ kind: 'blocked' });
    expect(market.calls).toHaveLength(before);
    await restarted.clearBlock();
    expect((await restarted.fetchCards([tee.id])).get(tee.id)?.priceNow).toBe(134500);
  });
});

describe('search: the newest version that answers', () => {
  const Q = 'наушники беспроводные';
  /** The fixture market, answering only some search versions, and recording each request's headers. */
  function searchMarket(versions: number[] | null = null) {
    const market = fakeMarket();
    const headers: Array<Record<string, string> | undefined> = [];
    const transport: Transport = async (url, signal, h) => {
      headers.push(h ? { ...h } : undefined);
      const v = /\/common\/v(\d+)\/search/.exec(url);
      if (v && versions && !versions.includes(Number(v[1]))) {
        market.calls.push(url);
        return { status: 404, body: '{"error":"not found"}', retryAfter: null };
      }
      return market.transport(url, signal);
    };
    return { market, transport, headers };
  }
  const session = () => {
    const kept: { value?: number } = {};
    const searchVersion = {
      get: async () => kept.value,
      set: async (v: number) => {
        kept.value = v;
      },
    };
    return { kept, searchVersion };
  };
  const version = (u: string) => Number(/\/v(\d+)\/search/.exec(u)?.[1]);

  test('asks v18 first, with a query id like the site sends', async () => {
    const { market, transport, headers } = searchMarket();
    const client = createWbClient({ net: quickNet(), background: transport, dest: async () => -1257786 });
    expect(await client.fetchSearchPage(Q, 1)).toHaveLength(100);
    expect(market.calls.map(version)).toEqual([18]);
    expect(market.calls[0]).toContain('hide_vflags=4294967296');
    expect(headers[0]?.['x-queryid']).toMatch(/^qid\d{18}\d{10}\d{14}$/);
  });

  test('v18 gone: v13 answers (with the parameters the site sent it), and is remembered while the browser runs', async () => {
    const { market, transport } = searchMarket([13, 9, 5]);
    const s = session();
    const client = createWbClient({ net: quickNet(), background: transport, dest: async () => 123585462, ...s });
    const entries = await client.fetchSearchPage(Q, 1);
    expect(entries.find((e) => e.id === '255012877')).toMatchObject({ displayed: 2, organic: 148 });
    expect(market.calls.map(version)).toEqual([18, 13]);
    const v13 = new URL(market.calls[1] as string).searchParams;
    expect(Object.fromEntries(['appType', 'hide_dtype', 'uclusters', 'spp', 'dest'].map((k) => [k, v13.get(k)]))).toEqual({
      appType: '32',
      hide_dtype: '10',
      uclusters: '0',
      spp: '32',
      dest: '123585462',
    });
    expect(s.kept.value).toBe(13);
    await client.fetchSearchPage(Q, 2);
    expect(market.calls.slice(2).map(version)).toEqual([13]);
    // A restarted worker in the same browser session starts from v13 too.
    const restarted = createWbClient({ net: quickNet(), background: transport, dest: async () => 1, ...s });
    await restarted.fetchSearchPage(Q, 3);
    expect(market.calls.slice(3).map(version)).toEqual([13]);
  });

  test('only v5 answers: it is found; none answers: the format changed', async () => {
    const old = searchMarket([5]);
    const client = createWbClient({ net: quickNet(), background: old.transport, dest: async () => 1 });
    expect(await client.fetchSearchPage(Q, 1)).toHaveLength(100);
    expect(old.market.calls.map(version)).toEqual([18, 13, 9, 5]);
    const none = searchMarket([]);
    await expect(
      createWbClient({ net: quickNet(), background: none.transport, dest: async () => 1 }).fetchSearchPage(Q, 1),
    ).rejects.toMatchObject({
      kind: 'format-changed',
    });
  });

  test('a 429 is the host asking to wait, not a version gone: no other version is tried', async () => {
    const { market, transport } = searchMarket();
    market.fail(/search/, { status: 429, body: '', retryAfter: '3600' }, 10);
    const client = createWbClient({ net: quickNet(), background: transport, dest: async () => 1 });
    await expect(client.fetchSearchPage(Q, 1)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(market.calls.map(version)).toEqual([18]);
  });

  test('a page past the last (200 with an empty body) is an empty page', async () => {
    const { market, transport } = searchMarket();
    market.fail(/search/, { status: 200, body: '' }, 1);
    expect(await createWbClient({ net: quickNet(), background: transport, dest: async () => 1 }).fetchSearchPage(Q, 42)).toEqual([]);
  });

  test("from a storefront tab the site's own proxy comes first; a 498 there hands over to the public host", async () => {
    const page = searchMarket();
    const background = searchMarket();
    const client = createWbClient({ net: quickNet(), background: background.transport, dest: async () => 1 });
    expect(await client.fetchSearchPage(Q, 1, 'popular', { page: page.transport })).toHaveLength(100);
    expect(page.market.calls).toEqual([wbEndpoints.searchPage(18, Q, 1, 1, 'popular')]);
    expect(page.headers[0]?.['x-queryid']).toMatch(/^qid\d+$/);
    expect(background.market.calls).toEqual([]);

    page.market.fail(/u-search/, { status: 498, body: '' }, 1);
    expect(await client.fetchSearchPage(Q, 2, 'popular', { page: page.transport })).toHaveLength(100);
    expect(background.market.calls.map((u) => new URL(u).host)).toEqual(['search.wb.ru']);
  });
});
