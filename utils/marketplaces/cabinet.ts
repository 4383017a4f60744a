// What a seller cabinet adapter tells the cabinet content scripts: which page is which, and where
// a review's parts and a price row's parts are. Each cabinet keeps its table in one file
// (wb/cabinet.ts, ozon/cabinet.ts); every selector list is tried in order, first match wins.
import type { Marketplace } from '../model';

export type CabinetPage = { type: 'reviews' } | { type: 'questions' } | { type: 'prices' } | { type: 'other' };

export interface CabinetSpec {
  marketplace: Marketplace;
  detect: (href: string) => CabinetPage;
  review: {
    item: readonly string[];
    rating: readonly string[];
    /** Every part of the buyer's text (Ozon splits it into pros, cons and comment). */
    text: readonly string[];
    author: readonly string[];
    product: readonly string[];
    article: readonly string[];
    answer: readonly string[];
    /**
     * A review's published answer, where the cabinet page is Lupa's only source of what waits for
     * an answer (Ozon: its Seller API refuses browsers); absent where an API says it (WB).
     */
    answered?: readonly string[];
  };
  prices: {
    row: readonly string[];
    /** The element whose text (or `data-*` article attribute on the row) holds the article. */
    article: readonly string[];
    /** The price the seller sets (an input or text), before their own discount. */
    price: readonly string[];
    /** The seller's discount, percent; absent where the price field already is the buyer's price. */
    discount: readonly string[];
    /** Where Lupa's figures go inside the row; the row itself when none is found. */
    slot: readonly string[];
    /** Row attributes that carry the article. */
    articleAttrs: readonly string[];
  };
}

/** A review card's stars: a data attribute, or the count of ★ it shows. */
export function ratingOf(el: Element | null): number | null {
  if (!el) return null;
  const attr = Number(el.getAttribute('data-rating'));
  if (attr >= 1 && attr <= 5) return attr;
  const stars = (el.textContent ?? '').match(/★/g)?.length ?? 0;
  return stars >= 1 && stars <= 5 ? stars : null;
}
