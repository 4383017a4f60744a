// What a listing tile's badge must show, computed from the fixture payloads alone (no Lupa code).
interface Entry {
  id: number;
  feedbacks: number;
  reviewRating: number;
  log?: { cpm: number; position: number };
  sizes: Array<{ stocks: Array<{ qty: number }>; price?: { product: number } }>;
}

export interface ExpectedBadge {
  nm: string;
  'tile-position': string;
  'tile-ad-position': string | null;
  'tile-cpm': string | null;
  'tile-rating': string;
  'tile-reviews': string;
  'tile-price': string;
  'tile-stock': string;
}

export function expectedBadge(raw: unknown, displayed: number, positionKnown = true): ExpectedBadge {
  const entry = raw as Entry;
  const stock = entry.sizes.reduce((n, s) => n + s.stocks.reduce((a, st) => a + st.qty, 0), 0);
  const prices = entry.sizes.filter((s) => s.price && s.stocks.some((st) => st.qty > 0)).map((s) => s.price!.product);
  return {
    nm: String(entry.id),
    'tile-position': positionKnown ? String(entry.log ? entry.log.position : displayed) : '',
    'tile-ad-position': entry.log ? String(displayed) : null,
    'tile-cpm': entry.log ? String(entry.log.cpm * 100) : null,
    'tile-rating': entry.feedbacks > 0 ? String(entry.reviewRating) : '',
    'tile-reviews': String(entry.feedbacks),
    'tile-price': prices.length ? String(Math.min(...prices)) : '',
    'tile-stock': String(stock),
  };
}

/** Reads every badge on the page: one object per badge, in page order. */
export const READ_BADGES = () =>
  [...document.querySelectorAll('lupa-tile-badge')].map((host) => {
    const out: Record<string, string | null> = { nm: host.getAttribute('data-nm') };
    for (const name of ['tile-position', 'tile-ad-position', 'tile-cpm', 'tile-rating', 'tile-reviews', 'tile-price', 'tile-stock']) {
      out[name] = host.shadowRoot?.querySelector(`[data-lupa="${name}"]`)?.getAttribute('data-value') ?? null;
    }
    return out;
  });
