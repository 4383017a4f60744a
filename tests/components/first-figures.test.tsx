// The storefront core's first figures and the panel that replaces them must never show one figure
// with two values; the panel starts from the core's answer without asking again.
import 'fake-indexeddb/auto';
import { waitFor } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { startPanel } from '../../components/product-panel/controller';
import { renderFirstFigures } from '../../components/product-panel/first-figures';
import { priceChart } from '../../components/product-panel/price-chart';
import { drawPanel } from '../../components/product-panel/view';
import { overviewOf, setUpPanelTests } from './overview';

setUpPanelTests();

/** Every figure in a tree with its value and the element's classes, in document order. */
const figures = (root: ParentNode) =>
  [...root.querySelectorAll('[data-lupa]')].map((e) => [e.getAttribute('data-lupa'), e.getAttribute('data-value'), e.className]);

test('the first figures are the panel’s head and price block: same names, values and classes', async () => {
  for (const index of [0, 3]) {
    const overview = await overviewOf(index);
    for (const [floating, walletPrice] of [
      [false, null],
      [true, 175_000],
    ] as const) {
      const core = document.createElement('div');
      renderFirstFigures(core, { marketplace: 'wb', floating, status: overview.state, overview, page: { walletPrice } });
      const container = document.createElement('div');
      drawPanel(container.appendChild(document.createElement('section')), {
        marketplace: 'wb',
        status: overview.state,
        overview,
        refreshing: false,
        floating,
        walletPrice,
        now: Date.now(),
        onRefresh: () => {},
        chart: (points, label) => priceChart({ points, label }),
      });
      const panel = figures(container.querySelector('.lupa-head')!).filter(([name]) => name !== 'data-age');
      expect(figures(core.querySelector('.lupa-head')!)).toEqual(panel);
      expect(figures(core.querySelector('.lupa-prices')!)).toEqual(figures(container.querySelector('.lupa-prices')!));
      // The page's wallet price is its own figure, labelled as the page's.
      const wallet = core.querySelector('[data-lupa="price-wallet"]');
      expect(wallet?.getAttribute('data-value') ?? null).toBe(walletPrice === null ? null : String(walletPrice));
      if (wallet)
        expect(container.querySelector('[data-lupa="price-wallet"]')?.textContent).toBe('С WB Кошельком, по странице: 1\u00a0750\u00a0₽');
      expect(core.querySelector('section')?.className).toBe(container.querySelector('section')?.className);
    }
  }
});

test('the panel given the core’s answer shows it at once and asks only to refresh a stale one', async () => {
  const fresh = await overviewOf(1);
  const load = vi.fn(async (_mode: string) => fresh);
  const first = startPanel(document.body.appendChild(document.createElement('div')), {
    marketplace: 'wb',
    load,
    initial: { overview: fresh, status: 'fresh' },
    floating: false,
  });
  expect(document.querySelector('[data-lupa="state"]')?.getAttribute('data-value')).toBe('fresh');
  expect(document.querySelector('[data-lupa="price-now"]')?.getAttribute('data-value')).toBe('459000');
  await new Promise((r) => setTimeout(r, 20));
  expect(load).not.toHaveBeenCalled();
  first.unmount();
  document.body.replaceChildren();

  const stale = { ...fresh, state: 'stale' as const };
  startPanel(document.body.appendChild(document.createElement('div')), {
    marketplace: 'wb',
    load,
    initial: { overview: stale, status: 'stale' },
    floating: false,
  });
  await waitFor(() => expect(document.querySelector('[data-lupa="state"]')?.getAttribute('data-value')).toBe('fresh'));
  expect(load.mock.calls.map((c) => c[0])).toEqual(['refresh']);
});
