import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { DomPart } from '../../components/dom-part';
import { ratingFigures } from '../../components/rating-figures';

afterEach(cleanup);

test('stars and review count are figures under the names the caller gives, raw values in data-value', () => {
  const { container } = render(
    <p>
      <DomPart as="span" draw={(into) => void into.append(...ratingFigures(4.7, 1500, 'twin-rating', 'twin-reviews'))} />
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
  const { container } = render(<DomPart draw={(into) => void into.append(...ratingFigures(null, 0, 'rating', 'reviews'))} />);
  expect(container.querySelector('[data-lupa="rating"]')?.getAttribute('data-value')).toBe('');
  expect(container.querySelector('[data-lupa="rating"]')?.textContent).toBe('★ —');
  expect(container.querySelector('[data-lupa="reviews"]')?.getAttribute('data-value')).toBe('0');
});

test('inside a line of text (the popup’s <p>) the figures’ host is a span, and a new rating draws them afresh', () => {
  const line = (rating: number | null) => (
    <p>
      <DomPart as="span" draw={(into) => void into.append(...ratingFigures(rating, 12, 'rating', 'reviews'))} deps={[rating]} />
    </p>
  );
  const { container, rerender } = render(line(4.2));
  expect(container.querySelector('p > span.lupa-dom-part > [data-lupa="rating"]')?.getAttribute('data-value')).toBe('4.2');
  expect(container.querySelector('div')).toBeNull();
  rerender(line(4.9));
  expect(container.querySelectorAll('[data-lupa="rating"]').length).toBe(1);
  expect(container.querySelector('[data-lupa="rating"]')?.getAttribute('data-value')).toBe('4.9');
});
