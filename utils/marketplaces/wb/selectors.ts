// Where on a Wildberries page Lupa's UI goes. Anchors only — data always comes from JSON.
// Each list is tried in order; when none matches, the panel floats and says so.
import { ARTICLE_DIGITS, BARE_ARTICLE_RE } from '../../article';
import { queryAllFirst } from '../../content/dom';

export const productSelectors = {
  /** The price block the panel sits beside. */
  priceBlock: [
    '.product-page__price-block', // 2024–2025 markup
    '.price-block', // older product page
    '[class*="price-block"]', // class names get hashed suffixes in new builds
  ],
  title: ['.product-page__title', 'h1[class*="title"]', 'h1'],
} as const;

export const listingSelectors = {
  /** Product tiles on search, category, brand and seller pages. */
  tile: [
    'article.product-card[data-nm-id]', // 2024–2026 markup
    'article[data-nm-id]', // class renamed, attribute kept
    '.product-card[id^="c"]', // older: id="c{nmId}" without data-nm-id
  ],
  /** Where a tile links to its product; the article is read from it when the tile carries no id. */
  tileLink: 'a[href*="/catalog/"][href*="/detail.aspx"]',
} as const;

const TILE_ID = new RegExp(`^c(${ARTICLE_DIGITS})$`);
const TILE_LINK = new RegExp(String.raw`/catalog/(${ARTICLE_DIGITS})/detail\.aspx`);

/** The article a tile shows: its data attribute, its id ("c146972802"), or its product link. */
export function tileArticle(tile: Element): string | null {
  const fromData = tile.getAttribute('data-nm-id');
  if (fromData && BARE_ARTICLE_RE.test(fromData)) return fromData;
  const fromId = TILE_ID.exec(tile.id);
  if (fromId) return fromId[1] as string;
  const href = tile.querySelector(listingSelectors.tileLink)?.getAttribute('href') ?? '';
  return TILE_LINK.exec(href)?.[1] ?? null;
}

/** All tiles on the page, in page order; a selector the engine rejects is skipped. */
export function queryTiles(root: ParentNode): Element[] {
  return queryAllFirst(root, listingSelectors.tile);
}
