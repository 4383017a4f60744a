// Wires the background: the kernel (store, network, marketplace clients, overview) and each
// feature's handlers, alarms and badge counts. Listeners are registered synchronously at start;
// nothing is kept in globals between wake-ups that the store does not also hold.
import '../utils/zod-setup';
import { defineBackground } from 'wxt/utils/define-background';
import { type BackgroundFeature, createBackgroundKit } from '../utils/background-kit';
import { competitors } from '../utils/competitors/background';
import { complaints } from '../utils/complaints/background';
import { registerKernel } from '../utils/kernel-handlers';
import { listingBadges } from '../utils/listing-badges/background';
import { listingSummary } from '../utils/listing-summary/background';
import { ownNumbers } from '../utils/own-numbers/background';
import { positions } from '../utils/positions/background';
import { productPanel } from '../utils/product-panel/background';
import { replyAssistant } from '../utils/reply-assistant/background';
import { seoGaps } from '../utils/seo-gaps/background';
import { supplies } from '../utils/supplies/background';
import { twins } from '../utils/twins/background';
import { unanswered } from '../utils/unanswered/background';
import { watchlist } from '../utils/watchlist/background';

/**
 * The features, one line each. Order matters only for the periodic refresh: the unanswered counts
 * first, then the watchlist (its events update the badge that sums both), retention last (kernel).
 */
const FEATURES: readonly BackgroundFeature[] = [
  productPanel,
  listingBadges,
  listingSummary,
  unanswered,
  watchlist,
  positions,
  twins,
  competitors,
  replyAssistant,
  seoGaps,
  ownNumbers,
  complaints,
  supplies,
];

export default defineBackground(() => {
  const { kit, alarm, start } = createBackgroundKit();
  for (const feature of FEATURES) feature.register(kit);
  registerKernel(kit, alarm);
  start();
});
