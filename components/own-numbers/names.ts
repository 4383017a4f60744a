// The token categories' names in the seller's language («Цены и скидки» for 'Prices & Discounts').
import { t, uiLanguage } from '../../utils/i18n';
import type { TokenCategory } from '../../utils/marketplaces/wb/seller-token';
import { categoryNameIn } from './problem';

export const categoryName = (category: TokenCategory) => categoryNameIn({ t, uiLanguage }, category);
