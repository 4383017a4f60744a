// The topics of a digest as a list: each topic's count over the last 30 days and its change against
// the 30 before. Figure: complaint-topic (data-topic, data-value the count, data-change the change).
// Plain DOM: the panel's complaint section draws it, the popup hosts it through components/dom-part.tsx.

import type { DigestTopic, TopicCount } from '../../utils/complaints/digest';
import { h } from '../../utils/content/dom';
import { setFigure } from '../../utils/figures';
import { t } from '../../utils/i18n';

const topicKey = (topic: DigestTopic) => `complaintTopic_${topic}` as const;

/** "+2", "−1", "0": the change against the 30 days before. */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Appends the list of the first `limit` topics (all without one) to `into`. */
export function drawTopics(into: HTMLElement, topics: readonly TopicCount[], limit?: number): undefined {
  into.append(
    h(
      'ul',
      { className: 'lupa-complaints' },
      topics.slice(0, limit).map((c) =>
        setFigure(
          h(
            'li',
            { 'data-topic': c.topic, 'data-change': c.count - c.previous },
            `${t(topicKey(c.topic))}: `,
            h('b', null, c.count),
            ' ',
            h(
              'span',
              {
                className: c.count > c.previous ? 'lupa-bad' : c.count < c.previous ? 'lupa-good' : 'lupa-muted',
                title: t('complaintsChange'),
              },
              `(${signed(c.count - c.previous)})`,
            ),
          ),
          'complaint-topic',
          c.count,
        ),
      ),
    ),
  );
  return undefined;
}
