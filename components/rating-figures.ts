// A product's stars and review count side by side, as the popup and the twin section show them:
// figures under the caller's names (they have shipped: see utils/figures.ts; FigureName
// parameters, so tests/unit/figures.test.ts finds them), raw values in data-value. Plain DOM: the
// panel's twin section puts them in its line, the popup hosts them through components/dom-part.tsx.
import { fig } from '../utils/content/dom';
import type { FigureName } from '../utils/figures';
import { formatRating, t } from '../utils/i18n';
import { formatNumber } from '../utils/money';

export function ratingFigures(
  rating: number | null,
  reviewCount: number,
  ratingName: FigureName,
  reviewsName: FigureName,
): Array<Node | string> {
  return [
    fig(ratingName, rating, null, formatRating(rating)),
    ' · ',
    fig(reviewsName, reviewCount, null, t('twinReviews', formatNumber(reviewCount))),
  ];
}
