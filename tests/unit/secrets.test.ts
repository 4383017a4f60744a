// @vitest-environment jsdom
// The seller token's store: the extension origin's own database, never storage.local (which
// Firefox's content scripts can read), never Lupa's main database (so never a backup).
import 'fake-indexeddb/auto';
import { exportDB } from 'dexie-export-import';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LupaDb } from '../../utils/db';
import { clearSecrets, getWbToken, LEGACY_TOKEN_KEY, migrateLegacyToken, SECRETS_DB_NAME, setWbToken } from '../../utils/secrets';

const TOKEN = 'eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjUwOTA0djEifQ.secret-part-of-the-token.signature';
const OLD = 'eyJhbGciOiJFUzI1NiJ9.an-older-token-from-storage-local.signature';

/** Every row of a database, as text: what a content script or a backup could come across. */
const everything = async (name: string) => {
  const open = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out: unknown[] = [];
  for (const store of [...open.objectStoreNames]) {
    out.push(
      await new Promise((resolve) => {
        const req = open.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
      }),
    );
  }
  open.close();
  return JSON.stringify(out);
};
const storageLocal = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

beforeEach(async () => {
  fakeBrowser.reset();
  await clearSecrets();
});
afterEach(() => fakeBrowser.reset());

test('a saved token is read back from the secrets database and is nowhere in storage.local', async () => {
  await setWbToken(`  ${TOKEN}  `);
  expect(await getWbToken()).toBe(TOKEN);
  expect(await storageLocal()).not.toContain('secret-part-of-the-token');
  expect(await everything(SECRETS_DB_NAME)).toContain(TOKEN);
  await setWbToken(null);
  expect(await getWbToken()).toBeNull();
  expect(await everything(SECRETS_DB_NAME)).not.toContain(TOKEN);
});

test('a token an older Lupa kept in storage.local moves to the secrets database and leaves storage.local', async () => {
  await fakeBrowser.storage.local.set({ [LEGACY_TOKEN_KEY]: OLD, settings: { wbDest: -1 } });
  expect(await getWbToken()).toBe(OLD);
  const left = await fakeBrowser.storage.local.get(null);
  expect(left).toEqual({ settings: { wbDest: -1 } });
  expect(await everything(SECRETS_DB_NAME)).toContain(OLD);
  // Twice changes nothing.
  await migrateLegacyToken();
  expect(await getWbToken()).toBe(OLD);
});

test('a token saved since, or removed since, is not overwritten by the old copy', async () => {
  await fakeBrowser.storage.local.set({ [LEGACY_TOKEN_KEY]: OLD });
  await setWbToken(null);
  expect(await getWbToken()).toBeNull();
  expect(await storageLocal()).not.toContain(OLD);

  // A new token stored while an old copy is still there (the background has not started since).
  await setWbToken(TOKEN);
  await fakeBrowser.storage.local.set({ [LEGACY_TOKEN_KEY]: OLD });
  await migrateLegacyToken();
  expect(await getWbToken()).toBe(TOKEN);
  expect(await storageLocal()).not.toContain(OLD);
});

test('an old copy that is not a token is dropped, not moved', async () => {
  await fakeBrowser.storage.local.set({ [LEGACY_TOKEN_KEY]: 'short' });
  expect(await getWbToken()).toBeNull();
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
});

test('clearSecrets forgets the token, in the secrets database and any old copy', async () => {
  await setWbToken(TOKEN);
  await fakeBrowser.storage.local.set({ [LEGACY_TOKEN_KEY]: OLD });
  await clearSecrets();
  expect(await getWbToken()).toBeNull();
  expect(await storageLocal()).toBe('{}');
  expect(await everything(SECRETS_DB_NAME)).not.toMatch(/signature/);
});

test("the token is not in Lupa's main database, so not in a backup of it", async () => {
  await setWbToken(TOKEN);
  const db = new LupaDb(`secrets-backup-${Math.random()}`);
  await db.open();
  const backup = await (await exportDB(db)).text();
  expect(backup).not.toContain(TOKEN);
  expect(backup).not.toContain(SECRETS_DB_NAME);
  await db.delete();
});
