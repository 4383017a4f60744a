// The catalogue keys code on a marketplace page can ask for, read off the build: every key named in
// the built content scripts and chunks, and every key that starts with a prefix the code builds names
// from (`state_${…}`). The background hands a page only these (utils/catalogue.ts); a key missed here
// still reads right on the page, from the browser's own catalogue.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The keys of `keys` that `code` names, or builds from a named prefix. */
export function keysIn(code, keys) {
  const prefixes = new Set([...code.matchAll(/[`'"]([A-Za-z][A-Za-z0-9]*_)(?:\$\{|[`'"]\s*\+)/g)].map((m) => m[1]));
  const named = new Set([...code.matchAll(/[`'"]([A-Za-z][A-Za-z0-9_]*)[`'"]/g)].map((m) => m[1]));
  return keys.filter((key) => named.has(key) || [...prefixes].some((prefix) => key.startsWith(prefix))).sort();
}

/** Writes `file` beside the build's manifest, from its content scripts and the given chunk files. */
export function writeContentKeys(outDir, file, chunkFiles, keys) {
  const scripts = join(outDir, 'content-scripts');
  const files = [
    ...(existsSync(scripts)
      ? readdirSync(scripts)
          .filter((f) => f.endsWith('.js'))
          .map((f) => join(scripts, f))
      : []),
    ...chunkFiles.map((f) => join(outDir, f)).filter((f) => existsSync(f)),
  ];
  const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  writeFileSync(join(outDir, file), `${JSON.stringify(keysIn(code, keys))}\n`);
}
