// The complaint digest of one card: what its recent negative reviews (1–3★) complain about, counted
// over the last 30 days and the 30 before. Pure; computed when the reviews are read (the panel's
// look, the periodic refresh) and stored, so the popup only reads it.
import type { Review } from '../model';
import { COMPLAINT_TOPICS, complaintTopics, type DigestTopic, OTHER } from './topics';

export type { DigestTopic };

export const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** A review of 3★ or less says what went wrong (the tone check also wants a way out from 3★ down). */
export const COMPLAINT_STARS = 3;

export interface TopicCount {
  topic: DigestTopic;
  /** Negative reviews of the last 30 days naming the topic. */
  count: number;
  /** The same over the 30 days before. */
  previous: number;
}

export interface Digest {
  /** Negative reviews in the last 30 days, and in the 30 before. */
  recent: number;
  previous: number;
  /** Topics named in either window: the most named first (on a tie, the one that grew most), "other" last. */
  topics: TopicCount[];
}

export function complaintDigest(reviews: ReadonlyArray<Pick<Review, 'rating' | 'createdAt' | 'text'>>, now: number): Digest {
  const from = now - WINDOW_DAYS * DAY_MS;
  const before = from - WINDOW_DAYS * DAY_MS;
  const counts = new Map<DigestTopic, TopicCount>([...COMPLAINT_TOPICS, OTHER].map((topic) => [topic, { topic, count: 0, previous: 0 }]));
  let recent = 0;
  let previous = 0;
  for (const r of reviews) {
    // A review dated ahead of the clock (a skewed clock) counts as today's.
    if (r.rating > COMPLAINT_STARS || r.createdAt < before) continue;
    const inRecent = r.createdAt >= from;
    if (inRecent) recent++;
    else previous++;
    const topics = complaintTopics(r.text);
    for (const topic of topics.length ? topics : [OTHER]) {
      const c = counts.get(topic) as TopicCount;
      if (inRecent) c.count++;
      else c.previous++;
    }
  }
  const topics = [...counts.values()]
    .filter((c) => c.count > 0 || c.previous > 0)
    .sort(
      (a, b) => Number(a.topic === OTHER) - Number(b.topic === OTHER) || b.count - a.count || b.count - b.previous - (a.count - a.previous),
    );
  return { recent, previous, topics };
}
