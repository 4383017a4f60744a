// The topics of a digest as a list: each topic's count over the last 30 days and its change against
// the 30 before. Figure: complaint-topic (data-topic, data-value the count, data-change the change).
import type { DigestTopic, TopicCount } from '../../utils/complaints/digest';
import { Figure } from '../Figure';

export const topicKey = (topic: DigestTopic) => `complaintTopic_${topic}` as const;

/** "+2", "−1", "0": the change against the 30 days before. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export function TopicList({
  topics,
  label,
  changeTitle,
  limit,
}: {
  topics: readonly TopicCount[];
  label: (topic: DigestTopic) => string;
  changeTitle: string;
  limit?: number;
}) {
  return (
    <ul className="lupa-complaints">
      {topics.slice(0, limit).map((c) => (
        <Figure as="li" key={c.topic} name="complaint-topic" value={c.count} data-topic={c.topic} data-change={c.count - c.previous}>
          {label(c.topic)}: <b>{c.count}</b>{' '}
          <span className={c.count > c.previous ? 'lupa-bad' : c.count < c.previous ? 'lupa-good' : 'lupa-muted'} title={changeTitle}>
            ({signed(c.count - c.previous)})
          </span>
        </Figure>
      ))}
    </ul>
  );
}
