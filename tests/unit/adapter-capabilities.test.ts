// Site knowledge lives behind the adapters (utils/marketplaces/): outside them, code asks what a
// marketplace can do (adapterOf(m).sellerApi, .cardText, …), never which one it is, so a third
// marketplace is an adapter and not a hunt through every feature.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
const code = ['components', 'utils', 'entrypoints']
  .flatMap((d) => filesUnder(join(ROOT, d)))
  .map((f) => relative(ROOT, f))
  .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('utils/marketplaces/'));

test('no feature asks which marketplace it is on: no branch on a marketplace id outside the adapters', () => {
  expect(code.length).toBeGreaterThan(100);
  const branch = /[!=]==\s*['"](?:wb|ozon)['"]|['"](?:wb|ozon)['"]\s*[!=]==|case\s+['"](?:wb|ozon)['"]\s*:/g;
  const found = code.flatMap((f) =>
    readFileSync(join(ROOT, f), 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.match(branch) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(found).toEqual([]);
});
