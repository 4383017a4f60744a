// The marketplaces' ids, in the order Lupa tries them for a bare article (Wildberries first). Light
// on purpose: the panel chunk and the popup read it without the adapters.
import type { Marketplace } from '../model';

export const MARKETPLACE_IDS = ['wb', 'ozon'] as const satisfies readonly Marketplace[];

/** The other marketplace (twins link a product to the same product there). */
export const otherMarketplace = (marketplace: Marketplace): Marketplace => MARKETPLACE_IDS.find((m) => m !== marketplace) ?? marketplace;
