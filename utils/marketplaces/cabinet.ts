// What a seller cabinet adapter tells the cabinet content scripts: which page is which, and how the
// page writes what Lupa looks for. The real cabinets' classes are hashed CSS-module names that
// change on every deploy, with no data-testid (wildberries.md §2.1, §3.4), so Lupa finds a review,
// its answer field and a price row by what they show (components/cabinet/anchors.ts) and each
// cabinet says here only in which words and forms it shows them (wb/cabinet.ts, ozon/cabinet.ts).
import type { Marketplace } from '../model';

export type CabinetPage = { type: 'reviews' } | { type: 'questions' } | { type: 'chat' } | { type: 'prices' } | { type: 'other' };

export interface CabinetSpec {
  marketplace: Marketplace;
  /**
   * Whether the article a review, question or chat shows is one Lupa reads the card's own text by
   * (WB's card.json), so a reply can answer from the card; Ozon's cabinet shows a SKU it cannot.
   */
  cardFacts: boolean;
  detect: (href: string) => CabinetPage;
  review: {
    /** The article as a review card writes it ("Артикул WB: 146972802"); group 1 is the article. */
    article: RegExp;
    /** A link to the product on the storefront; group 1 is the article. */
    productLink: RegExp;
    /** Stars as an aria-label, title or alt says them ("Оценка 4 из 5"); group 1 is the count. */
    stars: readonly RegExp[];
    /** A label in front of one part of the buyer's text ("Недостатки:"): all parts are the text. */
    partLabel: RegExp;
    /**
     * The heading of a card's published answer, where the cabinet page is Lupa's only source of what
     * waits for an answer (Ozon: its Seller API refuses browsers); absent where an API says it (WB).
     */
    answered?: RegExp;
    /**
     * The cabinet's seller API lists the unanswered reviews and questions (WB: the background asks
     * it with the user's token), so a card can be told by what the API knows of it.
     */
    listedByApi?: boolean;
  };
  prices: {
    /** The text a price row shows its article in; group 1 is the article. */
    article: RegExp;
    /** The label (aria-label, label, placeholder, column header) of the price the seller sets. */
    price: RegExp;
    /** The label of the seller's discount, percent; null where the price field is the buyer's price. */
    discount: RegExp | null;
  };
}

/** "Достоинства", "Недостатки", "Комментарий": the parts both cabinets split a review into. */
export const REVIEW_PART_LABEL = /^(?:достоинства|недостатки|комментарий)\s*:?\s*/i;

/** A review card's stars: a data attribute, or the count of ★ it shows. */
export function ratingOf(el: Element | null): number | null {
  if (!el) return null;
  const attr = Number(el.getAttribute('data-rating'));
  if (attr >= 1 && attr <= 5) return attr;
  const stars = (el.textContent ?? '').match(/★/g)?.length ?? 0;
  return stars >= 1 && stars <= 5 ? stars : null;
}
