// The complaint digest's background side: an own item's digest from the store while it is fresh,
// else its card's reviews read again (WB's feedbacks, the same read as the panel's review summary),
// counted and stored; a failed read keeps the stored digest and says why. The periodic refresh reads
// the oldest few own items' reviews, so the popup has digests for items the seller has not opened.
import { type LupaDb, readCard, readCards, schemas, validRow, validRows } from '../db';
import type { Marketplace, ProductRef, Review } from '../model';
import { problemOf } from '../net';
import { complaintDigest } from './digest';
import type { ComplaintDigestReply, OwnDigest } from './protocol';
import type { DigestRow } from './tables';

/** A digest younger than this answers the panel without a read. */
export const DIGEST_TTL_MS = 6 * 3_600_000;
/** Own items whose reviews one periodic refresh reads. */
export const REFRESH_BATCH = 10;

export interface ComplaintDeps {
  db: LupaDb;
  /** The card's reviews (all its variants), by the card's root id. */
  reviews: (marketplace: Marketplace, rootId: string) => Promise<Review[]>;
  /** The seller's own items of a marketplace ("мой товар", the imported catalogue). */
  ownIds: (marketplace: Marketplace) => Promise<Set<string>>;
  /** Whether one item is the seller's own (a single look where it can be; else among ownIds). */
  isOwn?: (ref: ProductRef) => Promise<boolean>;
  guard: <T>(work: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

/** Where Lupa reads the reviews a digest counts (Ozon's come without dates in the panel's read). */
const READS_REVIEWS: readonly Marketplace[] = ['wb'];

export function createComplaintService(deps: ComplaintDeps) {
  const now = deps.now ?? (() => Date.now());
  const { db } = deps;

  const stored = async (ref: ProductRef) =>
    validRow(schemas.complaintDigests, await db.complaintDigests.get([ref.marketplace, ref.id]), 'complaintDigests');

  async function read(ref: ProductRef, rootId: string): Promise<DigestRow> {
    const reviews = await deps.reviews(ref.marketplace, rootId);
    const at = now();
    const row: DigestRow = { marketplace: ref.marketplace, productId: ref.id, at, ...complaintDigest(reviews, at) };
    await deps.guard(() => db.complaintDigests.put(row));
    return row;
  }

  const isOwn = async (ref: ProductRef) =>
    READS_REVIEWS.includes(ref.marketplace) && ((await deps.isOwn?.(ref)) || (await deps.ownIds(ref.marketplace)).has(ref.id));
  const strip = ({ marketplace: _m, productId: _p, ...digest }: DigestRow) => digest;

  return {
    async digestOf(ref: ProductRef): Promise<ComplaintDigestReply> {
      if (!(await isOwn(ref))) return { own: false, digest: null, problem: null };
      const kept = await stored(ref);
      if (kept && now() - kept.at < DIGEST_TTL_MS) return { own: true, digest: strip(kept), problem: null };
      const card = await readCard(db, ref);
      if (!card?.rootId) return { own: true, digest: kept ? strip(kept) : null, problem: 'not-found' };
      try {
        return { own: true, digest: strip(await read(ref, card.rootId)), problem: null };
      } catch (error) {
        return { own: true, digest: kept ? strip(kept) : null, problem: problemOf(error).kind };
      }
    },

    /** Own items with negative reviews in the last 30 days, the most first, with the card's name. */
    async ownDigests(marketplace: Marketplace = 'wb'): Promise<{ items: OwnDigest[]; total: number }> {
      const own = await deps.ownIds(marketplace);
      const rows = validRows(
        schemas.complaintDigests,
        await db.complaintDigests.where('[marketplace+productId]').between([marketplace, ''], [marketplace, '\uffff']).toArray(),
        'complaintDigests',
      ).filter((r) => own.has(r.productId) && r.recent > 0);
      const cards = await readCards(
        db,
        rows.map((r) => ({ marketplace, id: r.productId })),
      );
      const items = rows
        .map((r, i) => ({ ...r, name: cards[i]?.name ?? '' }))
        .sort((a, b) => b.recent - a.recent || a.productId.localeCompare(b.productId));
      return { items, total: own.size };
    },

    /** Reads the reviews of the own items whose digests are oldest (never read first), a few per call. */
    async refreshOldest(marketplace: Marketplace = 'wb'): Promise<number> {
      const own = [...(await deps.ownIds(marketplace))];
      if (own.length === 0) return 0;
      const refs = own.map((id) => ({ marketplace, id }));
      const rows = await db.complaintDigests.bulkGet(refs.map((r) => [r.marketplace, r.id] as [Marketplace, string]));
      const ages = new Map(validRows(schemas.complaintDigests, rows.filter(Boolean), 'complaintDigests').map((r) => [r.productId, r.at]));
      const due = refs
        .filter((r) => now() - (ages.get(r.id) ?? 0) >= DIGEST_TTL_MS)
        .sort((a, b) => (ages.get(a.id) ?? 0) - (ages.get(b.id) ?? 0));
      const cards = await readCards(db, due);
      let done = 0;
      for (const [i, ref] of due.entries()) {
        const card = cards[i];
        if (!card?.rootId) continue;
        if (done >= REFRESH_BATCH) break;
        done++;
        // One item's failure (its reviews unreadable now) leaves the others to be read.
        await read(ref, card.rootId).catch(() => undefined);
      }
      return done;
    },
  };
}
