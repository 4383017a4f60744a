// Finding and starting Debian's Chromium with the built extension: shared by the e2e tests,
// `npm start` and `npm run bench`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

export const CHROMIUM_MISSING =
  'Chromium not found. Install it with `apt-get update && apt-get install -y chromium chromium-l10n` (Debian/Ubuntu), ' +
  'or point CHROMIUM_PATH at a Chromium binary: CHROMIUM_PATH=/path/to/chromium npm test';

/** @returns {string | null} */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

/**
 * Chromium's SQLite backend for IndexedDB, which Chrome is rolling out in place of LevelDB (Debian's
 * Chromium 156 still defaults to LevelDB). It writes rows about twice as fast on this machine.
 */
export const IDB_SQLITE = '--enable-features=IdbSqliteBackingStore';

/**
 * @param {{ resolverRules?: string, extensionDir?: string, idbSqlite?: boolean }} options
 * resolverRules: point the marketplace hosts at the fixture server; omit it for the live sites.
 * idbSqlite: IndexedDB on Chromium's SQLite backend (IDB_SQLITE) instead of the default.
 */
export function chromiumArgs({ resolverRules, extensionDir = EXTENSION_DIR, idbSqlite = false } = {}) {
  return [
    ...(idbSqlite ? [IDB_SQLITE] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(resolverRules ? [`--host-resolver-rules=${resolverRules}`, '--ignore-certificate-errors'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=ru-RU',
  ];
}

/** Chromium on Linux takes its UI language (and so the extension's) from the environment. */
export const chromiumEnv = () => ({ ...process.env, LANGUAGE: 'ru', LANG: 'ru_RU.UTF-8' });
