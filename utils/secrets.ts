// Seller API tokens, read and written only by the background and the options page. They live in
// their own IndexedDB database on the extension's origin (`lupa-secrets`): a content script's
// IndexedDB is the marketplace page's origin, so no content script can open this one, in Chrome or
// Firefox. (storage.local is no place for them: Firefox lets content scripts read it, and its
// setAccessLevel switch is Chrome-only.) Not Lupa's main database, so never in a backup or a
// restore; clearSecrets() empties it. A token an older Lupa kept in storage.local is moved here
// once, and removed there.
import Dexie, { type Table } from 'dexie';
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const SECRETS_DB_NAME = 'lupa-secrets';
/** Where Lupa up to this version kept the WB token (storage.local). */
export const LEGACY_TOKEN_KEY = 'secret.wbFeedbacksToken';
const WB_TOKEN = 'wbFeedbacksToken';

const TokenSchema = z.string().trim().min(20).max(4000);

interface SecretRow {
  key: string;
  value: string;
}

class SecretsDb extends Dexie {
  declare secrets: Table<SecretRow, string>;
  constructor() {
    // Strict: a saved token is on disk before the options page says it is saved.
    super(SECRETS_DB_NAME, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ secrets: '&key' });
  }
}

let opened: SecretsDb | undefined;
const secretsDb = () => {
  opened ??= new SecretsDb();
  return opened;
};

/** Moves a token an older Lupa left in storage.local into the secrets database, and removes it there. */
export async function migrateLegacyToken(): Promise<void> {
  const items = await browser.storage.local.get(LEGACY_TOKEN_KEY);
  if (!(LEGACY_TOKEN_KEY in items)) return;
  const parsed = TokenSchema.safeParse(items[LEGACY_TOKEN_KEY]);
  const db = secretsDb();
  // A token the user saved since wins over the old one; the old copy goes only once the new one is stored.
  if (parsed.success && !(await db.secrets.get(WB_TOKEN))) await db.secrets.put({ key: WB_TOKEN, value: parsed.data });
  await browser.storage.local.remove(LEGACY_TOKEN_KEY);
}

export async function getWbToken(): Promise<string | null> {
  await migrateLegacyToken().catch((error: unknown) =>
    console.warn('[lupa] the old token could not be moved:', error instanceof Error ? error.name : 'error'),
  );
  const parsed = TokenSchema.safeParse((await secretsDb().secrets.get(WB_TOKEN))?.value);
  return parsed.success ? parsed.data : null;
}

export async function setWbToken(token: string | null): Promise<void> {
  const value = token === null ? null : TokenSchema.parse(token);
  // The old copy goes first: a removed token must not come back from it.
  await browser.storage.local.remove(LEGACY_TOKEN_KEY);
  if (value === null) await secretsDb().secrets.delete(WB_TOKEN);
  else await secretsDb().secrets.put({ key: WB_TOKEN, value });
  announce();
}

/** Forgets every secret (the "delete all data" of the options page; an old storage.local copy too). */
export async function clearSecrets(): Promise<void> {
  await browser.storage.local.remove(LEGACY_TOKEN_KEY);
  await secretsDb().secrets.clear();
  announce();
}

// That the token changed — never the token itself — is told to the extension's other pages and
// parts (one options section saves it, another shows what it can do): a BroadcastChannel reaches
// only the extension's own origin.
const CHANGED = 'lupa-secrets-changed';
let channel: BroadcastChannel | undefined;
function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  channel ??= new BroadcastChannel(CHANGED);
  channel.postMessage('changed');
}

/** Calls `listener` whenever a secret was saved, removed or cleared; returns the unsubscribe. */
export function onSecretsChanged(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const listening = new BroadcastChannel(CHANGED);
  listening.onmessage = () => listener();
  return () => listening.close();
}

export const isPlausibleToken = (token: string) => TokenSchema.safeParse(token).success;
