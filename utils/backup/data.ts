// The data tools of the options page: the price-history CSV, clearing everything, and saving a file.
// Backup and restore are backup.ts and restore.ts. The options page is an extension page: it opens
// Lupa's database itself.
import { browser } from 'wxt/browser';
import { csvFile } from '../csv';
import { type LupaDb, readAllSeries } from '../db';
import { MARKET_NAME } from '../i18n';
import { csvRubles } from '../money';
import { clearSecrets } from '../secrets';

export async function historyCsv(db: LupaDb): Promise<string> {
  const points = (await readAllSeries(db, 'pricePoints')).sort((a, b) => a.productId.localeCompare(b.productId) || a.at - b.at);
  return csvFile(
    ['Маркетплейс', 'Артикул', 'Дата', 'Цена, ₽', 'Источник'],
    points.map((p) => [
      MARKET_NAME[p.marketplace],
      p.productId,
      new Date(p.at).toISOString(),
      csvRubles(p.price),
      p.source === 'history' ? 'маркетплейс' : 'Lupa',
    ]),
  );
}

/**
 * Deletes everything Lupa keeps: every table (history, watchlist, links, costs, queries, control
 * rows) in one transaction, the seller token, and the extension's storage (settings, reply
 * templates, anything else kept there).
 */
export async function wipeAll(db: LupaDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await clearSecrets();
  await browser.storage.local.clear();
}

export function download(text: string | Blob, filename: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(typeof text === 'string' ? new Blob([text], { type }) : text);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
