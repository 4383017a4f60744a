// Competitors of the seller's own items: links, cost prices, and the figures the cabinet's prices
// page shows beside each item. Linking puts both products on the watchlist (the alarm keeps their
// prices fresh); figures come from stored cards, and only cards older than FRESH_MS are fetched
// again — WB in detail batches of 100, Ozon one page JSON each — before they are used.

import { storeCards } from '../card-store';
import { type LupaDb, readCards, schemas, validRow, validRows } from '../db';
import { adapterOf } from '../marketplaces';
import { MARKETPLACE_IDS } from '../marketplaces/ids';
import type { Marketplace, ProductCard, ProductRef } from '../model';
import type { OverviewSource } from '../product-overview';
import { type CompetitorPrices, competitorPrices } from './pricing';
import type { CompetitorLink, UnitCost } from './tables';

export const FRESH_MS = 30 * 60 * 1000;

export interface CompetitorsDeps {
  db: LupaDb;
  /** Each marketplace's cards, in its batches and with its failure policy. */
  sources: Partial<Record<Marketplace, Pick<OverviewSource, 'fetchCards' | 'batch' | 'failureStopsAll'>>>;
  /** Puts a product on the watchlist with a role unless it already has one. */
  watch: (ref: ProductRef, role: 'mine' | 'competitor') => Promise<void>;
  now?: () => number;
  /** WB's SPP per own item (the own-numbers feature's, when it is there). */
  spp?: (marketplace: Marketplace, ids: readonly string[]) => Promise<Map<string, { pct: number; storefront: number; at: number }>>;
  /** WB's commission per own item by its subject; null when the own-numbers feature is not there. */
  commission?: (marketplace: Marketplace, ids: readonly string[]) => Promise<Map<string, { pct: number; fbs: number | null }> | null>;
  /** The own items' orders per day over 7 days (WB's sales funnel, the own-numbers feature's). */
  orders?: (marketplace: Marketplace, ids: readonly string[]) => Promise<Map<string, number | null>>;
  /** WB's logistics a unit per own item (box tariff × volume); null when the own-numbers feature is not there. */
  logistics?: (
    marketplace: Marketplace,
    ids: readonly string[],
  ) => Promise<Map<string, { kopecks: number; warehouse: string | null; liters: number }> | null>;
}

export interface CompetitorFigures {
  id: string;
  competitors: CompetitorPrices;
  /** The oldest competitor card the figures were computed from (ms since epoch); null when none. */
  oldestAt: number | null;
  costs: Pick<UnitCost, 'cost' | 'commissionPct' | 'logistics'> | null;
  /** Why some competitor has no fresh price (the last fetch failed), for the row's note. */
  problem: string | null;
  /** WB's SPP on the item: known, unknown, or null where there is none (Ozon). */
  spp: { pct: number; storefront: number; at: number } | 'unknown' | null;
  /** WB's commission on the item by its subject: known, unknown, or null where Lupa cannot know it (Ozon, no seller token feature). */
  commission: { pct: number; fbs: number | null } | 'unknown' | null;
  /** Orders per day over the last 7 days, where WB's funnel has been read. */
  ordersPerDay7: number | null;
  /** WB's logistics a unit by its tariff: known, unknown, or null where Lupa cannot know it. */
  logistics: { kopecks: number; warehouse: string | null; liters: number } | 'unknown' | null;
}

const keyOf = (r: ProductRef) => `${r.marketplace}:${r.id}`;

export function createCompetitorsService(deps: CompetitorsDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());

  const linksOf = async (marketplace: Marketplace, mineId: string): Promise<CompetitorLink[]> =>
    validRows(
      schemas.competitorLinks,
      await db.competitorLinks.where('[marketplace+mineId]').equals([marketplace, mineId]).toArray(),
      'competitorLinks',
    );

  const cardsOf = async (refs: readonly ProductRef[]): Promise<Map<string, ProductCard>> => {
    const cards = await readCards(db, refs);
    return new Map(cards.filter((c) => c !== undefined).map((c) => [keyOf(c), c]));
  };

  /** Fetches the cards that are missing or older than FRESH_MS; returns a problem text or null. */
  async function freshen(refs: readonly ProductRef[]): Promise<string | null> {
    const cards = await cardsOf(refs);
    const stale = refs.filter((r) => (cards.get(keyOf(r))?.fetchedAt ?? 0) < now() - FRESH_MS);
    const idsOf = new Map<Marketplace, Set<string>>();
    for (const r of stale) idsOf.set(r.marketplace, (idsOf.get(r.marketplace) ?? new Set()).add(r.id));
    let problem: string | null = null;
    for (const marketplace of MARKETPLACE_IDS) {
      const source = deps.sources[marketplace];
      const ids = [...(idsOf.get(marketplace) ?? [])];
      if (!source) continue;
      for (let i = 0; i < ids.length; i += source.batch) {
        try {
          const got = await source.fetchCards(ids.slice(i, i + source.batch));
          await storeCards(
            db,
            [...got.values()].filter((c): c is ProductCard => c !== null),
          );
        } catch (error) {
          problem = error instanceof Error ? error.message : String(error);
          if (source.failureStopsAll) break;
        }
      }
    }
    return problem;
  }

  async function costsOf(marketplace: Marketplace, id: string) {
    return validRow(schemas.unitCosts, await db.unitCosts.get([marketplace, id]), 'unitCosts') ?? null;
  }

  return {
    linksOf,

    async link(mine: ProductRef, competitor: ProductRef): Promise<void> {
      if (keyOf(mine) === keyOf(competitor)) throw new Error('a product cannot be its own competitor');
      await db.competitorLinks.put({
        marketplace: mine.marketplace,
        mineId: mine.id,
        competitorMarketplace: competitor.marketplace,
        competitorId: competitor.id,
        linkedAt: now(),
      });
      await deps.watch(mine, 'mine');
      await deps.watch(competitor, 'competitor');
    },

    async unlink(mine: ProductRef, competitor: ProductRef): Promise<void> {
      await db.competitorLinks.delete([mine.marketplace, mine.id, competitor.marketplace, competitor.id]);
    },

    /** The seller's items a competitor product is linked to. */
    async mineFor(competitor: ProductRef): Promise<ProductRef[]> {
      const all = validRows(schemas.competitorLinks, await db.competitorLinks.toArray(), 'competitorLinks');
      return all
        .filter((l) => l.competitorMarketplace === competitor.marketplace && l.competitorId === competitor.id)
        .map((l) => ({ marketplace: l.marketplace, id: l.mineId }));
    },

    async setCosts(ref: ProductRef, costs: Pick<UnitCost, 'cost' | 'commissionPct' | 'logistics'>): Promise<void> {
      await db.unitCosts.put({ ...ref, ...costs, updatedAt: now() });
    },

    costsOf,

    /** For the cabinet's prices page: each own item's competitor prices and its costs. */
    async figures(marketplace: Marketplace, ids: readonly string[]): Promise<CompetitorFigures[]> {
      // Two IndexedDB reads for the whole page of rows, not two per row.
      const all = validRows(
        schemas.competitorLinks,
        await db.competitorLinks
          .where('[marketplace+mineId]')
          .anyOf(ids.map((id) => [marketplace, id]))
          .toArray(),
        'competitorLinks',
      );
      const links = new Map<string, CompetitorLink[]>(ids.map((id) => [id, all.filter((l) => l.mineId === id)]));
      const costs = await db.unitCosts.bulkGet(ids.map((id) => [marketplace, id] as [Marketplace, string]));
      const refs = [...links.values()].flat().map((l) => ({ marketplace: l.competitorMarketplace, id: l.competitorId }));
      const problem = refs.length ? await freshen(refs) : null;
      const cards = await cardsOf(refs);
      // SPP, commission and logistics come from the seller API, where Lupa reads one (WB).
      const { sellerApi } = adapterOf(marketplace);
      const spp = sellerApi ? await (deps.spp?.(marketplace, ids) ?? new Map()) : null;
      const commission = sellerApi ? ((await deps.commission?.(marketplace, ids)) ?? null) : null;
      const orders = (await deps.orders?.(marketplace, ids)) ?? new Map<string, number | null>();
      const logistics = sellerApi ? ((await deps.logistics?.(marketplace, ids)) ?? null) : null;
      const out: CompetitorFigures[] = [];
      for (const [i, id] of ids.entries()) {
        const own = (links.get(id) ?? []).map((l) => cards.get(keyOf({ marketplace: l.competitorMarketplace, id: l.competitorId })));
        const known = own.filter((c): c is ProductCard => c !== undefined);
        out.push({
          id,
          competitors: competitorPrices(own.map((c) => c?.priceNow ?? null)),
          oldestAt: known.length ? Math.min(...known.map((c) => c.fetchedAt)) : null,
          costs: validRow(schemas.unitCosts, costs[i], 'unitCosts') ?? null,
          problem: own.length > 0 && known.length < own.length ? problem : null,
          spp: spp === null ? null : (spp.get(id) ?? 'unknown'),
          commission: commission === null ? null : (commission.get(id) ?? 'unknown'),
          ordersPerDay7: orders.get(id) ?? null,
          logistics: logistics === null ? null : (logistics.get(id) ?? 'unknown'),
        });
      }
      return out;
    },

    /**
     * For the options page: the seller's own items with their competitors and costs. Three reads for
     * the whole list (links, competitors' cards, costs), not three per item; an item's name comes with
     * it when the caller has one, else from its card.
     */
    async ownItems(mine: ReadonlyArray<ProductRef & { name?: string }>) {
      // Every link in one read (the table holds little more than the own items' links): an index
      // lookup per item would be a cursor step per item.
      const wanted = new Set(mine.map(keyOf));
      const all = validRows(schemas.competitorLinks, await db.competitorLinks.toArray(), 'competitorLinks').filter((l) =>
        wanted.has(keyOf({ marketplace: l.marketplace, id: l.mineId })),
      );
      const links = new Map<string, ProductRef[]>();
      for (const l of all) {
        const key = keyOf({ marketplace: l.marketplace, id: l.mineId });
        links.set(key, [...(links.get(key) ?? []), { marketplace: l.competitorMarketplace, id: l.competitorId }]);
      }
      const unnamed = mine.filter((r) => !r.name);
      const [cards, costs] = await Promise.all([
        cardsOf([...unnamed, ...all.map((l) => ({ marketplace: l.competitorMarketplace, id: l.competitorId }))]),
        db.unitCosts.bulkGet(mine.map((r) => [r.marketplace, r.id] as [Marketplace, string])),
      ]);
      return mine.map((ref, i) => ({
        marketplace: ref.marketplace,
        id: ref.id,
        name: ref.name || (cards.get(keyOf(ref))?.name ?? ''),
        costs: validRow(schemas.unitCosts, costs[i], 'unitCosts') ?? null,
        competitors: (links.get(keyOf(ref)) ?? []).map((r) => ({
          ...r,
          name: cards.get(keyOf(r))?.name ?? '',
          priceNow: cards.get(keyOf(r))?.priceNow ?? null,
        })),
      }));
    },
  };
}

export type CompetitorsService = ReturnType<typeof createCompetitorsService>;
