// web-ext lint of the Firefox build: any error or warning fails the run. The bundled libraries'
// eval and innerHTML paths are taken out at build time (scripts/vite-no-sinks.mjs), so a warning
// here is new and ours to look at.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'], { encoding: 'utf8' });
const report = JSON.parse(result.stdout);
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`);
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors + report.summary.warnings > 0 ? 1 : 0);
