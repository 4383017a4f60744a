// The orders section of `npm run bench` (issue 12), also runnable alone: `node scripts/bench-orders.mjs`.
// Import of 100 000 order lines (time, peak heap, lines per second), one item's 365-day read (≤ 10 ms),
// and the requests per minute against WB's limit (scripts/bench-orders.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { makeSellerToken } from '../tests/fixtures/wb/seller-token.mjs';

const atMost = (limit) => ({ text: `≤ ${limit}`, pass: (v) => v <= limit });

export async function ordersSection() {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      ssr: true,
      rollupOptions: { external: [/^node:/, 'fake-indexeddb/auto', 'dexie', 'zod'] },
      lib: { entry: join(import.meta.dirname, 'bench-orders.ts'), formats: ['es'] },
    },
  });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  process.env.BENCH_TOKEN = makeSellerToken({ categories: ['Statistics'] });
  // Written inside the project, so its imports resolve from the project's node_modules.
  const file = join(import.meta.dirname, '..', '.tmp', 'bench-orders.bundle.mjs');
  mkdirSync(join(import.meta.dirname, '..', '.tmp'), { recursive: true });
  writeFileSync(file, code);
  const { run } = await import(pathToFileURL(file).href);
  const r = await run();
  return {
    rows: [
      [`orders: import of ${r.lines} order lines, a year of 500 items (ms, fake-indexeddb in Node; ${r.stored} kept, ${r.state})`, r.ms, 0],
      ['orders: lines imported a second', r.rowsPerSecond, 0],
      ['orders: peak heap added during the import (MiB; fake-indexeddb keeps the stored rows in the same heap)', r.peakMiB, 1],
      [`orders: one item's 365-day read off [nm+day] (ms, median of 7; ${r.readRows} lines)`, r.readMs, 2, atMost(10)],
      [
        `orders: most requests in any minute (${r.requests} in all; WB allows a burst of ${r.allowed}, then 1 a minute)`,
        r.perMinute,
        0,
        atMost(r.allowed),
      ],
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await ordersSection();
  for (const [name, value, digits, target] of rows)
    console.log(`${name}: ${value.toFixed(digits)}${target ? ` (target ${target.text}: ${target.pass(value) ? 'pass' : 'FAIL'})` : ''}`);
}
