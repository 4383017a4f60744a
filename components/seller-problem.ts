// The seller API's problems and token categories in the seller's words ("Токен без категории «Цены
// и скидки»", "WB просит подождать до 12:05"), for every extension page that shows a seller API
// import (the text helpers themselves: seller-problem-text.ts).
import { t, uiLanguage } from '../utils/i18n';
import type { SellerProblem } from '../utils/marketplaces/wb/seller-client';
import type { TokenCategory } from '../utils/marketplaces/wb/seller-token';
import { categoryNameIn, dayIn, problemTextIn } from './seller-problem-text';

const text = { t, uiLanguage };

export const categoryName = (category: TokenCategory) => categoryNameIn(text, category);

export const formatDay = (ms: number) => dayIn(text, ms);

export const problemText = (p: SellerProblem): string => problemTextIn(text, p);
