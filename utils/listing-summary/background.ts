// The page summary's background side: its tiles, and the seller's choices for the bar.
import type { BackgroundFeature } from '../background-kit';
import { kvItem } from '../db';
import { answer } from '../messaging';
import { createSummaryService } from './service';
import { DEFAULT_SUMMARY_PREFS, listingSummaryKv } from './tables';

const prefs = kvItem(listingSummaryKv.prefs);

export const listingSummary: BackgroundFeature = {
  name: 'listing-summary',
  register({ db, listingTiles, guard, from, pageRoute }) {
    const summaryTiles = createSummaryService({ db, tiles: listingTiles });
    answer('getSummaryTiles', from.storefrontTab, (request, sender) => {
      const { page, siteRegion, tabId } = pageRoute(request.marketplace, sender);
      return guard(() => summaryTiles(request, { page, siteRegion, tabId }));
    });
    answer('getSummaryPrefs', from.storefrontTab, async () => (await prefs.get(db)) ?? DEFAULT_SUMMARY_PREFS);
    answer('setSummaryPrefs', from.storefrontTab, (change) =>
      guard(async () => {
        const next = { ...((await prefs.get(db)) ?? DEFAULT_SUMMARY_PREFS), ...change };
        await prefs.set(db, next);
        return next;
      }),
    );
  },
};
