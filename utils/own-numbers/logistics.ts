// WB's logistics on the seller's own items: each card's package volume from the content API (once a
// day) and WB's box tariffs by warehouse (once a day). One unit's logistics is the tariff of the
// warehouse that holds most of the item's stock (the storefront card's stock by warehouse), or the
// median over WB's warehouses when that one has no tariff row; an item without dimensions stays
// unknown, never guessed.

import type { Logistics } from '../background-kit';
import { kvItem, type LupaDb, readCards } from '../db';
import { adapterOf } from '../marketplaces';
import type { SellerClient, SellerProblem } from '../marketplaces/wb/seller-client';
import {
  CARDS_PATH,
  type CardSize,
  type CardsCursor,
  CardsPageSchema,
  cardSizes,
  cardsBody,
  nextCursor,
} from '../marketplaces/wb/seller-content';
import { isoDay } from '../marketplaces/wb/seller-supplies';
import { BOX_PATH, type BoxRate, BoxTariffsSchema, boxRates, logisticsOf } from '../marketplaces/wb/seller-tariffs';
import type { Marketplace } from '../model';
import { wbDay } from './spp';
import { ownNumbersKv } from './tables';

const DAY_MS = 86_400_000;
/** Pages of cards one import reads at most (100 each): a shop far larger than Lupa is measured with. */
const MAX_PAGES = 200;
/** A read WB refused is tried again after this long at the soonest. */
const RETRY_MS = 10 * 60 * 1000;

const norm = (name: string) => name.toLowerCase().replace(/ё/g, 'е').trim();

/** The tariff row for a warehouse name as the storefront gives it ("Санкт-Петербург" → "Санкт-Петербург Уткина Заводь"). */
export function rateFor(rates: readonly BoxRate[], name: string): BoxRate | undefined {
  const n = norm(name);
  return rates.find((r) => norm(r[0]) === n) ?? rates.find((r) => norm(r[0]).startsWith(`${n} `));
}

/** The median logistics over the warehouses' tariffs, for a volume. */
export function medianLogistics(rates: readonly BoxRate[], liters: number): number | null {
  if (rates.length === 0) return null;
  const costs = rates.map((r) => logisticsOf(r, liters)).sort((a, b) => a - b);
  return costs[costs.length >> 1] as number;
}

export interface LogisticsDeps {
  db: LupaDb;
  client: SellerClient;
  now?: () => number;
}

export function createLogistics(deps: LogisticsDeps) {
  const { db, client } = deps;
  const now = deps.now ?? (() => Date.now());
  const sizesItem = kvItem(ownNumbersKv.sizes);
  const boxItem = kvItem(ownNumbersKv.boxTariffs);
  let refreshing: Promise<void> | null = null;

  async function readSizes(): Promise<SellerProblem | null> {
    const sizes: CardSize[] = [];
    let cursor: CardsCursor | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await client.request('content', { method: 'POST', path: CARDS_PATH, body: cardsBody(cursor) }, CardsPageSchema);
      if (!result.ok) return result.problem;
      sizes.push(...cardSizes(result.data).sizes);
      cursor = nextCursor(result.data);
      if (!cursor) break;
    }
    await sizesItem.set(db, { at: now(), sizes });
    return null;
  }

  async function readBox(): Promise<SellerProblem | null> {
    const date = isoDay(wbDay(now()));
    const result = await client.request('tariffs', { path: BOX_PATH, query: { date } }, BoxTariffsSchema);
    if (!result.ok) return result.problem;
    const { rates } = boxRates(result.data);
    if (rates.length === 0) return { kind: 'format-changed', detail: 'box tariffs: no warehouse rates' };
    await boxItem.set(db, { at: now(), rates });
    return null;
  }

  const stale = (at: number | undefined) => at === undefined || now() - at >= DAY_MS;
  /** When each read was last tried: a refusal is not asked again on every prices-page view. */
  const tried = { box: 0, sizes: 0 };
  const due = (what: keyof typeof tried, at: number | undefined) => stale(at) && now() - tried[what] >= RETRY_MS;

  /** Reads what is missing or a day old (one refresh at a time); the old data stays while WB refuses. */
  async function refresh(): Promise<void> {
    refreshing ??= (async () => {
      if (due('box', (await boxItem.get(db))?.at)) {
        tried.box = now();
        await readBox();
      }
      if (due('sizes', (await sizesItem.get(db))?.at)) {
        tried.sizes = now();
        await readSizes();
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    refresh,
    /** Each own item's logistics where its volume and a tariff are known. */
    async of(marketplace: Marketplace, ids: readonly string[]): Promise<Map<string, Logistics>> {
      const out = new Map<string, Logistics>();
      if (!adapterOf(marketplace).sellerApi || ids.length === 0) return out;
      await refresh();
      const [sizes, box] = await Promise.all([sizesItem.get(db), boxItem.get(db)]);
      if (!sizes || !box) return out;
      const litersOf = new Map(sizes.sizes.map(([nm, , liters]) => [String(nm), liters]));
      const cards = await readCards(
        db,
        ids.map((id) => ({ marketplace: 'wb' as const, id })),
      );
      ids.forEach((id, i) => {
        const liters = litersOf.get(id);
        if (liters == null) return;
        const main = [...(cards[i]?.stockByWarehouse ?? [])].sort((a, b) => b.qty - a.qty)[0];
        const rate = main ? rateFor(box.rates, main.name) : undefined;
        const kopecks = rate ? logisticsOf(rate, liters) : medianLogistics(box.rates, liters);
        if (kopecks !== null) out.set(id, { kopecks, warehouse: rate ? rate[0] : null, liters });
      });
      return out;
    },
  };
}
