// Backup and restore (utils/backup): the file is written and read a piece at a time; a file is
// checked whole before anything is written; the replacement is one transaction, so a bad, cut or
// changed file leaves the database as it was.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backup } from '../../utils/backup/backup';
import { wipeAll } from '../../utils/backup/data';
import { BackupProblem, type ProblemCode } from '../../utils/backup/format';
import { type BackupContents, checkBackup, restoreBackup } from '../../utils/backup/restore';
import { addPoints, LupaDb, readAllSeries, storesAt } from '../../utils/db';
import { getWbToken, setWbToken } from '../../utils/secrets';
import { getSettings, saveSettings } from '../../utils/settings';
// The file is tried on the watchlist's rows and tasks (user data with optional fields and page text),
// so a build without the watchlist leaves this test out (scripts/without-feature.mjs).
import type { WatchRow } from '../../utils/watchlist/tables';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30);
/** A back-off that has passed (the same in every copy of the shop). */
const A_MINUTE_AGO = Date.now() - 60_000;
const TOKEN = 'wb-token-0123456789abcdefghijklmnopqrstuvwxyz';

let db: LupaDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LupaDb(`backup-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

/** Every table's rows, sorted, as JSON: two databases with equal pictures hold the same rows. */
async function picture(of: LupaDb): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of of.tables) out[table.name] = (await table.toArray()).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** A small shop: history with a warehouse list, a card with optional fields left out, a watch row, tasks, control rows. */
async function seed(into: LupaDb, products = 3, days = 20) {
  const { prices, stock, rest } = shop(products, days);
  await addPoints(into, 'pricePoints', prices);
  await addPoints(into, 'stockSnapshots', stock);
  for (const [table, rows] of Object.entries(rest)) await into.table(table).bulkPut(rows);
}

/** The same shop in a database as version 13 kept it (history a row per point), as dexie-export-import backed it up. */
async function seedV13(products: number, days: number): Promise<Dexie> {
  const old = new Dexie(`backup-v13-${Math.random()}`);
  for (let v = 1; v <= 13; v++) old.version(v).stores(storesAt(v));
  const { prices, stock, rest } = shop(products, days);
  await old.table('pricePoints').bulkPut(prices);
  await old.table('stockSnapshots').bulkPut(stock);
  for (const [table, rows] of Object.entries(rest)) await old.table(table).bulkPut(rows);
  return old;
}

function shop(products: number, days: number) {
  const prices = [];
  const stock = [];
  for (let p = 0; p < products; p++)
    for (let d = days; d > 0; d--) {
      prices.push({
        marketplace: 'wb' as const,
        productId: String(146972802 + p),
        at: NOW - d * DAY,
        price: 100_000 + d,
        source: 'history' as const,
      });
      stock.push({
        marketplace: 'wb' as const,
        productId: String(146972802 + p),
        at: NOW - d * DAY,
        total: 10 + d,
        byWarehouse: [{ warehouseId: 507, qty: 10 + d }],
      });
    }
  const watched: WatchRow[] = [
    { marketplace: 'wb', id: '146972802', role: 'mine', addedAt: NOW - 30 * DAY, looked: null },
    // A row with the optional fields, one of them undefined (stored as such by IndexedDB).
    {
      marketplace: 'wb',
      id: '146972803',
      role: 'competitor',
      addedAt: NOW - 30 * DAY,
      looked: { at: NOW - DAY, price: 100_001, rating: 4.5 },
      salesPerDay: undefined,
      latest: { name: '<script>alert(1)</script> Платье', priceNow: 100_001, rating: 4.5, fetchedAt: NOW - DAY },
      notFoundAt: NOW - DAY,
    },
  ];
  const events = [
    {
      key: 'wb:146972802:price-move',
      marketplace: 'wb',
      id: '146972802',
      name: '"><img src=x onerror=alert(1)>',
      kind: 'price-move',
      at: NOW - DAY,
      from: 100_000,
      to: 90_000,
      read: 0,
    },
  ];
  const kv = [
    { key: 'basket:1469', value: 12 },
    { key: 'blocked-until:ozon', value: A_MINUTE_AGO },
    { key: 'watch-refresh-cursor', value: { runId: '1', startedAt: NOW, pending: ['wb:146972803'] } },
    { key: 'retention-progress', value: { watermark: NOW - 200 * DAY, pass: null } },
  ];
  return { prices, stock, rest: { watchlist: watched, events, kv } as Record<string, object[]> };
}

/** The old backup writer, as the options page used it (it wants a browser's `self` and FileReader). */
class BufferFileReader {
  onload: ((e: { target: { result: ArrayBuffer } }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readAsArrayBuffer(blob: Blob) {
    blob.arrayBuffer().then((result) => this.onload?.({ target: { result } }), this.onerror);
  }
}
async function exportDB(of: Dexie, options: { prettyJson: boolean }): Promise<Blob> {
  (globalThis as { self?: unknown }).self ??= globalThis;
  (globalThis as { FileReader?: unknown }).FileReader ??= BufferFileReader;
  const { exportDB: write } = await import('dexie-export-import');
  return write(of, options);
}

/** Lupa's format as lines, for files made by hand. */
const lupaFile = (lines: unknown[]) => new Blob([`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`]);
const header = (tables: Record<string, number>) => ({ $: 'lupa-backup', version: 1, schema: 7, createdAt: NOW, tables });

/** Checks, then restores: what the options page does once the user confirms. */
async function restoreFile(into: LupaDb, file: Blob, options = {}): Promise<BackupContents> {
  const contents = await checkBackup(file, options);
  await restoreBackup(into, file, contents, options);
  return contents;
}

async function refused(file: Blob, code: ProblemCode, options = {}): Promise<BackupProblem> {
  const before = await picture(db);
  const error = await restoreFile(db, file, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupProblem);
  expect((error as BackupProblem).code).toBe(code);
  expect(await picture(db)).toEqual(before);
  return error as BackupProblem;
}

describe('backup and restore round trip', () => {
  test('a backup restored into an emptied database gives back every row as it was', async () => {
    await seed(db);
    const before = await picture(db);
    const file = await backup(db, { pageRows: 7 });
    await wipeAll(db);
    expect(Object.values(await picture(db)).every((rows) => rows.length === 0)).toBe(true);
    const contents = await restoreFile(db, file, { pieceBytes: 97 });
    expect(await picture(db)).toEqual(before);
    expect(contents.rows).toBe(60 + 60 + 2 + 1 + 4);
    expect(contents.tables.find((t) => t.name === 'pricePoints')?.rows).toBe(60);
    expect(contents.from).toBe(NOW - 20 * DAY);
    expect(contents.to).toBe(NOW - DAY);
  });

  test('the file names each field once per table and carries no typeson marks', async () => {
    await seed(db, 3, 20);
    const text = await (await backup(db)).text();
    expect(text).not.toContain('$types');
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ $: 'lupa-backup', version: 2, tables: { pricePoints: 60, stockSnapshots: 60 } });
    expect(text.match(/"productId"/g)).toHaveLength(2);
    // A product's month of points is one line that names the product once (format 2).
    const groups = lines.map((l) => JSON.parse(l)).filter((l) => l.$ === 'group');
    expect(groups[0]).toMatchObject({ of: ['wb', '146972802'] });
    expect(groups[0].rows).toContainEqual([NOW - 20 * DAY, 100_020, 'history']);
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(120);
    expect(text).not.toContain('"146972802",1');
    expect(JSON.parse(lines[lines.length - 1] as string)).toEqual({ $: 'end', rows: 127 });
  });

  test('a format 1 file (a line per point) restores the same rows as the format 2 file made now', async () => {
    await seed(db);
    const before = await picture(db);
    const text = await (await backup(db)).text();
    // The same file as Lupa wrote it before format 2: each group line written out as its rows.
    const flat = text
      .trimEnd()
      .split('\n')
      .flatMap((line) => {
        const value = JSON.parse(line);
        if (value.$ === 'lupa-backup') return [JSON.stringify({ ...value, version: 1 })];
        if (value.$ !== 'group') return [line];
        return value.rows.map((rest: unknown[]) => JSON.stringify([...value.of, ...rest]));
      });
    expect(flat.length).toBeGreaterThan(text.trimEnd().split('\n').length);
    await wipeAll(db);
    await restoreFile(db, new Blob([`${flat.join('\n')}\n`]), { pieceBytes: 101 });
    expect(await picture(db)).toEqual(before);
  });

  test('a group line of another shape, or one that is not a list of rows, is refused as damaged', async () => {
    await seed(db, 1, 3);
    const text = await (await backup(db)).text();
    await refused(new Blob([text.replace(/("rows":\[\[)(\d+),/, '$1$2,1,')]), 'damaged');
    await refused(new Blob([text.replace(/"of":\["wb","146972802"\],"rows":\[/, '"of":["wb","146972802"],"rows":[5,')]), 'damaged');
  });

  test('a file cut into pieces of any size reads the same', async () => {
    await seed(db, 1, 2);
    const file = await backup(db);
    const before = await picture(db);
    for (const pieceBytes of [1, 13, 4096]) {
      await db.priceMonths.clear();
      await restoreFile(db, file, { pieceBytes });
      expect(await picture(db)).toEqual(before);
    }
  });

  test('rows whose text holds markup are restored as the text they are', async () => {
    await seed(db, 1, 1);
    await restoreFile(db, await backup(db));
    expect((await db.events.toArray())[0]?.name).toBe('"><img src=x onerror=alert(1)>');
    expect((await db.watchlist.get(['wb', '146972803']))?.latest?.name).toBe('<script>alert(1)</script> Платье');
  });

  test('the seller token is never in a backup', async () => {
    await setWbToken(TOKEN);
    await seed(db, 1, 1);
    expect(await (await backup(db)).text()).not.toContain(TOKEN);
  });

  test('restore replaces everything: a table the file leaves empty is emptied', async () => {
    await seed(db, 1, 2);
    const file = lupaFile([
      header({ pricePoints: 1 }),
      { $: 'table', name: 'pricePoints', rows: 1, fields: ['marketplace', 'productId', 'at', 'price', 'source'] },
      ['wb', '1', NOW, 5, 'history'],
      { $: 'end', rows: 1 },
    ]);
    await restoreFile(db, file);
    expect(await readAllSeries(db, 'pricePoints')).toEqual([{ marketplace: 'wb', productId: '1', at: NOW, price: 5, source: 'history' }]);
    expect(await db.watchlist.count()).toBe(0);
    expect(await db.kv.count()).toBe(0);
  });

  test('points across months and out of time order are packed into the same month rows as in order', async () => {
    const ats = Array.from({ length: 100 }, (_, d) => NOW - d * DAY);
    const prices = ats.map((at, i) => ({ marketplace: 'wb' as const, productId: '1', at, price: 1000 + i, source: 'history' as const }));
    const again = { ...(prices[5] as (typeof prices)[number]), price: 7 };
    await addPoints(db, 'pricePoints', [...prices, again]);
    const before = await picture(db);
    // The newest first, a point repeated (the later wins, as a row of the same key did), in pieces of a few rows.
    const shuffled = [...prices, again];
    const file = lupaFile([
      header({ pricePoints: shuffled.length }),
      { $: 'table', name: 'pricePoints', rows: shuffled.length, fields: ['marketplace', 'productId', 'at', 'price', 'source'] },
      ...shuffled.map((p) => [p.marketplace, p.productId, p.at, p.price, p.source]),
      { $: 'end', rows: shuffled.length },
    ]);
    await wipeAll(db);
    await restoreFile(db, file, { pieceBytes: 150 });
    expect(await picture(db)).toEqual(before);
    // 22 August to 30 November.
    expect(await db.priceMonths.count()).toBe(4);
    expect((await readAllSeries(db, 'pricePoints')).find((p) => p.at === again.at)?.price).toBe(7);
  });

  test('control rows of keys this build does not use are left out and counted', async () => {
    const file = lupaFile([
      header({ kv: 2 }),
      { $: 'table', name: 'kv', rows: 2, fields: ['key', 'value'] },
      ['basket:1', 3],
      ['someone-else:1', { anything: true }],
      { $: 'end', rows: 2 },
    ]);
    const contents = await restoreFile(db, file);
    expect(contents.skipped).toBe(1);
    expect(await db.kv.toArray()).toEqual([{ key: 'basket:1', value: 3 }]);
  });
});

describe('a backup made by dexie-export-import (before the streamed format)', () => {
  test('is restored row for row, the history packed by month', async () => {
    await seed(db);
    const before = await picture(db);
    const v13 = await seedV13(3, 20);
    const old = await exportDB(v13, { prettyJson: false });
    await v13.delete();
    expect(await old.text()).toContain('"$types":{"byWarehouse":"arrayNonindexKeys"}');
    await wipeAll(db);
    for (const pieceBytes of [37, 65_536]) {
      await restoreFile(db, old, { pieceBytes });
      expect(await picture(db)).toEqual(before);
    }
  });

  test('is restored when written pretty', async () => {
    await seed(db, 1, 3);
    const before = await picture(db);
    const v13 = await seedV13(1, 3);
    const old = await exportDB(v13, { prettyJson: true });
    await v13.delete();
    await db.priceMonths.clear();
    await restoreFile(db, old, { pieceBytes: 11 });
    expect(await picture(db)).toEqual(before);
  });

  test('with a typeson reviver other than plain JSON (a Date, a Map, a Blob) is refused', async () => {
    const v13 = await seedV13(1, 1);
    const text = await (await exportDB(v13, { prettyJson: false })).text();
    await v13.delete();
    for (const [path, type] of [
      ['at', 'date'],
      ['byWarehouse', 'map'],
      ['byWarehouse', 'blob'],
    ]) {
      const forged = text.replace('"$types":{"byWarehouse":"arrayNonindexKeys"}', `"$types":{"${path}":"${type}"}`);
      expect(forged).not.toBe(text);
      const problem = await refused(new Blob([forged]), 'unsupported-type');
      expect(problem.detail).toMatchObject({ table: 'stockSnapshots', what: type });
    }
  });

  test('cut short is refused', async () => {
    await seed(db, 2, 5);
    const v13 = await seedV13(2, 5);
    const text = await (await exportDB(v13, { prettyJson: false })).text();
    await v13.delete();
    await refused(new Blob([text.slice(0, Math.floor(text.length * 0.6))]), 'truncated');
  });
});

type Rows = Record<string, Array<Record<string, unknown>>>;

/** The same tables as a file in Lupa's format and in dexie-export-import's (both are read). */
const FORMATS: Record<string, (tables: Rows) => Blob> = {
  'Lupa’s format': (tables) => {
    const lines: unknown[] = [header(Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])))];
    for (const [name, rows] of Object.entries(tables)) {
      const fields = Object.keys(rows[0] ?? {});
      lines.push({ $: 'table', name, rows: rows.length, fields }, ...rows.map((r) => fields.map((f) => r[f])));
    }
    lines.push({ $: 'end', rows: Object.values(tables).reduce((n, rows) => n + rows.length, 0) });
    return lupaFile(lines);
  },
  'the old format': (tables) =>
    new Blob([
      JSON.stringify({
        formatName: 'dexie',
        formatVersion: 1,
        data: {
          databaseName: 'lupa',
          databaseVersion: 7,
          tables: Object.entries(tables).map(([name, rows]) => ({ name, schema: '', rowCount: rows.length })),
          data: Object.entries(tables).map(([tableName, rows]) => ({ tableName, inbound: true, rows })),
        },
      }),
    ]),
};

const watched = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ marketplace: 'wb', id: String(1000000 + i), role: 'mine', addedAt: NOW, looked: null }));
const price = (at: number, value: unknown = 5) => ({ marketplace: 'wb', productId: '1', at, price: value, source: 'history' });

describe.each(Object.keys(FORMATS))('a file that is not restored changes nothing and says why (%s)', (format) => {
  const file = FORMATS[format] as (tables: Rows) => Blob;
  beforeEach(async () => {
    await seed(db, 2, 3);
  });

  test('an unknown table, even after tables that are known', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const problem = await refused(file({ pricePoints: [price(NOW)], [name]: [{ a: 1 }] }), 'unknown-table');
    expect(problem.detail.table).toBe(name);
  });

  test('a file cut short, at a row or in the middle of one', async () => {
    const text = await file({ pricePoints: [price(NOW), price(NOW + 1), price(NOW + 2)], watchlist: watched(2) }).text();
    const cut = text.indexOf('"watchlist"');
    await refused(new Blob([text.slice(0, cut)]), 'truncated');
    await refused(new Blob([text.slice(0, cut + 40)]), 'truncated');
    await refused(new Blob([text.slice(0, text.length - 2)]), 'truncated');
  });

  test('a row that does not fit its table, with the table and row named', async () => {
    const problem = await refused(file({ watchlist: watched(1), pricePoints: [price(NOW), price(NOW + 1, 'пять')] }), 'bad-row');
    expect(problem.detail).toMatchObject({ table: 'pricePoints', row: 2 });
    expect(problem.detail.issue?.path).toEqual(['price']);
  });

  test('a back-off until the year 270000', async () => {
    const problem = await refused(
      file({ watchlist: watched(1), kv: [{ key: 'blocked-until:ozon', value: Date.UTC(270000, 0, 1) }] }),
      'bad-control',
    );
    expect(problem.detail.what).toBe('blocked-until:ozon');
  });

  test('a refresh cursor with 5 000 items in a shop watching 2 (the same cursor naming those 2 is restored)', async () => {
    const pending = Array.from({ length: 5000 }, (_, i) => `wb:${1000000 + i}`);
    const cursor = (items: string[]) => ({ key: 'watch-refresh-cursor', value: { runId: '1', startedAt: NOW, pending: items } });
    const problem = await refused(file({ watchlist: watched(2), kv: [cursor(pending)] }), 'bad-control');
    expect(problem.detail.what).toBe('watch-refresh-cursor');
    await restoreFile(db, file({ watchlist: watched(2), kv: [cursor(pending.slice(0, 2))] }));
    expect(await db.watchlist.count()).toBe(2);
  });

  test('a scan deeper than the settings allow', async () => {
    const scan = {
      marketplace: 'wb',
      productId: '1',
      region: -1,
      depth: 5000,
      startedAt: NOW,
      done: 0,
      total: 1,
      left: [{ query: 'платье', page: 1 }],
    };
    expect((await refused(file({ watchlist: watched(1), kv: [{ key: 'scan:wb:1', value: scan }] }), 'bad-control')).detail.what).toBe(
      'scan:wb:1',
    );
  });
});

describe('files that are no backup Lupa can restore', () => {
  beforeEach(async () => {
    await seed(db, 2, 3);
  });

  test('a file larger than the cap is refused before it is read', async () => {
    // 50 MB of a valid-looking start, over a cap set at 40 MB.
    const start = `${JSON.stringify(header({}))}\n`;
    const big = new Blob([start, new Uint8Array(50 * 1024 * 1024 - start.length).fill(0x20)]);
    expect(big.size).toBe(50 * 1024 * 1024);
    const problem = await refused(big, 'too-big', { maxBytes: 40 * 1024 * 1024 });
    expect(problem.detail.what).toBe('40');
    // The default cap (300 MB), without reading a byte.
    const huge = {
      size: 301 * 1024 * 1024,
      slice: () => {
        throw new Error('read');
      },
    } as unknown as Blob;
    await expect(checkBackup(huge)).rejects.toMatchObject({ code: 'too-big' });
  });

  test('not a backup at all', async () => {
    await refused(new Blob(['Артикул;Цена\n1;2\n']), 'not-backup');
    await refused(new Blob([JSON.stringify({ hello: 'world' })]), 'not-backup');
    await refused(new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x01])]), 'not-backup');
  });

  test('a file from a newer Lupa', async () => {
    await refused(
      lupaFile([
        { ...header({}), version: 3 },
        { $: 'end', rows: 0 },
      ]),
      'newer',
    );
  });

  test('a Lupa file cut right after a whole line, or without its end line', async () => {
    const lines = (await (await backup(db)).text()).split('\n');
    await refused(new Blob([`${lines.slice(0, 20).join('\n')}\n`]), 'truncated');
    await refused(new Blob([`${lines.slice(0, -2).join('\n')}\n`]), 'truncated');
  });

  test('a file that changed on disk after it was checked: the half-written replacement is undone', async () => {
    const good = await backup(db);
    const contents = await checkBackup(good);
    // What is read the second time has a bad row in its second table: the first is written before it is met.
    const text = await good.text();
    // The stock's first point (a group line since format 2): its total made text.
    const changed = new Blob([text.replace(/("stockSnapshots".*\n\{"\$":"group","of":\["wb","146972802"\],"rows":\[\[\d+),\d+/, '$1,"x"')]);
    expect(await changed.text()).not.toBe(text);
    const before = await picture(db);
    await expect(restoreBackup(db, changed, contents, { pieceBytes: 50 })).rejects.toMatchObject({
      code: 'bad-row',
      detail: { table: 'stockSnapshots' },
    });
    expect(await picture(db)).toEqual(before);
  });
});

test('wiping deletes every row, the token, the settings and the reply templates', async () => {
  await seed(db, 1, 2);
  await setWbToken(TOKEN);
  await saveSettings({ retentionDays: 90 });
  await fakeBrowser.storage.local.set({ replyTemplates: [{ id: 'x', title: 't', text: 'x' }] });
  await wipeAll(db);
  expect(Object.values(await picture(db)).every((rows) => rows.length === 0)).toBe(true);
  expect(await getWbToken()).toBeNull();
  expect((await getSettings()).retentionDays).toBe(180);
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
});
