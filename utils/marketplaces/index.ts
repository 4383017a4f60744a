// The marketplaces Lupa knows, by id: the one place that lists them.
import type { Marketplace } from '../model';
import type { MarketplaceAdapter } from './adapter';
import { ozonAdapter } from './ozon/adapter';
import { wbAdapter } from './wb/adapter';

export const MARKETPLACES: Readonly<Record<Marketplace, MarketplaceAdapter>> = { wb: wbAdapter, ozon: ozonAdapter };

export const adapterOf = (marketplace: Marketplace): MarketplaceAdapter => MARKETPLACES[marketplace];

/** The other marketplace (twins link a product to the same product there). */
export const otherMarketplace = (marketplace: Marketplace): Marketplace => (marketplace === 'wb' ? 'ozon' : 'wb');
