// Listing badges' background side: figures for the tiles of a WB or Ozon listing page.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';
import { createOzonListingService } from './ozon';
import { createListingBadgesService } from './wb';

export const listingBadges: BackgroundFeature = {
  name: 'listing-badges',
  register({ db, wb, ozon, searchPages, guard, from, pageRoute }) {
    const sources = {
      wb: createListingBadgesService({ db, wb, searchPages }).badges,
      ozon: createOzonListingService({ db, ozon }),
    } as const;
    answer('getListingBadges', from.storefrontTab, (request, sender) => {
      const { page, siteRegion, tabId } = pageRoute(request.marketplace, sender);
      return guard(() => sources[request.marketplace](request, { page, siteRegion, tabId }));
    });
  },
};
