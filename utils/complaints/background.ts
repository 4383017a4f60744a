// The complaint digest's background side: the panel asks for an own item's digest, the popup for
// every own item's; the periodic refresh reads the oldest few. Own items come from the other
// features' ports (the watchlist's "мой товар", the own catalogue), absent when they are left out.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';
import { createComplaintService } from './service';

export const complaints: BackgroundFeature = {
  name: 'complaints',
  register(kit) {
    const service = createComplaintService({
      // The own catalogue's import marks its items "мой товар": one look answers most panels.
      isOwn: async (ref) => (await kit.ports.watchlist?.roleOf(ref.marketplace, ref.id)) === 'mine',
      db: kit.db,
      guard: kit.guard,
      reviews: (_marketplace, rootId) => kit.wb.fetchReviews(Number(rootId)),
      ownIds: async (marketplace) => {
        const ids = new Set((await kit.ports.ownNumbers?.ownIds(marketplace)) ?? []);
        for (const item of (await kit.ports.watchlist?.ownItems()) ?? []) if (item.marketplace === marketplace) ids.add(item.id);
        return ids;
      },
    });
    answer('getComplaintDigest', kit.from.anyTabOrPage, (ref) => service.digestOf(ref));
    answer('getComplaintDigests', kit.from.extensionPage, () => service.ownDigests('wb'));
    kit.onAlarm(() => service.refreshOldest('wb'));
  },
};
