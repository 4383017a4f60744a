// A product's stars and review count side by side, as the popup and the twin section show them.
// The figure names are the caller's (they have shipped: see Figure.tsx).
import type { FigureName } from '../utils/figures';
import { formatRating, t } from '../utils/i18n';
import { formatNumber } from '../utils/money';
import { Figure } from './Figure';

export function RatingFigures({
  rating,
  reviewCount,
  names,
}: {
  rating: number | null;
  reviewCount: number;
  names: { rating: FigureName; reviews: FigureName };
}) {
  return (
    <>
      <Figure name={names.rating} value={rating}>
        {formatRating(rating)}
      </Figure>
      {' · '}
      <Figure name={names.reviews} value={reviewCount}>
        {t('twinReviews', formatNumber(reviewCount))}
      </Figure>
    </>
  );
}
