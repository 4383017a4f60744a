// Twins: the same product on both marketplaces, linked by the user. A link is stored both ways;
// the twin's figures come through the product overview service (its cache first), so a twin costs
// no more than opening its page would.
import { type LupaDb, schemas, validRow } from '../db';
import { otherMarketplace } from '../marketplaces/ids';
import { parseProductRef } from '../marketplaces/refs';
import type { Marketplace } from '../model';
import type { ProductOverviewService } from '../product-overview';
import type { TwinReply } from './protocol';

/** An article on `marketplace` from what the user pasted: a product URL or the bare number. */
export function parseTwinInput(input: string, marketplace: Marketplace): string | null {
  const ref = parseProductRef(input, marketplace);
  return ref?.marketplace === marketplace ? ref.id : null;
}

export class TwinInputError extends Error {}

export function createTwinsService(deps: { db: LupaDb; overview: ProductOverviewService; now?: () => number }) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());

  async function read(marketplace: Marketplace, id: string): Promise<TwinReply> {
    const link = validRow(schemas.twins, await db.twins.get([marketplace, id]), 'twins');
    if (!link) return { twin: null, state: null, linkedId: null };
    const o = await deps.overview.get({ marketplace: link.twinMarketplace, id: link.twinId, mode: 'cached' });
    const p = o.product;
    return {
      twin: p
        ? {
            marketplace: p.marketplace,
            id: p.id,
            name: p.name,
            priceNow: p.priceNow,
            rating: p.rating,
            reviewCount: p.reviewCount,
            fetchedAt: p.fetchedAt,
          }
        : null,
      state: o.state,
      linkedId: link.twinId,
    };
  }

  return {
    get: read,
    async set(marketplace: Marketplace, id: string, input: string | null): Promise<TwinReply> {
      const current = validRow(schemas.twins, await db.twins.get([marketplace, id]), 'twins');
      if (input === null) {
        await db.transaction('rw', db.twins, async () => {
          await db.twins.delete([marketplace, id]);
          if (current) await db.twins.delete([current.twinMarketplace, current.twinId]);
        });
        return read(marketplace, id);
      }
      const twinMarketplace = otherMarketplace(marketplace);
      const twinId = parseTwinInput(input, twinMarketplace);
      if (!twinId) throw new TwinInputError(`not a ${twinMarketplace} product: ${input.slice(0, 80)}`);
      const at = now();
      await db.transaction('rw', db.twins, async () => {
        // Re-linking drops the old pair on both sides.
        if (current) await db.twins.delete([current.twinMarketplace, current.twinId]);
        const previous = validRow(schemas.twins, await db.twins.get([twinMarketplace, twinId]), 'twins');
        if (previous) await db.twins.delete([previous.twinMarketplace, previous.twinId]);
        await db.twins.bulkPut([
          { marketplace, id, twinMarketplace, twinId, linkedAt: at },
          { marketplace: twinMarketplace, id: twinId, twinMarketplace: marketplace, twinId: id, linkedAt: at },
        ]);
      });
      return read(marketplace, id);
    },
  };
}
