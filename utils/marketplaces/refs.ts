// A product on either marketplace, as the user gives it (a pasted link or article) and as Lupa
// links to it. What each storefront's URLs look like stays with that marketplace (wb/page.ts,
// ozon/page.ts); this only picks the marketplace.
import { BARE_ARTICLE_RE } from '../article';
import type { Marketplace, ProductRef } from '../model';
import { MARKETPLACE_IDS } from './ids';
import { ozonProductUrl } from './ozon/endpoints';
import { detectOzonPage } from './ozon/page';
import { wbProductUrl } from './wb/endpoints';
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

/**
 * Every product the user may mean by what they pasted: the one a link names, or a bare article on
 * each marketplace in turn (Wildberries first). Empty when it is neither.
 */
export function productRefCandidates(input: string): ProductRef[] {
  const text = input.trim();
  if (BARE_ARTICLE_RE.test(text)) return MARKETPLACE_IDS.map((marketplace) => ({ marketplace, id: text }));
  const ref = parseProductRef(text, null);
  return ref ? [ref] : [];
}

/** The product's page on its storefront: "https://www.wildberries.ru/catalog/{nmId}/detail.aspx", "https://www.ozon.ru/product/{sku}/". */
export function productUrl(ref: ProductRef): string {
  return ref.marketplace === 'wb' ? wbProductUrl(ref.id) : ozonProductUrl(ref.id);
}
