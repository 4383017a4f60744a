// Listing badges' background side: figures for the tiles of a WB or Ozon listing page.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';
import { badgesOf } from './wb';

export const listingBadges: BackgroundFeature = {
  name: 'listing-badges',
  register({ db, listingTiles, guard, from, pageRoute }) {
    answer('getListingBadges', from.storefrontTab, (request, sender) => {
      const { page, siteRegion, tabId } = pageRoute(request.marketplace, sender);
      return guard(() => badgesOf(db, listingTiles, request, { page, siteRegion, tabId }, Date.now));
    });
  },
};
