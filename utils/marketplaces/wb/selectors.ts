// Where on a Wildberries page Lupa's UI goes. Anchors only — data always comes from JSON.
// Each list is tried in order; when none matches, the panel floats and says so.
export const productSelectors = {
  /** The price block the panel sits beside. */
  priceBlock: [
    '.product-page__price-block', // 2024–2025 markup
    '.price-block', // older product page
    '[class*="price-block"]', // class names get hashed suffixes in new builds
  ],
  title: ['.product-page__title', 'h1[class*="title"]', 'h1'],
} as const;

export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // A selector the engine rejects must not take the overlay down; try the next.
    }
  }
  return null;
}
