// The seller's own numbers through the kit's seller API client: the token's claims (options, the
// popup's task), the own catalogue's import (on demand from the options page, resumed when the worker
// starts, refreshed daily by the alarm), the SPP by day, WB's commission and logistics tariffs, the
// sales funnel («Мои продажи», orders-drop tasks) and the sales estimate's calibration on it.
import type { BackgroundFeature } from '../background-kit';
import { kvItem } from '../db';
import { adapterOf } from '../marketplaces';
import { answer } from '../messaging';
import type { Marketplace } from '../model';
import { calibrate, compare, correctionFor } from './calibration';
import { createCatalogue } from './catalogue';
import { createCommission } from './commission';
import { createFunnel, ordersPerDay7, salesOf } from './funnel';
import { createLogistics } from './logistics';
import { createSalesImport } from './sales';
import { recordSpp, sppOf } from './spp';
import { FUNNEL_PERIODS, ownNumbersKv } from './tables';
import { sellerTokenInfo } from './token';

export const ownNumbers: BackgroundFeature = {
  name: 'own-numbers',
  register(kit) {
    const { db, from } = kit;
    const client = kit.seller;
    const catalogue = createCatalogue({ db, client, guard: kit.guard, watchlist: () => kit.ports.watchlist });
    /** Only a token with the category starts an import by itself. */
    const tokenCan = async (category: 'Prices & Discounts' | 'Analytics' | 'Statistics') => {
      const info = await sellerTokenInfo();
      return info.state === 'read' && info.categories.includes(category);
    };

    const commission = createCommission({ db, client, cards: kit.sources.wb });
    const funnel = createFunnel({ db, client });
    const logistics = createLogistics({ db, client });
    const calibrationItem = kvItem(ownNumbersKv.calibration);
    const sales = createSalesImport({ db, client, guard: kit.guard });
    /** The item's week of buyouts and returns, read first when due (null without the Statistics category or any import). */
    const weekOf = async (id: string) => {
      if (!(await tokenCan('Statistics'))) return null;
      if (await sales.due()) await sales.run();
      return (await sales.read()) ? sales.week(id) : null;
    };
    /** The day's every period, then a task for each item whose orders dropped (a task is raised once). */
    const readAll = async () => {
      const read = await kit.guard(() => funnel.run(FUNNEL_PERIODS));
      if ('kind' in read) return;
      await kit.ports.watchlist?.record(await funnel.drops(read));
      // The estimate checked against the 30 days just read (they end at the close of `read.day`, Moscow).
      const end = (read.day + 1) * 86_400_000 - 3 * 3_600_000;
      const calibration = calibrate(await compare(db, read.periods['30'] ?? [], end), Date.now());
      await kit.guard(() => (calibration ? calibrationItem.set(db, calibration) : calibrationItem.delete(db)));
    };
    const isOwn = async (id: string) => (await db.ownPrices.get(['wb', id])) !== undefined;

    kit.ports.ownNumbers = {
      calibration: async (subject) => {
        const stored = await calibrationItem.get(db);
        return stored ? correctionFor(stored, subject) : null;
      },
      sppOf: (marketplace, ids) => sppOf(db, marketplace, ids),
      commissionOf: commission.of,
      logisticsOf: logistics.of,
      ownIds: async (marketplace) => {
        const keys = (await db.ownPrices
          .where('[marketplace+id]')
          .between([marketplace, ''], [marketplace, '\uffff'])
          .primaryKeys()) as Array<[Marketplace, string]>;
        return new Set(keys.map(([, id]) => id));
      },
      ordersOf: async (marketplace, ids) => {
        const stored = adapterOf(marketplace).sellerApi ? await funnel.get() : undefined;
        return stored ? ordersPerDay7(stored, ids) : new Map();
      },
    };

    answer('getOwnSales', from.wbTabOrPage, async ({ marketplace, id, reveal }) => {
      if (!adapterOf(marketplace).sellerApi || !(await isOwn(id))) return { state: 'not-own' as const };
      if (!reveal) return { state: 'own' as const };
      // The panel's figures first (7 and 30 days); the rest of the day's periods after, unawaited.
      const [read, week] = await Promise.all([kit.guard(() => funnel.run([7, 30])), weekOf(id)]);
      readAll().catch(() => undefined);
      const stored = await funnel.get();
      if (!stored || (!stored.periods['7'] && !stored.periods['30']))
        return {
          state: 'problem' as const,
          problem: 'kind' in read ? read : { kind: 'format-changed' as const, detail: 'funnel: nothing read' },
        };
      return { state: 'ok' as const, sales: { ...salesOf(stored, id), week }, problem: 'kind' in read ? read : null };
    });

    answer('getSellerToken', from.extensionPage, sellerTokenInfo);
    answer('getOwnCatalogue', from.extensionPage, () => catalogue.summary());
    answer('importOwnCatalogue', from.extensionPage, async () => {
      // Answered once the import has begun: the options page follows its progress with getOwnCatalogue.
      const { begun, done } = catalogue.begin();
      done.catch((error: unknown) => console.warn('[lupa] own catalogue:', error instanceof Error ? error.name : 'error'));
      await begun;
      return catalogue.summary();
    });
    kit.onStart(async () => {
      if (await catalogue.resumable()) await catalogue.run();
    });
    kit.onAlarm(async () => {
      if ((await catalogue.due()) && (await tokenCan('Prices & Discounts'))) await catalogue.run();
      if ((await sellerTokenInfo()).state === 'read') {
        await commission.refresh();
        await logistics.refresh();
      }
      if ((await funnel.due()) && (await tokenCan('Analytics'))) await readAll();
      if ((await sales.due()) && (await tokenCan('Statistics'))) await sales.run();
      // After the catalogue and the watchlist's cards: the day's SPP, and a task where it moved.
      const moved = await kit.guard(() => recordSpp(db, Date.now()));
      await kit.ports.watchlist?.record(moved);
    });
  },
};
