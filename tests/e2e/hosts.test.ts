// Every host the built extension names is a marketplace host Lupa talks to, listed in the manifest
// and the README — or a reference string inside a bundled library that is never requested.
// (In the e2e project because it reads the build, which `npm test` makes before e2e.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { MARKETPLACE_HOSTS } from '../../wxt.config';
import { EXTENSION_DIR } from './harness';

/** Named by libraries, never contacted: XML namespaces, JSON-schema ids, error-documentation links. */
const LIBRARY_REFERENCES = new Set([
  'www.w3.org', // SVG/XHTML namespaces (React DOM)
  'json-schema.org', // zod's JSON-schema export
  'react.dev', // React's minified-error links
  'wxt.dev', // WXT's warnings
  'github.com',
  'developer.mozilla.org',
  'tinyurl.com',
  'bit.ly',
  'schema.org', // the JSON-LD vocabulary Lupa reads in Ozon pages
]);

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.js') ? [join(dir, f)] : []));

/** "https://*.wb.ru/*" → matches "card.wb.ru" and host prefixes built by templates ("feedbacks…"). */
const allowedByManifest = (host: string) =>
  MARKETPLACE_HOSTS.some((pattern) => {
    const h = pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
    return h.startsWith('*.') ? host.endsWith(h.slice(1)) || host === h.slice(2) : host === h;
  });
// Templates cut a host short ("https://feedbacks${shard}.wb.ru"): such prefixes are matched to the
// endpoints they start.
const TEMPLATE_PREFIXES = ['feedbacks', 'basket-'];

test('the built code names no host but the marketplaces in the manifest and known library references', () => {
  const hosts = new Set<string>();
  for (const file of files(EXTENSION_DIR))
    for (const m of readFileSync(file, 'utf8').matchAll(/https?:\/\/([a-zA-Z0-9*.-]+)/g)) hosts.add(m[1] as string);
  const unknown = [...hosts].filter(
    (h) => !LIBRARY_REFERENCES.has(h) && !allowedByManifest(h.replace(/^\*\./, 'x.')) && !TEMPLATE_PREFIXES.some((p) => h.startsWith(p)),
  );
  expect(unknown).toEqual([]);
});

test('the manifest asks for exactly the marketplace hosts, and the README lists each', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.host_permissions).toEqual([...MARKETPLACE_HOSTS]);
  expect(manifest.permissions).not.toContain('<all_urls>');
  expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|http:\/\//);
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  for (const pattern of MARKETPLACE_HOSTS) expect(readme).toContain(pattern.replace(/\/\*$/, ''));
});

test('the built code holds no eval, no Function constructor and no HTML sink (MV3: no remote or generated code)', () => {
  const offending: string[] = [];
  for (const file of files(EXTENSION_DIR)) {
    const code = readFileSync(file, 'utf8');
    for (const [name, pattern] of [
      ['eval', /\beval\(/],
      ['Function constructor', /\bnew [A-Za-z_$][\w$]*\(\s*(`|"|')(`|"|')\s*\)|\bFunction\(\s*(`|"|')/],
      ['innerHTML', /\.(innerHTML|outerHTML)\s*=[^=]/],
      ['insertAdjacentHTML', /insertAdjacentHTML\(/],
      ['document.write', /document\.write\(/],
      ['remote script', /importScripts\(\s*['"`]https?:/],
    ] as const)
      if (pattern.test(code)) offending.push(`${file.slice(EXTENSION_DIR.length + 1)}: ${name}`);
  }
  expect(offending).toEqual([]);
});
