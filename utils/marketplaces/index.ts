// The marketplaces Lupa knows, by id: the one place that lists them.
import type { Marketplace } from '../model';
import type { MarketplaceAdapter } from './adapter';
import { ozonAdapter } from './ozon/adapter';
import { wbAdapter } from './wb/adapter';

export const MARKETPLACES: Readonly<Record<Marketplace, MarketplaceAdapter>> = { wb: wbAdapter, ozon: ozonAdapter };

export const adapterOf = (marketplace: Marketplace): MarketplaceAdapter => MARKETPLACES[marketplace];

export { MARKETPLACE_IDS, otherMarketplace } from './ids';
