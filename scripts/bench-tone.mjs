// The tone check's section of `npm run bench` (issue 16), also runnable alone: `node scripts/bench-tone.mjs`.
// The reply assistant's checkTone (bundled from TypeScript here, no browser needed) over the labelled
// replies of tests/fixtures/replies/tone-set.mjs: per kind, the share of its replies that got any
// warning and the share whose warnings name it; the share of good replies that got one; and the same
// on the held-out replies. Quick: a few hundred short texts.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { scoreToneSet, TONE_HELD_OUT, TONE_KINDS, TONE_SET } from '../tests/fixtures/replies/tone-set.mjs';

export const atLeast = (limit) => ({ text: `≥ ${limit}`, pass: (v) => v >= limit });
const atMost = (limit) => ({ text: `≤ ${limit}`, pass: (v) => v <= limit });
export const pct = (x) => x * 100;

/** A section's rows printed on their own (`node scripts/bench-<section>.mjs`). */
export function printRows(rows) {
  for (const [figure, value, digits, target] of rows)
    console.log(
      `${figure.padEnd(92)} ${value.toFixed(digits).padStart(7)}  ${target ? `${target.text} ${target.pass(value) ? 'pass' : 'FAIL'}` : ''}`,
    );
}

/** One export of a TypeScript module of the repo, bundled here (no browser, no test runner). */
export async function loadExport(file, name) {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: join(import.meta.dirname, '..', file), formats: ['es'] } },
  });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`))[name];
}

/** Rows as bench.mjs prints them: [figure, value, digits, target?]. */
export async function toneSection() {
  const checkTone = await loadExport('utils/reply-assistant/tone.ts', 'checkTone');
  const kinds = (c) => [...new Set(checkTone(c.text, c.market, c.stars).map((i) => i.kind))];
  const set = scoreToneSet(TONE_SET, kinds);
  const held = scoreToneSet(TONE_HELD_OUT, kinds);
  const started = performance.now();
  for (const c of TONE_SET) checkTone(c.text, c.market, c.stars);
  const msPerReply = (performance.now() - started) / TONE_SET.length;
  const long = TONE_SET.map((c) => c.text)
    .join(' ')
    .slice(0, 5000);
  const longStarted = performance.now();
  checkTone(long, 'wb', 1);
  const longMs = performance.now() - longStarted;
  const name = `tone check, ${TONE_SET.length} labelled replies`;
  const rows = [
    ...TONE_KINDS.flatMap((kind) => [
      [`${name}: ${kind} (${set.perKind[kind].n}) flagged (%)`, pct(set.perKind[kind].flagged), 1, atLeast(90)],
      [`${name}: ${kind} named right (%)`, pct(set.perKind[kind].named), 1, atLeast(80)],
    ]),
    [`${name}: good replies (${set.good}) flagged (%)`, pct(set.falsePositive), 1, atMost(5)],
    [`${name}: bad replies given a kind they do not have (%)`, pct(set.extraKinds), 1],
    [
      `tone check, ${TONE_HELD_OUT.length} held-out replies: the lowest flagged share of a kind (%)`,
      pct(Math.min(...TONE_KINDS.map((k) => held.perKind[k].flagged))),
      1,
      atLeast(90),
    ],
    [
      `tone check, held-out: the lowest named-right share of a kind (%)`,
      pct(Math.min(...TONE_KINDS.map((k) => held.perKind[k].named))),
      1,
      atLeast(80),
    ],
    [`tone check, held-out: good replies (${held.good}) flagged (%)`, pct(held.falsePositive), 1, atMost(5)],
    ['tone check: time per labelled reply (ms, Node)', msPerReply, 2],
    ['tone check: a 5 000-character reply (ms, Node)', longMs, 1],
  ];
  return {
    rows,
    raw: {
      set: { ...set, misses: set.misses.map((m) => m.c.text) },
      held: { ...held, misses: held.misses.map((m) => m.c.text) },
      msPerReply,
      longMs,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printRows((await toneSection()).rows);
}
