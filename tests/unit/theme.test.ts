// One theme (components/theme.css) for the panel, badges, popup, options and cabinet: colours and the
// font stack are written there only, every stylesheet reaches it, and every variable used exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const THEME = 'components/theme.css';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
const source = ['components', 'entrypoints'].flatMap((d) => filesUnder(join(ROOT, d))).map((f) => relative(ROOT, f));
const stylesheets = source.filter((f) => f.endsWith('.css') && f !== THEME);
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

test('colours and the font stack are written only in the theme', () => {
  const offending = stylesheets.flatMap((f) =>
    [...read(f).matchAll(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|system-ui|sans-serif/gi)].map((m) => `${f}: ${m[0]}`),
  );
  expect(offending).toEqual([]);
});

test('the stylesheets a shadow root or page starts from import the theme', () => {
  // lupa.css comes first wherever the panel, popup and options are styled; badges and cabinet
  // controls inject their own stylesheet, as a string, into each shadow root.
  for (const f of ['components/lupa.css', 'components/listing-badges/badge.css', 'components/cabinet/cabinet.css'])
    expect(read(f), f).toMatch(/^@import "(\.\.\/|\.\/)theme\.css";/m);
});

test('every theme variable used is declared in the theme', () => {
  const declared = new Set([...read(THEME).matchAll(/(--lupa-[a-z0-9-]+):/g)].map((m) => m[1]));
  const used = source
    .filter((f) => /\.(css|tsx?)$/.test(f))
    .flatMap((f) => [...read(f).matchAll(/var\((--lupa-[a-z0-9-]+)\)/g)].map((m) => ({ f, name: m[1] as string })));
  expect(used.length).toBeGreaterThan(50);
  expect(used.filter((u) => !declared.has(u.name)).map((u) => `${u.f}: ${u.name}`)).toEqual([]);
});
