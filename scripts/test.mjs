// `npm test`: every check, in the order a failure is cheapest to find. Stops at the first failing
// step and says which; ends with one line of test counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_MISSING, findChromium } from './chromium.mjs';

mkdirSync('.tmp', { recursive: true });
// A report left by an earlier run must not be counted as this run's.
for (const f of ['.tmp/vitest-unit.json', '.tmp/vitest-e2e.json']) rmSync(f, { force: true });
const totals = { passed: 0, failed: 0 };
const timings = [];

function run(title, command, args, { after } = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  timings.push([title, ((Date.now() - started) / 1000).toFixed(1)]);
  after?.();
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    finish(1);
  }
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
}

function finish(code) {
  console.log('\nStep timings (s):');
  for (const [title, seconds] of timings) console.log(`  ${title.padEnd(32)} ${seconds}`);
  console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

const npx = (args) => ['npx', args];
const vitest = (projects, out) => [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
];

run('types for WXT', ...npx(['wxt', 'prepare']));
run('typecheck', ...npx(['tsc', '--noEmit']));
run('lint and format', ...npx(['biome', 'check', '.']));
run('unit and component tests', ...npx(vitest(['unit', 'components'], '.tmp/vitest-unit.json')), {
  after: () => countVitest('.tmp/vitest-unit.json'),
});
// A feature is its two folders and a line in each registry: each left out still typechecks, and
// one (twins) is built and unit-tested without (scripts/without-feature.mjs).
run('features left out', 'node', ['scripts/without-feature.mjs']);
run('built without twins', 'node', ['scripts/without-feature.mjs', 'twins', '--build']);
run('Chrome build (MV3)', ...npx(['wxt', 'build']));
run('Firefox build', ...npx(['wxt', 'build', '-b', 'firefox']));
run('web-ext lint (Firefox build)', 'node', ['scripts/lint-firefox.mjs']);
if (!findChromium()) {
  console.error(`\n✖ e2e: ${CHROMIUM_MISSING}`);
  finish(1);
}
run('e2e in Chromium', ...npx(vitest(['e2e'], '.tmp/vitest-e2e.json')), { after: () => countVitest('.tmp/vitest-e2e.json') });
finish(0);
