// web-ext lint of the Firefox build. Errors fail the run. Warnings are printed; those from
// bundled libraries we know of are named so that a new one of ours stands out.
import { spawnSync } from 'node:child_process';

const KNOWN_LIBRARY_WARNINGS = [
  // Ours, and deliberate: components/charts/load.ts imports the packaged charts chunk by its
  // runtime.getURL() address (a file inside the extension, never a remote one). Listed first: the
  // rule below has the same code.
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe call to import',
    ours: true,
    why: 'the packaged charts chunk, components/charts/load.ts',
  },
  // React DOM sets innerHTML for dangerouslySetInnerHTML, which Lupa never uses (lint rule in biome.json).
  { code: 'UNSAFE_VAR_ASSIGNMENT', why: 'React DOM internals' },
  // zod 4 probes `new Function` once to decide on its JIT; utils/zod-setup.ts turns that off.
  { code: 'DANGEROUS_EVAL', why: 'zod 4 feature probe (disabled at run time)' },
];

const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'], { encoding: 'utf8' });
const report = JSON.parse(result.stdout);
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind]) {
    const known = KNOWN_LIBRARY_WARNINGS.find((k) => k.code === m.code && (!k.message || m.message.startsWith(k.message)));
    console.log(
      `${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}${known ? ` [${known.ours ? 'ours' : 'library'}: ${known.why}]` : ''}`,
    );
  }
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors > 0 ? 1 : 0);
