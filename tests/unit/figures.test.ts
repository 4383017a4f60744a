// The figure contract holds three things to each other: the list of names (utils/figures.ts), the
// README's "The figure contract" tables, and the source that renders them. A name in one and not
// the others fails here; a typo in the source fails tsc (FigureName).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { expect, test } from 'vitest';
import { FIGURES } from '../../utils/figures';

const ROOT = join(import.meta.dirname, '../..');
const SOURCE_DIRS = ['components', 'entrypoints', 'utils'];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
const sourceFiles = SOURCE_DIRS.flatMap((d) => filesUnder(join(ROOT, d)));
const rel = (file: string) => relative(ROOT, file);

/** The names the README documents: the first cell of each table row in "### The figure contract". */
function documentedNames(readme: string): string[] {
  const section = readme.split(/^### The figure contract$/m)[1]?.split(/^### /m)[0] ?? '';
  return [...section.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|/gm)].map((m) => m[1] as string);
}

// A figure name in the source is a string literal in one of these places (a conditional picks one
// of two): `data-lupa="…"` in JSX, `name="…"` on a component that renders a Figure, an argument of a
// function whose parameter is typed FigureName (setFigure, and local helpers), or
// `setAttribute('data-lupa', …)`.
const FIGURE_COMPONENTS = new Set(['Figure', 'Money', 'NumberField']);

type Node = { type: string; [key: string]: unknown };
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && typeof (x as Node).type === 'string';

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

function walk(node: Node, visit: (n: Node) => void) {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

/** The string literals an expression can evaluate to: itself, or either branch of a conditional. */
function literals(node: unknown): string[] {
  if (!isNode(node)) return [];
  if (node.type === 'Literal' && typeof node.value === 'string') return [node.value];
  if (node.type === 'JSXExpressionContainer') return literals(node.expression);
  if (node.type === 'ConditionalExpression') return [...literals(node.consequent), ...literals(node.alternate)];
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0)
    return [(node.quasis as Array<{ value: { cooked: string } }>)[0]?.value.cooked ?? ''];
  return [];
}

/** The property names a type declares as FigureName (`{ label: MessageKey; name: FigureName }` → name). */
function figureKeys(type: unknown): Set<string> {
  const keys = new Set<string>();
  if (isNode(type))
    walk(type, (n) => {
      if (n.type !== 'TSPropertySignature') return;
      const annotation = (n.typeAnnotation as { typeAnnotation?: { type: string; typeName?: { name?: string } } } | undefined)
        ?.typeAnnotation;
      const key = (n.key as { name?: string }).name;
      if (key && annotation?.type === 'TSTypeReference' && annotation.typeName?.name === 'FigureName') keys.add(key);
    });
  return keys;
}

/** In a table checked against such a type, the values of those properties. */
function figureValues(node: Node, keys: Set<string>): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    if (n.type === 'Property' && keys.has((n.key as { name?: string }).name ?? '')) out.push(...literals(n.value));
  });
  return out;
}

const typedFigureName = (param: unknown): boolean => {
  const p = param as { typeAnnotation?: { typeAnnotation?: { type: string; typeName?: { name?: string } } } };
  const t = p.typeAnnotation?.typeAnnotation;
  return t?.type === 'TSTypeReference' && t.typeName?.name === 'FigureName';
};

const parsed = sourceFiles
  .filter((f) => /\.tsx?$/.test(f))
  .map((file) => {
    const result = parseSync(file, readFileSync(file, 'utf8'));
    expect(result.errors, rel(file)).toEqual([]);
    return { file, program: result.program as unknown as Node };
  });

/** Function name → the positions of its FigureName parameters, across the source. */
const figureParams = new Map<string, number[]>();
for (const { program } of parsed)
  walk(program, (n) => {
    let name: string | undefined;
    let params: unknown[] | undefined;
    if (n.type === 'FunctionDeclaration') {
      name = (n.id as { name?: string } | null)?.name;
      params = n.params as unknown[];
    } else if (n.type === 'VariableDeclarator' && isNode(n.init) && /FunctionExpression$/.test(n.init.type)) {
      name = (n.id as { name?: string }).name;
      params = n.init.params as unknown[];
    }
    const at = params?.flatMap((p, i) => (typedFigureName(p) ? [i] : [])) ?? [];
    if (name && at.length) figureParams.set(name, [...(figureParams.get(name) ?? []), ...at]);
  });

/** Every figure name the source renders, with where. */
function renderedNames(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (names: string[], file: string) => {
    for (const name of names) found.set(name, [...(found.get(name) ?? []), rel(file)]);
  };
  for (const { file, program } of parsed)
    walk(program, (n) => {
      if (n.type === 'JSXOpeningElement') {
        const tag = (n.name as { name?: string }).name ?? '';
        for (const attr of n.attributes as Node[]) {
          if (attr.type !== 'JSXAttribute') continue;
          const attrName = (attr.name as { name?: string }).name;
          if (attrName === 'data-lupa' || (attrName === 'name' && FIGURE_COMPONENTS.has(tag))) add(literals(attr.value), file);
        }
      }
      // A table of names checked against a type that names FigureName (`… satisfies …FigureName…`),
      // and a component's figure-name props (`names={{ rating: 'twin-rating', … }}`).
      if (n.type === 'TSSatisfiesExpression') add(figureValues(n.expression as Node, figureKeys(n.typeAnnotation)), file);
      if (n.type === 'JSXAttribute' && (n.name as { name?: string }).name === 'names' && isNode(n.value))
        add(figureValues(n.value, new Set(['rating', 'reviews'])), file);
      // A plain-DOM element's attributes (`h('tr', { 'data-lupa': 'stock-warehouse', … })`, utils/content/dom.ts).
      if ((n.type === 'Property' || n.type === 'ObjectProperty') && (n.key as { value?: unknown }).value === 'data-lupa')
        add(literals(n.value), file);
      if (n.type === 'CallExpression') {
        const callee = n.callee as Node & { name?: string; property?: { name?: string } };
        const args = n.arguments as unknown[];
        const fn = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? callee.property?.name : undefined;
        if (fn === 'setAttribute' && literals(args[0])[0] === 'data-lupa') add(literals(args[1]), file);
        for (const i of (fn && figureParams.get(fn)) || []) add(literals(args[i]), file);
      }
    });
  return found;
}

const rendered = renderedNames();
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('FIGURES lists each name once', () => {
  expect(FIGURES.filter((name, i) => FIGURES.indexOf(name) !== i)).toEqual([]);
});

test('every name in FIGURES is documented in the README, once', () => {
  const documented = documentedNames(readme);
  expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
  expect(FIGURES.filter((name) => !documented.includes(name))).toEqual([]);
});

test('every name the README documents is in FIGURES', () => {
  expect(documentedNames(readme).filter((name) => !(FIGURES as readonly string[]).includes(name))).toEqual([]);
});

test('every name in FIGURES is rendered somewhere in the source', () => {
  expect(FIGURES.filter((name) => !rendered.has(name))).toEqual([]);
});

test('every name the source renders is in FIGURES', () => {
  const unknown = [...rendered].filter(([name]) => !(FIGURES as readonly string[]).includes(name));
  expect(unknown.map(([name, files]) => `${name} (${files.join(', ')})`)).toEqual([]);
});

test('every data-lupa literal in the source, its stylesheets and the tests is in FIGURES', () => {
  const files = [...sourceFiles, ...filesUnder(join(ROOT, 'tests/e2e')), ...filesUnder(join(ROOT, 'tests/components'))];
  const unknown: string[] = [];
  for (const file of files)
    for (const m of readFileSync(file, 'utf8').matchAll(
      /data-lupa\\?=\\?["']([a-z0-9-]+)\\?["']|setAttribute\(\s*'data-lupa',\s*'([^']+)'/g,
    )) {
      const name = (m[1] ?? m[2]) as string;
      if (!(FIGURES as readonly string[]).includes(name)) unknown.push(`${name} (${rel(file)})`);
    }
  expect(unknown).toEqual([]);
});
