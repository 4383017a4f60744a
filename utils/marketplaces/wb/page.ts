// Which Wildberries page a URL is: a pure function, tested on a table of real URLs
// (tests/unit/wb-page.test.ts is its documentation).
import { ARTICLE_DIGITS } from '../../article';
import { isOnHost, urlOnHost } from '../hosts';

export type WbPage =
  | { type: 'product'; nmId: number; sizeId: number | null }
  | { type: 'search'; query: string }
  | { type: 'catalog'; path: string }
  | { type: 'brand'; slug: string }
  | { type: 'seller'; supplierId: number }
  | { type: 'other' };

/**
 * Storefront hosts Lupa runs on (the content script's `matches` list the same). Mirrors (.by, .kz,
 * .am, .kg, .uz) need their own permissions and regions: not yet.
 */
export const STOREFRONT_HOSTS = ['www.wildberries.ru', 'wildberries.ru', 'm.wildberries.ru'] as const;

export const isWbStorefront = (url: string | URL): boolean => isOnHost(url, STOREFRONT_HOSTS);

const PRODUCT_PATH = new RegExp(String.raw`^/(?:ru/)?catalog/(${ARTICLE_DIGITS})/(?:detail\.aspx|feedbacks|questions)$`, 'i');

export function detectWbPage(href: string): WbPage {
  const url = urlOnHost(href, STOREFRONT_HOSTS);
  if (!url) return { type: 'other' };
  const path = url.pathname.replace(/\/+$/, '');

  // /catalog/{nmId}/detail.aspx, also with /ru/ or a trailing slash; the product's reviews and
  // questions pages (/catalog/{nmId}/feedbacks, /questions) belong to the same article.
  const product = PRODUCT_PATH.exec(path);
  if (product) {
    const size = Number(url.searchParams.get('size'));
    return { type: 'product', nmId: Number(product[1]), sizeId: Number.isInteger(size) && size > 0 ? size : null };
  }
  if (/^\/catalog\/0\/search\.aspx$/i.test(path)) {
    const query = url.searchParams.get('search')?.trim() ?? '';
    return query ? { type: 'search', query } : { type: 'other' };
  }
  const seller = /^\/seller\/(\d+)$/.exec(path);
  if (seller) return { type: 'seller', supplierId: Number(seller[1]) };
  const brand = /^\/brands\/([^/]+)/.exec(path);
  if (brand) return { type: 'brand', slug: decodeURIComponent(brand[1] as string) };
  if (/^\/catalog\/[a-z][\w-]*(\/[\w-]+)*$/i.test(path)) return { type: 'catalog', path };
  return { type: 'other' };
}

/**
 * The listing a URL shows, as the background's listing badges want it; null elsewhere. A product
 * page's carousels are a listing too (reference §2.1: tiles with `data-popup-nm-id`).
 */
export function wbListing(
  href: string,
): { type: 'search'; query: string; sort: string } | { type: 'catalog' | 'brand' | 'seller' | 'carousel'; key: string } | null {
  const page = detectWbPage(href);
  switch (page.type) {
    case 'product':
      return { type: 'carousel', key: String(page.nmId) };
    case 'search': {
      const sort = new URL(href).searchParams.get('sort') ?? 'popular';
      return { type: 'search', query: page.query, sort: /^[a-z_]{1,30}$/.test(sort) ? sort : 'popular' };
    }
    case 'catalog':
      return { type: 'catalog', key: page.path };
    case 'brand':
      return { type: 'brand', key: page.slug };
    case 'seller':
      return { type: 'seller', key: String(page.supplierId) };
    default:
      return null;
  }
}
