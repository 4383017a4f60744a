// Which Ozon page a URL is: a pure function, documented by the URL table in
// tests/unit/ozon-page.test.ts. Forms: ../shared/reference/ozon.md §1.1.
import { ARTICLE_DIGITS } from '../../article';
import { isOnHost, urlOnHost } from '../hosts';

export type OzonPage =
  | { type: 'product'; sku: number }
  | { type: 'search'; text: string }
  | { type: 'category'; slug: string; id: number }
  | { type: 'seller'; key: string }
  | { type: 'other' };

export const OZON_HOSTS = ['www.ozon.ru', 'ozon.ru'] as const;

export const isOzonStorefront = (url: string | URL): boolean => isOnHost(url, OZON_HOSTS);

// /product/{slug}-{sku}, /product/{sku}, and their /reviews and /questions pages; the old /context/detail/id/{sku}.
const PRODUCT_PATH = new RegExp(`^/product/(?:[^/]*-)?(${ARTICLE_DIGITS})(?:/(?:reviews|questions))?$`);
const CONTEXT_PATH = new RegExp(`^/context/detail/id/(${ARTICLE_DIGITS})$`);

export function detectOzonPage(href: string): OzonPage {
  const url = urlOnHost(href, OZON_HOSTS);
  if (!url) return { type: 'other' };
  const path = url.pathname.replace(/\/+$/, '');
  const product = PRODUCT_PATH.exec(path);
  if (product) return { type: 'product', sku: Number(product[1]) };
  const context = CONTEXT_PATH.exec(path);
  if (context) return { type: 'product', sku: Number(context[1]) };
  if (path === '/search') {
    const text = url.searchParams.get('text')?.trim() ?? '';
    return text ? { type: 'search', text } : { type: 'other' };
  }
  const category = /^\/category\/(?:([^/]+)-)?(\d+)$/.exec(path);
  if (category) return { type: 'category', slug: category[1] ?? '', id: Number(category[2]) };
  const seller = /^\/seller\/([^/]+)(?:\/products)?$/.exec(path);
  if (seller) return { type: 'seller', key: decodeURIComponent(seller[1] as string) };
  return { type: 'other' };
}

/** The page-JSON twin of a storefront path: "/product/x-123/" → what `?url=` takes. */
export function relativePageUrl(href: string): string {
  const u = new URL(href);
  return `${u.pathname}${u.search}`;
}

/** The listing a URL shows, as listing badges want it; null elsewhere. */
export function ozonListing(
  href: string,
): { type: 'search'; query: string; sort: string } | { type: 'catalog' | 'seller'; key: string } | null {
  const page = detectOzonPage(href);
  if (page.type === 'search') return { type: 'search', query: page.text, sort: 'popular' };
  if (page.type !== 'category' && page.type !== 'seller') return null;
  const u = new URL(href);
  u.searchParams.delete('page');
  return { type: page.type === 'category' ? 'catalog' : 'seller', key: `${u.pathname}${u.search}` };
}

/** The relative URL of a listing's page N (Ozon pages with `page=`). */
export function listingPageUrl(listing: { type: 'search'; query: string } | { type: string; key: string }, page: number): string {
  if ('query' in listing) return `/search/?from_global=true&text=${encodeURIComponent(listing.query)}${page > 1 ? `&page=${page}` : ''}`;
  if (page === 1) return listing.key;
  return `${listing.key}${listing.key.includes('?') ? '&' : '?'}page=${page}`;
}

/** The article in a product link ("/product/slug-123456/?asb=…" → "123456"). */
export function skuFromLink(href: string): string | null {
  try {
    const page = detectOzonPage(new URL(href, 'https://www.ozon.ru').href);
    return page.type === 'product' ? String(page.sku) : null;
  } catch {
    return null;
  }
}
