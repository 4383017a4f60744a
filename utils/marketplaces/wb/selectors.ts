// Where on a Wildberries page Lupa's UI goes, and the one figure Lupa reads off the page itself
// (the wallet price, which no JSON endpoint gives). Anchors only — all other data comes from JSON.
// Every list is tried in order, and every entry says where and when it was seen (reference
// ../shared/reference/wildberries.md §2 and §2.1). When no price block is found the panel floats
// and says so. The product page comes in two styles that both live on: the 2024–25 BEM markup and
// the 2026 CSS-module markup whose class names carry a hash that changes with every deploy, so
// those are matched by prefix, never whole.
import { ARTICLE_DIGITS, BARE_ARTICLE_RE } from '../../article';
import { queryAllFirst, queryFirst } from '../../content/dom';

export const productSelectors = {
  /** BEM price blocks, whole: the panel goes right after the first one found. */
  priceBlock: [
    // 2024–25, layouts 1 and 2 of §2.1 ([PX] build of 2025-07): `.product-page__aside .product-page__price-block`,
    // `.product-page__grid .product-page__price-block .product-page__price-block-wrap` (the block, not its wrap).
    '.product-page__price-block',
    // 2025, layout 3 of §2.1 ([PX] 2025-07): `.product-page__grid .product-page__top-blocks .product-page__price-block-wrap`,
    // with no `.product-page__price-block` around it.
    '.product-page__price-block-wrap',
    // Before 2024 ([RC] productPage/selectors.js: `.price-block__price` inside it).
    '.price-block',
  ],
  /**
   * 2026 CSS-module markup ([OWB] price-monitor/wb.js and exporter/wb.js, 2026-04; reference §2
   * "Product page (2026)"): the price elements themselves. The block is the outermost `priceBlock…`
   * element around the first one found.
   */
  priceElement: [
    'ins[class^="priceBlockFinalPrice"]',
    '[class^="priceBlockWalletPrice"]',
    'span[class^="priceBlockPrice"]',
    // The same with the hashed class not first in the attribute.
    '[class*=" priceBlockFinalPrice"]',
    '[class*=" priceBlockPrice"]',
  ],
  /** The wallet price the page shows ("с WB Кошельком"). */
  walletPrice: [
    '[class^="priceBlockWalletPrice"]', // 2026 ([OWB], 2026-04)
    '[class*=" priceBlockWalletPrice"]', // the same, not the first class
    '.price-block__wallet-price', // 2024–25 BEM ([RC] productPage/selectors.js)
  ],
} as const;

/** A class token of `el` that starts with "priceBlock" (2026 markup: the block and its parts). */
const inPriceBlock = (el: Element) => [...el.classList].some((c) => c.startsWith('priceBlock'));

/**
 * The element the product panel sits right after: a BEM price block, or the 2026 markup's price
 * block (the outermost `priceBlock…` element around a price; the price's parent when its wrappers
 * carry other names). Null when neither style is on the page.
 */
export function productAnchor(root: ParentNode): Element | null {
  const block = queryFirst(root, productSelectors.priceBlock);
  if (block) return block;
  const price = queryFirst(root, productSelectors.priceElement);
  if (!price) return null;
  let anchor: Element = price;
  for (let up = price.parentElement; up && up !== document.body; up = up.parentElement) if (inPriceBlock(up)) anchor = up;
  // A price element alone (an `ins`) is no place for a panel: go to the element that holds it.
  return anchor === price ? (price.parentElement ?? price) : anchor;
}

/**
 * Kopecks of the first price in a text as the page prints it ("1 790 ₽", "1 790,50 ₽",
 * "1 790 ₽ с WB Кошельком"; `\s` covers the no-break and thin spaces); null when there is none.
 */
export function priceFromText(text: string): number | null {
  const m = /(\d[\d\s]*)(?:[.,](\d\d?))?\s*₽/.exec(text);
  const kopecks = m ? Number((m[1] as string).replace(/\s/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : 0;
  return Number.isSafeInteger(kopecks) && kopecks > 0 ? kopecks : null;
}

/** The wallet price the page itself shows, in kopecks; null when it shows none. */
export function pageWalletPrice(root: ParentNode): number | null {
  const el = queryFirst(root, productSelectors.walletPrice);
  return el ? priceFromText(el.textContent ?? '') : null;
}

export const listingSelectors = {
  /** Product tiles on search, category, brand and seller pages, and in the product page's carousels. */
  tile: [
    // 2024–2026 listings (reference §2, [RC]; [PX] 2025-07: `.product-card-list` > `article.product-card[data-nm-id]`).
    'article.product-card[data-nm-id]',
    // Class renamed, attribute kept (also `div.product-card[data-nm-id]`, reference §2).
    'article[data-nm-id]',
    '[data-nm-id].product-card',
    // Product page carousels ("Похожие", "С этим товаром покупают"; [PX] 2025-07, container
    // `.cards-list__container`) and listings before 2023 (marketpapa.js): the article in `data-popup-nm-id`.
    '.product-card[data-popup-nm-id]',
    // Older listings: id="c{nmId}" without data-nm-id (`.j-card-item`, reference §2).
    '.product-card[id^="c"]',
  ],
  /** Where a tile links to its product; the article is read from it when the tile carries no id. */
  tileLink: 'a[href*="/catalog/"][href*="/detail.aspx"]',
  /**
   * Where a tile has room for Lupa's badge, most fitting first ([PX] 2025-07): the tips row on top of
   * the photo, else just before the order buttons at the bottom. Neither: the top of the tile.
   */
  badgeInto: '.product-card__tips--top',
  badgeBefore: '.product-card__bottom-wrap .product-card__order-wrap',
} as const;

const TILE_ID = new RegExp(`^c(${ARTICLE_DIGITS})$`);
const TILE_LINK = new RegExp(String.raw`/catalog/(${ARTICLE_DIGITS})/detail\.aspx`);

/** The article a tile shows: its data attribute, its id ("c146972802"), or its product link. */
export function tileArticle(tile: Element): string | null {
  for (const attribute of ['data-nm-id', 'data-popup-nm-id']) {
    const value = tile.getAttribute(attribute);
    if (value && BARE_ARTICLE_RE.test(value)) return value;
  }
  const fromId = TILE_ID.exec(tile.id);
  if (fromId) return fromId[1] as string;
  const href = tile.querySelector(listingSelectors.tileLink)?.getAttribute('href') ?? '';
  return TILE_LINK.exec(href)?.[1] ?? null;
}

/** All tiles on the page, in page order; a selector the engine rejects is skipped. */
export function queryTiles(root: ParentNode): Element[] {
  return queryAllFirst(root, listingSelectors.tile);
}

/** Where a tile's badge goes: into the tips row, before the order buttons, or at the top of the tile. */
export function badgeSlot(tile: Element): { parent: Element; before: Node | null } {
  const tips = tile.querySelector(listingSelectors.badgeInto);
  if (tips) return { parent: tips, before: tips.firstChild };
  const order = tile.querySelector(listingSelectors.badgeBefore);
  if (order?.parentElement) return { parent: order.parentElement, before: order };
  return { parent: tile, before: tile.firstChild };
}
