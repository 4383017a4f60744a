import { fireEvent } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { priceChart, stepPath } from '../../components/product-panel/price-chart';

// The charts chunk is injected by the background in the extension; here it is a stand-in that records draws.
const drawn: number[] = [];
/** The chart as the panel puts it in the page. */
const render = (props: Parameters<typeof priceChart>[0]) => {
  const container = document.body.appendChild(document.createElement('div'));
  container.append(priceChart(props).element);
  return { container };
};

vi.mock('../../components/charts/load', () => ({
  loadCharts: () =>
    Promise.resolve({
      drawPriceChart: (_: unknown, points: unknown[]) => {
        drawn.push(points.length);
        return { destroy() {} };
      },
    }),
}));

const DAY = 86_400_000;
const points = [
  { at: Date.UTC(2026, 10, 1, 9), price: 150000 },
  { at: Date.UTC(2026, 10, 8, 9), price: 134500 },
  { at: Date.UTC(2026, 10, 20, 9), price: 139900 },
];

test('the quick chart is drawn at once: a step line between the lowest and highest price, labelled', () => {
  const { container } = render({ points, label: 'История цены' });
  const figure = container.querySelector('[data-lupa="price-chart"]');
  expect(figure?.getAttribute('data-value')).toBe('3');
  expect(container.querySelector('canvas')).toBeNull();
  const labels = [...container.querySelectorAll('svg text')].map((t) => t.textContent);
  expect(labels).toEqual(['1\u00a0500\u00a0₽', '1\u00a0345\u00a0₽', '01.11', '20.11']);
  // Three points: two steps, each holding the price until the next point (H then V).
  expect(container.querySelector('.lupa-quick-chart__line')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+V[\d.]+$/);
});

test('pointing at the quick chart brings the detailed chart (chart.js) with the same points', async () => {
  drawn.length = 0;
  HTMLCanvasElement.prototype.getContext = vi.fn(() => ({}) as CanvasRenderingContext2D) as never;
  const { container } = render({ points, label: 'История цены' });
  fireEvent.pointerEnter(container.querySelector('button') as HTMLElement);
  expect(container.querySelector('canvas')).not.toBeNull();
  await vi.waitFor(() => expect(drawn).toEqual([3]));
  expect(container.querySelector('[data-lupa="price-chart"]')?.getAttribute('data-value')).toBe('3');
});

test('no points: nothing drawn and no figure value', () => {
  const { container } = render({ points: [], label: 'История цены' });
  expect(container.querySelector('[data-lupa="price-chart"]')?.hasAttribute('data-value')).toBe(false);
  expect(stepPath([])).toBeNull();
});

test('one point is a short level line', () => {
  expect(stepPath([{ at: DAY, price: 1000 }])?.line).toMatch(/^M[\d.]+ [\d.]+H[\d.]+$/);
});
