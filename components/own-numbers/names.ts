// The token categories' names in the seller's language («Цены и скидки» for 'Prices & Discounts').
import { type MessageKey, t } from '../../utils/i18n';
import type { TokenCategory } from '../../utils/marketplaces/wb/seller-token';

export const categoryName = (category: TokenCategory) => t(`tokenCat_${category.replace(/[^A-Za-z]+/g, '_')}` as MessageKey);
