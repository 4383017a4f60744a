// Competitors and pricing, background side: links between the seller's own items and their
// competitors, unit costs, and the figures beside each own item on a cabinet's prices page.
import type { BackgroundFeature } from '../background-kit';
import { t } from '../i18n';
import { parseProductRef } from '../marketplaces/refs';
import { answer } from '../messaging';
import { isStorageFull } from '../storage-full';
import { createCompetitorsService } from './service';

export const competitors: BackgroundFeature = {
  name: 'competitors',
  register(kit) {
    const { db, sources, guard, from } = kit;
    const service = createCompetitorsService({
      db,
      sources,
      // A linked product is kept fresh by the watchlist's refresh (when that feature is there).
      watch: async (ref, role) => {
        const list = kit.ports.watchlist;
        if (list && (await list.roleOf(ref.marketplace, ref.id)) === null) await list.set(ref.marketplace, ref.id, role);
      },
      // Asked at the time: the own-numbers feature registers after this one (and may be left out).
      spp: async (marketplace, ids) => (await kit.ports.ownNumbers?.sppOf(marketplace, ids)) ?? new Map(),
      commission: async (marketplace, ids) => (await kit.ports.ownNumbers?.commissionOf(marketplace, ids)) ?? null,
      orders: async (marketplace, ids) => (await kit.ports.ownNumbers?.ordersOf(marketplace, ids)) ?? new Map(),
      logistics: async (marketplace, ids) => (await kit.ports.ownNumbers?.logisticsOf(marketplace, ids)) ?? null,
    });
    const ownItems = async () => (await kit.ports.watchlist?.ownItems()) ?? [];

    answer('getCompetitorFigures', from.cabinetOrPage, async ({ marketplace, ids }) => ({
      items: await guard(() => service.figures(marketplace, ids)),
    }));
    answer('setUnitCosts', from.cabinetOrPage, async ({ marketplace, id, costs }) => {
      await guard(() => service.setCosts({ marketplace, id }, costs));
      return { saved: true as const };
    });
    answer('getCompetitorLinks', from.anyTabOrPage, async (ref) => ({
      own: (await ownItems()).filter((r) => r.marketplace !== ref.marketplace || r.id !== ref.id),
      linkedTo: await service.mineFor(ref),
    }));
    answer('setCompetitorLink', from.anyTabOrPage, async ({ mine, competitor, linked }) => {
      const ref = typeof competitor === 'string' ? parseProductRef(competitor, mine.marketplace) : competitor;
      if (!ref) return { ok: false as const, reason: t('competitorBadInput') };
      if (!linked) await guard(() => service.unlink(mine, ref));
      else {
        try {
          await guard(() => service.link(mine, ref));
        } catch (error) {
          if (isStorageFull(error)) throw error;
          return { ok: false as const, reason: t('competitorSelf') };
        }
      }
      return { ok: true as const };
    });
    answer('getOwnItems', from.extensionPage, async () => ({ items: await service.ownItems(await ownItems()) }));
  },
};
