// WB's commission on the seller's own items: the rates by subject from the seller API's tariffs
// (one request fetches every subject; WB allows one a minute, Lupa asks once a day), and each own
// item's subject from its storefront card (`subjectId`). An item whose card or subject is not known
// yet is fetched once; an item whose subject WB's report lacks stays unknown, never guessed.

import type { Commission } from '../background-kit';
import { storeCards } from '../card-store';
import { kvItem, type LupaDb, readCards } from '../db';
import { adapterOf } from '../marketplaces';
import type { SellerClient, SellerProblem } from '../marketplaces/wb/seller-client';
import { COMMISSION_PATH, CommissionReportSchema, commissionRates } from '../marketplaces/wb/seller-tariffs';
import type { Marketplace, ProductCard } from '../model';
import type { OverviewSource } from '../product-overview';
import { type CommissionRates, ownNumbersKv } from './tables';

const DAY_MS = 86_400_000;
/** WB changes rates rarely and announces it; a day-old copy is fresh enough. */
export const COMMISSION_MAX_AGE_MS = DAY_MS;
/** A card that gave no subject is asked for again after this long. */
const UNKNOWN_RETRY_MS = 60 * 60 * 1000;

export interface CommissionDeps {
  db: LupaDb;
  client: SellerClient;
  cards: Pick<OverviewSource, 'fetchCards' | 'batch'>;
  now?: () => number;
}

export function createCommission(deps: CommissionDeps) {
  const { db, client } = deps;
  const now = deps.now ?? (() => Date.now());
  const stored = kvItem(ownNumbersKv.commission);
  let refreshing: Promise<CommissionRates | SellerProblem> | null = null;
  /** Items whose card gave no subject, and until when they are not asked for again (while the worker lives). */
  const unknownUntil = new Map<string, number>();

  async function fetchRates(): Promise<CommissionRates | SellerProblem> {
    const result = await client.request('commission', { path: COMMISSION_PATH, query: { locale: 'ru' } }, CommissionReportSchema);
    if (!result.ok) return result.problem;
    const { rates, dropped } = commissionRates(result.data);
    if (rates.length === 0) return { kind: 'format-changed', detail: `commission: no subject rates (${dropped} rows skipped)` };
    const next: CommissionRates = { at: now(), rates, dropped };
    await stored.set(db, next);
    return next;
  }

  /** The rates, fetched again when missing or a day old (one fetch at a time); the old ones while WB refuses. */
  async function rates(): Promise<CommissionRates | undefined> {
    const have = await stored.get(db);
    if (have && now() - have.at < COMMISSION_MAX_AGE_MS) return have;
    refreshing ??= fetchRates().finally(() => {
      refreshing = null;
    });
    const got = await refreshing;
    return 'rates' in got ? got : have;
  }

  /** Subjects of these WB items, from stored cards; cards missing or without a subject are fetched once. */
  async function subjects(ids: readonly string[]): Promise<Map<string, number>> {
    const refs = ids.map((id) => ({ marketplace: 'wb' as const, id }));
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const [i, card] of (await readCards(db, refs)).entries()) {
      const id = ids[i] as string;
      if (card?.subjectId) out.set(card.id, card.subjectId);
      else if ((unknownUntil.get(id) ?? 0) <= now()) missing.push(id);
    }
    for (let i = 0; i < missing.length; i += deps.cards.batch) {
      try {
        const asked = missing.slice(i, i + deps.cards.batch);
        const got = [...(await deps.cards.fetchCards(asked)).values()].filter((c): c is ProductCard => c !== null);
        await storeCards(db, got);
        for (const card of got) if (card.subjectId) out.set(card.id, card.subjectId);
        // Items the storefront does not show (or shows without a subject) are not asked again on every view.
        for (const id of asked) if (!out.has(id)) unknownUntil.set(id, now() + UNKNOWN_RETRY_MS);
      } catch (error) {
        // The storefront is away: those items stay unknown this time.
        console.warn('[lupa] commission subjects:', error instanceof Error ? error.name : 'error');
        break;
      }
    }
    return out;
  }

  return {
    /** Each own item's commission where both its subject and WB's rate for it are known. */
    async of(marketplace: Marketplace, ids: readonly string[]): Promise<Map<string, Commission>> {
      const out = new Map<string, Commission>();
      if (!adapterOf(marketplace).sellerApi || ids.length === 0) return out;
      const known = await rates();
      if (!known) return out;
      const bySubject = new Map(known.rates.map(([subject, fbo, fbs]) => [subject, { fbo, fbs }]));
      for (const [id, subject] of await subjects(ids)) {
        const rate = bySubject.get(subject);
        if (rate?.fbo != null) out.set(id, { pct: rate.fbo, fbs: rate.fbs, subject, at: known.at });
      }
      return out;
    },
    /** The periodic refresh: the rates once a day. */
    async refresh(): Promise<void> {
      await rates();
    },
  };
}
