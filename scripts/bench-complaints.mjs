// The complaint digest's section of `npm run bench` (issue 16), also runnable alone:
// `node scripts/bench-complaints.mjs`. The topic rules (utils/complaints/topics.ts, bundled here) over
// the labelled negative reviews of tests/fixtures/replies/complaint-set.mjs: the share of reviews given
// exactly their topics, each topic's recall and precision, the same on the held-out reviews, and the
// time per review (a 5 000-character one too). Quick: a few hundred short texts.
import { pathToFileURL } from 'node:url';
import { COMPLAINT_HELD_OUT, COMPLAINT_SET, COMPLAINT_TOPICS, scoreComplaintSet } from '../tests/fixtures/replies/complaint-set.mjs';
import { atLeast, loadExport, pct, printRows } from './bench-tone.mjs';

/** Rows as bench.mjs prints them: [figure, value, digits, target?]. */
export async function complaintSection() {
  const complaintTopics = await loadExport('utils/complaints/topics.ts', 'complaintTopics');
  const set = scoreComplaintSet(COMPLAINT_SET, complaintTopics);
  const held = scoreComplaintSet(COMPLAINT_HELD_OUT, complaintTopics);
  const started = performance.now();
  for (const c of COMPLAINT_SET) complaintTopics(c.text);
  const msPerReview = (performance.now() - started) / COMPLAINT_SET.length;
  const long = COMPLAINT_SET.map((c) => c.text)
    .join(' ')
    .slice(0, 5000);
  const longStarted = performance.now();
  complaintTopics(long);
  const longMs = performance.now() - longStarted;
  const name = `complaint topics, ${COMPLAINT_SET.length} labelled reviews`;
  const rows = [
    [`${name}: given exactly their topics (%)`, pct(set.exact), 1, atLeast(95)],
    ...COMPLAINT_TOPICS.flatMap((topic) => [
      [`${name}: ${topic} (${set.perTopic[topic].n}) found (%)`, pct(set.perTopic[topic].recall), 1],
      [`${name}: ${topic} right when given (%)`, pct(set.perTopic[topic].precision), 1],
    ]),
    [`complaint topics, ${COMPLAINT_HELD_OUT.length} held-out reviews: given exactly their topics (%)`, pct(held.exact), 1, atLeast(80)],
    [
      'complaint topics, held-out: the lowest found share of a topic (%)',
      pct(Math.min(...COMPLAINT_TOPICS.map((t) => held.perTopic[t].recall))),
      1,
      atLeast(75),
    ],
    ['complaint topics: time per labelled review (ms, Node)', msPerReview, 3],
    ['complaint topics: a 5 000-character review (ms, Node)', longMs, 1],
  ];
  return {
    rows,
    raw: {
      set: { ...set, misses: set.misses },
      held: { ...held, misses: held.misses },
      msPerReview,
      longMs,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printRows((await complaintSection()).rows);
}
