// The Ozon seller cabinet (seller.ozon.ru/app/…): reviews at `reviews`, questions at
// `reviews/questions` or the messenger's customers group [U], prices at `prices/control` [U].
// Ozon's Seller API refuses browsers, so Lupa reads what the cabinet page itself shows. Like WB's,
// the cabinet is a React SPA with generated class names: nothing here names a class, only the words
// and forms the page shows; [U] marks Lupa's own reading, not yet seen on the live cabinet.
import { type CabinetPage, type CabinetSpec, REVIEW_PART_LABEL } from '../cabinet';
import { isOnHost } from '../hosts';

export const isOzonCabinet = (url: string): boolean => isOnHost(url, ['seller.ozon.ru']);

export function detectOzonCabinetPage(href: string): CabinetPage {
  if (!isOzonCabinet(href)) return { type: 'other' };
  const u = new URL(href);
  const path = u.pathname;
  if (/^\/app\/reviews\/questions/.test(path) || (/^\/app\/messenger/.test(path) && u.searchParams.get('group') === 'customers_v2'))
    return { type: 'questions' };
  if (/^\/app\/reviews(\/|$)/.test(path)) return { type: 'reviews' };
  if (/^\/app\/prices\/(control|manager)/.test(path)) return { type: 'prices' };
  return { type: 'other' };
}

export const ozonCabinet: CabinetSpec = {
  marketplace: 'ozon',
  cardFacts: false,
  detect: detectOzonCabinetPage,
  review: {
    // The Ozon SKU a review is about (`sku` in the cabinet's own review list, reference §2.5) as the
    // card writes it: "SKU 754321987" [U]. Not "Артикул", which is the seller's own offer_id.
    article: /(?:^|[^\p{L}])sku\s*[:№]?\s*(\d{5,15})/iu,
    // The storefront's product URL (reference §1.1): /product/{slug}-{sku}/ or /product/{sku}/.
    productLink: /ozon\.ru\/product\/(?:[^/?#]*-)?(\d{5,15})\/?(?:[?#]|$)/,
    // Stars as an aria-label or title: "Оценка 4 из 5", "2 звезды" [U].
    stars: [/оценк\p{L}*\s*:?\s*([1-5])(?:\s*из\s*5)?(?![\d,.])/iu, /(?:^|\s)([1-5])\s*зв[её]зд/i],
    // A review's text in parts: pros, cons, comment (the cabinet's review list, reference §2.5).
    partLabel: REVIEW_PART_LABEL,
    // An answered review shows the seller's answer under a heading [U].
    answered: /^(?:ваш ответ|ответ продавца|ответ магазина)(?!\p{L})/iu,
  },
  prices: {
    // "Управление ценами" (`prices/control`): the SKU alone in its column, or "SKU N" [U].
    article: /^(?:sku\s*[:№]?\s*)?(\d{6,15})$/i,
    // "Ваша цена" is what the buyer pays before Ozon's own co-funded promotions [U].
    price: /ваша цена|^цена$/i,
    discount: null,
  },
};
