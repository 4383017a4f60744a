// What an article (a Wildberries nmId, an Ozon SKU) looks like, in one place. Real ones today:
// WB nmIds have 8–9 digits, Ozon SKUs 9–10. Fifteen digits leave room for both and stay a safe
// integer (the clients turn articles into numbers).
// No zod here: content scripts use these patterns (the schema is model.ts's ArticleIdSchema).

/** An article as Lupa's model and protocol take it: 1–15 digits, nothing else. */
export const ARTICLE_RE = /^\d{1,15}$/;

/**
 * The digits of an article where one is expected but not yet trusted: a storefront URL's path, a
 * listing tile's id or link, a bare article the user pasted. At least four, so that a stray short
 * number ("/catalog/12/detail.aspx") is not taken for a product.
 */
export const ARTICLE_DIGITS = String.raw`\d{4,15}`;
/** A whole string that is an article and nothing else (a tile's attribute, a pasted article). */
export const BARE_ARTICLE_RE = new RegExp(`^${ARTICLE_DIGITS}$`);
