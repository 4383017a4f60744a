// The complaint digest (issue 16): the topic rules scored on the labelled negative reviews, what they
// make of typos, negations and bad input, the 30-day counts against the 30 before, and the service
// that keeps one digest per own item (fresh from the store, read again when stale, kept on failure).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { complaintDigest } from '../../utils/complaints/digest';
import { createComplaintService, DIGEST_TTL_MS, REFRESH_BATCH } from '../../utils/complaints/service';
import { COMPLAINT_TOPICS, complaintTopics } from '../../utils/complaints/topics';
import { LupaDb } from '../../utils/db';
import type { ProductCard, Review } from '../../utils/model';
import { FetchProblem } from '../../utils/net';
import {
  COMPLAINT_HELD_OUT,
  COMPLAINT_SET,
  COMPLAINT_TOPICS as LABELLED_TOPICS,
  scoreComplaintSet,
} from '../fixtures/replies/complaint-set.mjs';
import { productCard } from './product-card';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('the labelled negative reviews', () => {
  test('the set covers every topic the digest shows, with typos and several topics at once', () => {
    expect(LABELLED_TOPICS).toEqual([...COMPLAINT_TOPICS, 'other']);
    expect(COMPLAINT_SET.length).toBeGreaterThanOrEqual(120);
    for (const topic of COMPLAINT_TOPICS) expect(COMPLAINT_SET.filter((c) => c.topics.includes(topic)).length).toBeGreaterThanOrEqual(8);
    expect(COMPLAINT_SET.filter((c) => c.topics.length === 0).length).toBeGreaterThanOrEqual(15);
    expect(COMPLAINT_SET.filter((c) => c.topics.length > 1).length).toBeGreaterThanOrEqual(10);
  });

  test('the tuned set: ≥ 95 % of reviews get exactly their topics, each topic found ≥ 90 % and right ≥ 90 %', () => {
    const score = scoreComplaintSet(COMPLAINT_SET, complaintTopics);
    expect(score.exact, JSON.stringify(score.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    for (const [topic, s] of Object.entries(score.perTopic)) {
      expect(s.recall, topic).toBeGreaterThanOrEqual(0.9);
      expect(s.precision, topic).toBeGreaterThanOrEqual(0.9);
    }
  });

  test('the held-out reviews, never tuned on: ≥ 80 % exactly right, no topic found < 75 %', () => {
    const score = scoreComplaintSet(COMPLAINT_HELD_OUT, complaintTopics);
    expect(score.exact, JSON.stringify(score.misses, null, 1)).toBeGreaterThanOrEqual(0.8);
    for (const [topic, s] of Object.entries(score.perTopic)) expect(s.recall, topic).toBeGreaterThanOrEqual(0.75);
  });
});

describe('what the topics make of a review', () => {
  test('typos, caps and look-alike letters still count', () => {
    expect(complaintTopics('мламерит на 2 рамзера!!!')).toEqual(['size']);
    expect(complaintTopics('ВОНЯЕТ')).toEqual(['smell']);
    expect(complaintTopics('пришол сл0м@ный')).toEqual(['defect']);
  });

  test('a negation or praise takes a topic back; "не подошёл" and "не работает" are complaints by themselves', () => {
    expect(complaintTopics('Брака нет, запаха нет, упаковка хорошая')).toEqual([]);
    expect(complaintTopics('Доставили быстро, но качество плохое')).toEqual(['quality']);
    expect(complaintTopics('Размер не подошёл')).toEqual(['size']);
    expect(complaintTopics('Не работает')).toEqual(['defect']);
  });

  test('the cons WB keeps apart ("Недостатки: Качество") count as a quality complaint', () => {
    expect(complaintTopics('Средне\nНедостатки: Качество')).toEqual(['quality']);
  });

  test('bad input: only emoji, HTML, 5 000 characters — an answer, never a throw', () => {
    expect(complaintTopics('😡😡😡')).toEqual([]);
    expect(complaintTopics('')).toEqual([]);
    expect(complaintTopics('<b>Брак</b> <img src=x onerror="alert(1)">')).toEqual(['defect']);
    const long = `${'очень плохо '.repeat(500).slice(0, 4990)} маломерит`;
    expect(long.length).toBe(5000);
    expect(complaintTopics(long)).toEqual(['size']);
  });
});

const review = (daysAgo: number, rating: number, text: string): Review => ({
  id: `r${daysAgo}-${rating}`,
  rating,
  createdAt: NOW - daysAgo * DAY,
  author: 'Анна',
  text,
  answered: false,
});

describe('the 30-day digest', () => {
  test('1–3★ reviews of the last 30 days per topic, against the 30 before; 4–5★ and older ones left out', () => {
    const digest = complaintDigest(
      [
        review(1, 1, 'Пришел брак'),
        review(2, 2, 'Маломерит и воняет'),
        review(3, 3, 'Маломерит'),
        review(29.9, 1, 'Ну такое'),
        review(31, 2, 'Маломерит'),
        review(40, 1, 'брак'),
        review(45, 1, 'брак'),
        review(61, 1, 'брак'), // older than 60 days: in neither window
        review(5, 4, 'Маломерит чуть-чуть'), // 4★: not a complaint
        review(-1, 1, 'брак'), // dated ahead of the clock: counts as recent
      ],
      NOW,
    );
    expect(digest.recent).toBe(5);
    expect(digest.previous).toBe(3);
    expect(digest.topics).toEqual([
      { topic: 'size', count: 2, previous: 1 },
      { topic: 'defect', count: 2, previous: 2 },
      { topic: 'smell', count: 1, previous: 0 },
      { topic: 'other', count: 1, previous: 0 },
    ]);
  });

  test('no negative reviews: an empty digest', () => {
    expect(complaintDigest([review(1, 5, 'Отлично')], NOW)).toEqual({ recent: 0, previous: 0, topics: [] });
  });
});

const card = (id: string, rootId: string | null): ProductCard =>
  productCard({ marketplace: 'wb', id, rootId, name: `Футболка ${id}`, fetchedAt: NOW });

describe('the digest service', () => {
  const dbs: LupaDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  function setup(own: string[]) {
    const db = new LupaDb(`complaints-${Math.random()}`);
    dbs.push(db);
    const reads: string[] = [];
    let now = NOW;
    let fail = false;
    const service = createComplaintService({
      db,
      guard: (work) => work(),
      now: () => now,
      ownIds: async () => new Set(own),
      reviews: async (_m, rootId) => {
        reads.push(rootId);
        if (fail) throw new FetchProblem('offline', 'offline');
        return [review(1, 1, 'брак'), review(2, 2, 'маломерит'), review(35, 1, 'маломерит')];
      },
    });
    return {
      db,
      service,
      reads,
      later: (ms: number) => {
        now += ms;
      },
      failing: () => {
        fail = true;
      },
    };
  }

  test("another seller's item gets no digest and no read", async () => {
    const { db, service, reads } = setup(['1']);
    await db.cards.put(card('2', '20'));
    expect(await service.digestOf({ marketplace: 'wb', id: '2' })).toEqual({ own: false, digest: null, problem: null });
    expect(reads).toEqual([]);
  });

  test('an own item: read once, stored, answered from the store while fresh, read again when stale', async () => {
    const { db, service, reads, later } = setup(['1']);
    await db.cards.put(card('1', '10'));
    const first = await service.digestOf({ marketplace: 'wb', id: '1' });
    expect(first.own).toBe(true);
    expect(first.digest?.topics).toEqual([
      { topic: 'defect', count: 1, previous: 0 },
      { topic: 'size', count: 1, previous: 1 },
    ]);
    await service.digestOf({ marketplace: 'wb', id: '1' });
    expect(reads).toEqual(['10']);
    later(DIGEST_TTL_MS);
    await service.digestOf({ marketplace: 'wb', id: '1' });
    expect(reads).toEqual(['10', '10']);
    expect(await db.complaintDigests.count()).toBe(1);
  });

  test('a failed read keeps the stored digest and says why', async () => {
    const { db, service, later, failing } = setup(['1']);
    await db.cards.put(card('1', '10'));
    const first = await service.digestOf({ marketplace: 'wb', id: '1' });
    later(DIGEST_TTL_MS);
    failing();
    const again = await service.digestOf({ marketplace: 'wb', id: '1' });
    expect(again).toEqual({ own: true, digest: first.digest, problem: 'offline' });
  });

  test('the popup reads stored digests of own items with complaints, the most first, with their names', async () => {
    const { db, service } = setup(['1', '2', '3']);
    const row = (productId: string, recent: number) => ({
      marketplace: 'wb' as const,
      productId,
      at: NOW,
      recent,
      previous: 0,
      topics: [],
    });
    await db.complaintDigests.bulkPut([row('1', 2), row('2', 5), row('3', 0), row('9', 7)]);
    await db.cards.bulkPut([card('1', '10'), card('2', '20')]);
    const { items, total } = await service.ownDigests('wb');
    expect(items.map((i) => [i.productId, i.recent, i.name])).toEqual([
      ['2', 5, 'Футболка 2'],
      ['1', 2, 'Футболка 1'],
    ]);
    expect(total).toBe(3);
  });

  test('the periodic refresh reads the oldest few own items that have a card, never-read ones first', async () => {
    const ids = Array.from({ length: REFRESH_BATCH + 5 }, (_, i) => String(i + 1));
    const { db, service, reads } = setup(ids);
    await db.cards.bulkPut(ids.map((id) => card(id, `${id}0`)));
    await db.complaintDigests.put({ marketplace: 'wb', productId: '1', at: NOW - DIGEST_TTL_MS, recent: 0, previous: 0, topics: [] });
    expect(await service.refreshOldest('wb')).toBe(REFRESH_BATCH);
    expect(reads).not.toContain('10');
    expect(reads).toHaveLength(REFRESH_BATCH);
    expect(await service.refreshOldest('wb')).toBe(5);
    expect(reads.at(-1)).toBe('10');
  });
});
