import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { RatingFigures } from '../../components/RatingFigures';

afterEach(cleanup);

test('stars and review count are figures under the names the caller gives, raw values in data-value', () => {
  const { container } = render(
    <p>
      <RatingFigures rating={4.7} reviewCount={1500} names={{ rating: 'twin-rating', reviews: 'twin-reviews' }} />
    </p>,
  );
  const rating = container.querySelector('[data-lupa="twin-rating"]');
  const reviews = container.querySelector('[data-lupa="twin-reviews"]');
  expect(rating?.getAttribute('data-value')).toBe('4.7');
  expect(rating?.textContent).toBe('★4,7');
  expect(reviews?.getAttribute('data-value')).toBe('1500');
  expect(reviews?.textContent).toMatch(/^1\s500\s/);
  expect(container.textContent).toContain(' · ');
});

test('a product with no rating yet shows a dash and an empty value', () => {
  const { container } = render(<RatingFigures rating={null} reviewCount={0} names={{ rating: 'rating', reviews: 'reviews' }} />);
  expect(container.querySelector('[data-lupa="rating"]')?.getAttribute('data-value')).toBe('');
  expect(container.querySelector('[data-lupa="rating"]')?.textContent).toBe('★ —');
  expect(container.querySelector('[data-lupa="reviews"]')?.getAttribute('data-value')).toBe('0');
});
