// The background's own answers, apart from any feature: exports saved through the downloads API,
// the UI chunks (panel, charts; the reply assistant's) injected into a storefront or cabinet tab, the storage note, the refresh alarm, retention.
import { browser } from 'wxt/browser';
import { type BackgroundKit, storageFreedNote } from './background-kit';
import { catalogue } from './catalogue';
import { answerChunkInjection } from './chunks/inject';
import { answer, answerBatches } from './messaging';
import { thinHistory } from './retention';
import { migrateLegacyToken } from './secrets';

export const WATCH_ALARM = 'lupa-watch';

export function registerKernel(kit: BackgroundKit, runAlarm: () => Promise<void>): void {
  const { db, from } = kit;
  // Exports from either storefront's listing (Ozon's was refused when only WB tabs were allowed).
  answer('saveFile', from.storefrontTab, async ({ filename, mime, text }) => {
    const url = `data:${mime};charset=utf-8,${encodeURIComponent(text)}`;
    await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
    return { saved: true };
  });
  // The storefront's panel and charts, the cabinet's reply assistant.
  answerChunkInjection((sender) => from.storefrontTab(sender) || from.cabinet(sender));
  // A marketplace page's asks of one task, in one message (each still checked as itself).
  answerBatches((sender) => from.storefrontTab(sender) || from.cabinet(sender));
  // The UI text of a marketplace page's content script: the page does not load the browser's catalogue itself.
  answer(
    'getCatalogue',
    (sender) => from.storefrontTab(sender) || from.cabinet(sender),
    async () => catalogue(),
  );
  answer('getStorageNote', from.extensionPage, async () => (await storageFreedNote.get(db)) ?? null);

  // Retention runs last in every refresh, after the features' own steps, in short slices; a pass
  // longer than a third of the worker's 30 s idle limit stops and goes on at the next alarm.
  kit.onAlarm(async () => {
    const until = Date.now() + 10_000;
    return thinHistory(db, Date.now() - (await kit.settings()).retentionDays * 86_400_000, { keepGoing: () => Date.now() < until });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCH_ALARM) void runAlarm();
  });
  // Alarms may be cleared when the browser restarts: make sure ours exists at every start (R3),
  // and follows the interval the user sets in the options page.
  const ensureAlarm = async (recreate: boolean) => {
    const { refreshMinutes } = await kit.settings();
    const current = await browser.alarms.get(WATCH_ALARM);
    if (!current || (recreate && current.periodInMinutes !== refreshMinutes)) {
      await browser.alarms.create(WATCH_ALARM, { periodInMinutes: refreshMinutes });
    }
  };
  void ensureAlarm(false);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void ensureAlarm(true);
  });
  // Seller tokens live in their own extension-origin database (utils/secrets.ts); one an older
  // Lupa left in storage.local is moved there now.
  void migrateLegacyToken().catch(() => console.warn('[lupa] the old token could not be moved'));
  // Settings and templates stay in storage.local: closed to content scripts where the browser can
  // (Chrome; security.md S7). Nothing secret is there in any browser.
  void (globalThis as { chrome?: { storage?: { local?: { setAccessLevel?: (o: object) => Promise<void> } } } }).chrome?.storage?.local
    ?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => {});
}
