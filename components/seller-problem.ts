// The seller API's problems and token categories in the seller's words ("Токен без категории «Цены
// и скидки»", "WB просит подождать до 12:05"), for every feature that shows a seller API import.
import { type MessageKey, t, uiLanguage } from '../utils/i18n';
import type { SellerProblem } from '../utils/marketplaces/wb/seller-client';
import type { TokenCategory } from '../utils/marketplaces/wb/seller-token';

export const categoryName = (category: TokenCategory) => t(`tokenCat_${category.replace(/[^A-Za-z]+/g, '_')}` as MessageKey);

export const formatDay = (ms: number) =>
  new Date(ms).toLocaleDateString(uiLanguage() === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });

type Problem = SellerProblem;

const time = (ms: number) => new Date(ms).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });

export function problemText(p: Problem): string {
  const key = `ownProblem_${p.kind.replace(/-/g, '_')}` as MessageKey;
  switch (p.kind) {
    case 'missing-category':
      return t(key, categoryName(p.category));
    case 'expired-token':
      return t(key, formatDay(p.expires));
    case 'bad-token':
      return t(key, p.status);
    case 'rate-limited':
      return t(key, time(p.until));
    case 'server':
      return t(key, p.status ?? '—');
    default:
      return t(key);
  }
}
