// A seller API problem in the seller's words ("Токен без категории «Цены и скидки»"), over whichever
// text the caller has: the extension pages' (seller-problem.ts, with the dictionary) or a marketplace
// page's (the browser's catalogue alone, utils/content/i18n.ts), so a storefront panel carries no dictionary.
import type { MessageKey } from '../utils/content/i18n';
import type { SellerProblem } from '../utils/marketplaces/wb/seller-client';
import type { TokenCategory } from '../utils/marketplaces/wb/seller-token';

export interface Text {
  t: (key: MessageKey, ...subs: Array<string | number>) => string;
  uiLanguage: () => 'ru' | 'en';
}

export const categoryNameIn = (text: Text, category: TokenCategory) =>
  text.t(`tokenCat_${category.replace(/[^A-Za-z]+/g, '_')}` as MessageKey);

export const dayIn = (text: Text, ms: number) =>
  new Date(ms).toLocaleDateString(text.uiLanguage() === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });

const time = (ms: number) => new Date(ms).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });

export function problemTextIn(text: Text, p: SellerProblem): string {
  const key = `ownProblem_${p.kind.replace(/-/g, '_')}` as MessageKey;
  switch (p.kind) {
    case 'missing-category':
      return text.t(key, categoryNameIn(text, p.category));
    case 'expired-token':
      return text.t(key, dayIn(text, p.expires));
    case 'bad-token':
      return text.t(key, p.status);
    case 'rate-limited':
      return text.t(key, time(p.until));
    case 'server':
      return text.t(key, p.status ?? '—');
    default:
      return text.t(key);
  }
}
