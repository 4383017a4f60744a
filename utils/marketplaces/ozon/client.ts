// The Ozon client. Ozon answers its page JSON to the site's own origin with the user's cookies, so
// the storefront tab's content script is the primary route; the background's fetch is the
// fallback. A block (captcha, 403 with an incident id) stops every Ozon request for a while and is
// told to the user — never retried in a loop (reference §1.5).
import type { ListingEntry, ProductCard, ReviewSummary } from '../../model';
import { FetchProblem, type Net, type RawResponse, type Transport } from '../../net';
import type { RequestContext } from '../wb/client';
import { OZON_BLOCK_BACKOFF_MS, ozonEndpoints } from './endpoints';
import { cardFromEmbedded, cardFromOzon, entriesFromOzon, isOzonBlock, reviewSummaryFromOzon, reviewsFromOzon } from './normalise';
import { OzonPageJsonSchema } from './schemas';

export interface OzonClientDeps {
  net: Net;
  background: Transport;
  /** When the last block ends (persisted, so a restarted worker still waits). */
  blockedUntil: { get(): Promise<number>; set(until: number): Promise<void> };
  now?: () => number;
}

export function createOzonClient(deps: OzonClientDeps) {
  const now = deps.now ?? (() => Date.now());

  async function pageJson(relativeUrl: string, ctx: RequestContext) {
    const until = await deps.blockedUntil.get();
    if (now() < until) throw new FetchProblem('blocked', `ozon: waiting after a block until ${new Date(until).toISOString()}`);
    const url = ozonEndpoints.pageJson(relativeUrl);
    const routes: Transport[] = ctx.page ? [ctx.page, deps.background] : [deps.background];
    let first: unknown;
    for (const route of routes) {
      let response: RawResponse;
      try {
        response = await deps.net.get(url, route);
      } catch (error) {
        if (error instanceof FetchProblem && error.kind === 'blocked') {
          await deps.blockedUntil.set(now() + OZON_BLOCK_BACKOFF_MS);
          throw error;
        }
        first ??= error;
        continue;
      }
      if (isOzonBlock(response)) {
        await deps.blockedUntil.set(now() + OZON_BLOCK_BACKOFF_MS);
        throw new FetchProblem('blocked', 'ozon: anti-bot check (captcha or incident id)', response.status);
      }
      if (response.status === 404) throw new FetchProblem('not-found', `ozon: ${relativeUrl} not found`, 404);
      let json: unknown;
      try {
        json = JSON.parse(response.body);
      } catch {
        throw new FetchProblem('format-changed', 'ozon page json: not JSON');
      }
      const parsed = OzonPageJsonSchema.safeParse(json);
      if (!parsed.success)
        throw new FetchProblem('format-changed', `ozon page json: ${parsed.error.issues[0]?.path.join('.') || '(root)'} changed`);
      return parsed.data;
    }
    throw first;
  }

  return {
    async fetchCard(sku: number, ctx: RequestContext = {}): Promise<ProductCard | null> {
      try {
        return cardFromOzon(await pageJson(ozonEndpoints.product(sku), ctx), sku, now());
      } catch (error) {
        // The page JSON changed shape: the product's page still embeds schema.org data. A block
        // is not retried this way (the page then is a challenge page).
        if (!(error instanceof FetchProblem) || error.kind !== 'format-changed' || !ctx.embedded) throw error;
        const card = cardFromEmbedded(await ctx.embedded().catch(() => []), sku, now());
        if (!card) throw error;
        return card;
      }
    },
    /**
     * A card's review summary from its reviews pages (Ozon's order, then lowest first), one after
     * the other: a block on the first sends nothing more.
     */
    async fetchReviewSummary(card: Pick<ProductCard, 'id' | 'rating' | 'reviewCount'>, ctx: RequestContext = {}): Promise<ReviewSummary> {
      const shown = reviewsFromOzon(await pageJson(ozonEndpoints.reviews(card.id), ctx)).reviews;
      const lowest = reviewsFromOzon(await pageJson(ozonEndpoints.reviews(card.id, 'score_asc'), ctx)).reviews;
      return reviewSummaryFromOzon(card, shown, lowest, now());
    },
    /** One page of a search/category/seller listing, numbered from 1 within the page. */
    async fetchListingPage(relativeUrl: string, ctx: RequestContext = {}): Promise<ListingEntry[]> {
      return entriesFromOzon(await pageJson(relativeUrl, ctx), 0, now());
    },
    /** The user passed Ozon's check and asks again: lift the back-off once. */
    async clearBlock(): Promise<void> {
      await deps.blockedUntil.set(0);
    },
  };
}

export type OzonClient = ReturnType<typeof createOzonClient>;
