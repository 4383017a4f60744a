// Both builds: no code that runs in a marketplace page's content-script world (the content scripts
// and the chunks the background injects there) knows where the seller token is kept. The token's
// store is the extension origin's own database (utils/secrets.ts), which those scripts could not
// open anyway; this checks that no code path to it, or to the old storage.local key, was bundled
// into them. (In the e2e project because it reads the builds `npm test` makes before e2e.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CHUNK_NAMES, CHUNKS } from '../../utils/chunks/table';
import { LEGACY_TOKEN_KEY, SECRETS_DB_NAME } from '../../utils/secrets';

const OUTPUT = join(import.meta.dirname, '../../.output');
const BUILDS = ['chrome-mv3', 'firefox-mv2'] as const;
const SECRET_NAMES = [SECRETS_DB_NAME, LEGACY_TOKEN_KEY, 'wbFeedbacksToken'];

function pageWorldScripts(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  return [...declared, ...CHUNK_NAMES.map((name) => CHUNKS[name].file)];
}

test.each(BUILDS)('%s: the content scripts and injected chunks hold no way to the seller token', (build) => {
  const dir = join(OUTPUT, build);
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No ${build} build: run \`npx wxt build${build.startsWith('firefox') ? ' -b firefox' : ''}\``);
  const scripts = pageWorldScripts(dir);
  expect(scripts.filter((f) => f.startsWith('content-scripts/')).length).toBeGreaterThanOrEqual(4);
  for (const f of scripts) expect(existsSync(join(dir, f)), f).toBe(true);
  const found = scripts.flatMap((f) => {
    const code = readFileSync(join(dir, f), 'utf8');
    return SECRET_NAMES.filter((name) => code.includes(name)).map((name) => `${f}: ${name}`);
  });
  expect(found).toEqual([]);
  // The names survive the build: the background, where the token is read, has them.
  const background = readdirSync(dir)
    .filter((f) => f.startsWith('background') && f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  expect(background).toContain(SECRETS_DB_NAME);
  expect(background).toContain(LEGACY_TOKEN_KEY);
});
