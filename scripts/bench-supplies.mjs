// The supplies section of `npm run bench` (issue 13), also runnable alone: `node scripts/bench-supplies.mjs`.
// The plan for 500 items × 40 warehouses (30 days of daily stock and orders each) computed from rows
// as the background computes it, here in a worker thread — off any main thread, as in the extension's
// service worker. Target: ≤ 200 ms.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';

const atMost = (limit) => ({ text: `≤ ${limit}`, pass: (v) => v <= limit });

async function probeCode() {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: join(import.meta.dirname, 'bench-supplies.ts'), formats: ['cjs'] } },
  });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}

/** Rows as bench.mjs prints them: [figure, value, digits, target?]. */
export async function suppliesSection() {
  const code = await probeCode();
  const result = await new Promise((resolve, reject) => {
    const worker = new Worker(
      `const module = { exports: {} }; (function (exports, module) { ${code} })(module.exports, module);
       require('node:worker_threads').parentPort.postMessage(module.exports.run());`,
      { eval: true },
    );
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await Promise.resolve();
  return {
    rows: [
      [
        `supplies: plan of 500 items × 40 warehouses, 30 days (ms, worker thread, median of 7; ${result.rows} rows)`,
        result.ms,
        1,
        atMost(200),
      ],
    ],
    result,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows, result } = await suppliesSection();
  for (const [figure, value, digits, target] of rows)
    console.log(`${figure}: ${value.toFixed(digits)}${target ? ` (${target.text}: ${target.pass(value) ? 'pass' : 'FAIL'})` : ''}`);
  console.log(`from ${result.stockRows} stock rows and ${result.orderRows} order lines`);
}
