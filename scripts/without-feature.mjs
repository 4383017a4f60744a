// Builds Lupa with features left out, to show that a feature is its two folders (and a page of its
// own, entrypoints/<feature>/, where it has one) and a line in each registry. For each feature: copy the working tree, delete components/<feature>/ and
// utils/<feature>/ and the feature's own tests, remove from the registry files the import lines that
// name those folders and the lines that use what they imported, then typecheck. With --build (one
// feature) it also builds the extension and runs the remaining unit and component tests.
//   node scripts/without-feature.mjs              every feature: typecheck
//   node scripts/without-feature.mjs twins --build  one feature: typecheck, build, unit tests
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** Files that list features; nothing else may need editing when one is left out. */
export const REGISTRIES = [
  'entrypoints/background.ts',
  'utils/messages.ts',
  'utils/db.ts',
  'components/product-panel/sections.ts',
  'entrypoints/popup/parts.ts',
  'entrypoints/options/parts.ts',
  'components/cabinet/controls.ts',
  'entrypoints/wb-storefront.content/index.tsx',
  'entrypoints/ozon-storefront.content/index.tsx',
  'entrypoints/wb-seller.content/index.ts',
  'entrypoints/ozon-seller.content/index.ts',
];

/**
 * Tests of the shipped product as a whole, not of one feature: every schema version ever shipped
 * (with every feature's tables) and the README's figure contract. A build without a feature is not
 * that product, so they are left out there.
 */
const WHOLE_PRODUCT_TESTS = ['tests/unit/db.test.ts', 'tests/unit/figures.test.ts'];

/** A feature is a name with a folder in both components/ and utils/ (its face and its brain). */
export function features() {
  const dirs = (top) =>
    readdirSync(join(ROOT, top), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  const faces = new Set(dirs('components'));
  return dirs('utils')
    .filter((name) => faces.has(name))
    .sort();
}

function tracked() {
  const out = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return out.stdout.split('\n').filter((f) => f && f !== 'node_modules' && existsSync(join(ROOT, f)));
}

/** Removes the feature from a registry file's text; returns the new text. */
export function unregister(text, feature) {
  const lines = text.split('\n');
  const folder = new RegExp(`['"](?:\\.\\.?/)+(?:[\\w.-]+/)*(?:components|utils)/${feature}/|['"]\\.\\.?/${feature}/`);
  const names = [];
  const kept = [];
  for (const line of lines) {
    const m = /^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+(['"][^'"]+['"])/.exec(line);
    if (m && folder.test(m[2])) {
      names.push(
        ...m[1]
          .split(',')
          .map((n) => n.replace(/\btype\b/, '').trim())
          .filter(Boolean),
      );
      continue;
    }
    kept.push(line);
  }
  if (names.length === 0) return text;
  const alt = names.join('|');
  const uses = new RegExp(`\\b(${alt})\\b`);
  return kept
    .map((line) =>
      // An entry in a list on one line (`[a, b, c]`, `...a, ...b`): drop the entry, keep the list.
      line
        .replace(new RegExp(`(?:\\.\\.\\.)?\\b(?:${alt})\\b\\s*,\\s*`, 'g'), '')
        .replace(new RegExp(`,\\s*(?:\\.\\.\\.)?\\b(?:${alt})\\b`, 'g'), ''),
    )
    .filter((line) => !uses.test(line))
    .join('\n');
}

/** Runs a command; its output is printed in one piece when it ends, so parallel runs do not interleave. */
function run(cwd, command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    const out = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => out.push(chunk));
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(out));
      done(code === 0);
    });
  });
}

export async function leaveOut(feature, { build = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `lupa-without-${feature}-`));
  try {
    for (const file of tracked()) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    if (existsSync(join(ROOT, '.wxt'))) cpSync(join(ROOT, '.wxt'), join(dir, '.wxt'), { recursive: true });
    rmSync(join(dir, 'components', feature), { recursive: true, force: true });
    rmSync(join(dir, 'utils', feature), { recursive: true, force: true });
    // A page of the feature's own (entrypoints/<feature>/, e.g. supplies.html) goes with it.
    rmSync(join(dir, 'entrypoints', feature), { recursive: true, force: true });
    // The feature's tests (and bench scripts): named after it, or importing from its folders.
    const own = new RegExp(`['"](?:\\.\\.?/)+(?:components|utils)/${feature}/`);
    for (const tier of ['tests/unit', 'tests/components', 'tests/e2e', 'scripts']) {
      const tests = join(dir, tier);
      if (!existsSync(tests)) continue;
      for (const f of readdirSync(tests)) {
        const path = join(tests, f);
        if (!statSync(path).isFile()) continue;
        if (f.startsWith(`${feature}.`) || f.startsWith(`${feature}-`) || own.test(readFileSync(path, 'utf8'))) rmSync(path);
      }
    }
    for (const test of WHOLE_PRODUCT_TESTS) rmSync(join(dir, test), { force: true });
    for (const registry of REGISTRIES) {
      const path = join(dir, registry);
      if (existsSync(path)) writeFileSync(path, unregister(readFileSync(path, 'utf8'), feature));
    }
    const typed = await run(dir, 'npx', ['tsc', '--noEmit']);
    console.log(`— without ${feature}: typecheck ${typed ? 'passed' : 'FAILED'}`);
    if (!typed || !build) return typed;
    console.log(`— without ${feature}: build`);
    if (!(await run(dir, 'npx', ['wxt', 'build']))) return false;
    console.log(`— without ${feature}: unit and component tests`);
    return await run(dir, 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'components']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name, flag] = process.argv.slice(2);
  const list = name ? [name] : features();
  // The typechecks are independent: as many at once as the machine has cores.
  const queue = [...list];
  const failed = [];
  const worker = async () => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) if (!(await leaveOut(f, { build: flag === '--build' }))) failed.push(f);
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), list.length) }, worker));
  console.log(
    failed.length === 0 ? `\nEvery feature left out builds: ${list.join(', ')}` : `\nLeaving out failed for: ${failed.join(', ')}`,
  );
  process.exit(failed.length === 0 ? 0 : 1);
}
