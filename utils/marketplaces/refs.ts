// A product on either marketplace, as the user gives it (a pasted link or article) and as Lupa
// links to it. What each storefront's URLs look like stays with that marketplace (wb/page.ts,
// ozon/page.ts); this only picks the marketplace.
import { BARE_ARTICLE_RE } from '../article';
import type { Marketplace, ProductRef } from '../model';
import { detectOzonPage } from './ozon/page';
import { detectWbPage } from './wb/page';

/**
 * A product from what the user pasted: a product URL of either storefront (with or without
 * "https://"), or a bare article. A bare article says nothing of its marketplace: it is taken to be
 * on `bareOn`, and is not enough when that is null.
 */
export function parseProductRef(input: string, bareOn: Marketplace | null): ProductRef | null {
  const text = input.trim();
  if (BARE_ARTICLE_RE.test(text)) return bareOn ? { marketplace: bareOn, id: text } : null;
  const href = /^https?:\/\//.test(text) ? text : `https://${text}`;
  const wb = detectWbPage(href);
  if (wb.type === 'product') return { marketplace: 'wb', id: String(wb.nmId) };
  const ozon = detectOzonPage(href);
  if (ozon.type === 'product') return { marketplace: 'ozon', id: String(ozon.sku) };
  return null;
}
