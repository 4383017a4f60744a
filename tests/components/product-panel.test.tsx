import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { startPanel } from '../../components/product-panel/controller';
import { priceChart } from '../../components/product-panel/price-chart';
import { drawPanel, type PanelView } from '../../components/product-panel/view';
import type { ProductOverview } from '../../utils/messages';
import { overviewOf, setUpPanelTests } from './overview';

setUpPanelTests();

const value = (name: string) => document.querySelector(`[data-lupa="${name}"]`)?.getAttribute('data-value') ?? null;
const text = (name: string) => document.querySelector(`[data-lupa="${name}"]`)?.textContent ?? null;
/** The panel drawn for `overview` in the page; `unmount` takes it away. */
function show(overview: ProductOverview, extra: Partial<PanelView> = {}) {
  const container = document.body.appendChild(document.createElement('div'));
  const section = container.appendChild(document.createElement('section'));
  drawPanel(section, {
    marketplace: 'wb',
    status: overview.state,
    overview,
    refreshing: false,
    floating: false,
    now: Date.now(),
    onRefresh: () => {},
    chart: (points, label) => priceChart({ points, label }),
    ...extra,
  });
  return { container, unmount: () => container.remove() };
}
const start = (options: Omit<Parameters<typeof startPanel>[1], 'marketplace' | 'floating'>) =>
  startPanel(document.body.appendChild(document.createElement('div')), { marketplace: 'wb', floating: false, ...options });

describe('product panel', () => {
  test('money figures carry kopecks and read as roubles', async () => {
    show(await overviewOf(0));
    expect(value('price-now')).toBe('134500');
    expect(text('price-now')).toBe('1\u00a0345\u00a0₽');
    expect(value('price-before')).toBe('299000');
    expect(text('discount')).toBe('−55%');
    expect(value('state')).toBe('fresh');
    expect(text('state')).toBe('Данные свежие');
  });

  test('the review distribution lists 5★ to 1★ with counts from the fixture', async () => {
    show(await overviewOf(4));
    const rows = [...document.querySelectorAll('[data-lupa="review-dist"]')].map((r) => [
      r.getAttribute('data-stars'),
      r.getAttribute('data-value'),
    ]);
    expect(rows).toEqual([
      ['5', '520'],
      ['4', '210'],
      ['3', '160'],
      ['2', '198'],
      ['1', '412'],
    ]);
  });

  test("the questions count sits beside the rating and reviews, as WB's questions API counts them", async () => {
    const o = await overviewOf(4);
    const { unmount } = show(o);
    expect(value('questions')).toBe('389');
    expect(text('questions')).toBe('389');
    expect(document.querySelector('[data-lupa="questions"]')?.parentElement?.textContent).toMatch(/Вопросы: 389/);
    unmount();
    // Not had (the questions API failed): shown as unknown, never as zero.
    show({ ...o, reviews: { ...o.reviews, summary: o.reviews.summary && { ...o.reviews.summary, questions: null } } });
    expect(value('questions')).toBe('');
    expect(text('questions')).toBe('—');
  });

  test('out of stock says so instead of a price', async () => {
    show(await overviewOf(3));
    expect(value('price-now')).toBe('');
    expect(text('price-now')).toBe('Нет в наличии');
    expect(value('stock-total')).toBe('0');
    expect(document.querySelector('[data-lupa="discount"]')).toBeNull();
  });

  test('a card without reviews says so and shows no share of negatives', async () => {
    show(await overviewOf(2));
    expect(screen.getByText('Отзывов пока нет')).toBeTruthy();
    expect(document.querySelector('[data-lupa="negative-share"]')).toBeNull();
    expect(value('rating')).toBe('');
  });

  test('HTML in a review is shown as text', async () => {
    const { container } = show(await overviewOf(5));
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<b>Ужасно</b>');
  });

  test('each problem state has its own message', async () => {
    const o = await overviewOf(0);
    for (const [status, words] of [
      ['offline', 'Нет связи'],
      ['blocked', 'пройти проверку'],
      ['format-changed', 'изменил формат'],
      ['not-found', 'не найден'],
      ['rate-limited', 'подождать'],
      ['token-expired', 'Обновите страницу'],
    ] as const) {
      const { unmount } = show(o, { status });
      expect(value('state')).toBe(status);
      expect(text('state')).toContain(words);
      unmount();
    }
  });

  test('sales: orders per day with its range and why it is not surer; unknown until there is history', async () => {
    const o = await overviewOf(0);
    const { unmount } = show({
      ...o,
      sales: { perDay: 9, low: 5.1, high: 12.9, confidence: 'medium', observedDays: 4, reasons: ['supplies'] },
    });
    expect(value('sales-per-day')).toBe('9');
    expect(value('sales-range')).toBe('5.1-12.9');
    expect(text('sales-per-day')).toBe('≈9 шт./день');
    expect(screen.getByText(/были поставки/)).toBeTruthy();
    unmount();
    show(o);
    expect(value('sales-per-day')).toBe('');
  });

  test("sales: corrected by the seller's own orders where a calibration exists, and said so; said uncalibrated otherwise", async () => {
    const o = await overviewOf(0);
    const sales = { perDay: 9, low: 5.1, high: 12.9, confidence: 'medium' as const, observedDays: 4, reasons: [] };
    const { unmount } = show({ ...o, sales });
    expect(value('sales-calibration')).toBe('');
    expect(text('sales-calibration')).toContain('не откалибрована');
    unmount();
    const { unmount: gone } = show({ ...o, sales, calibration: { factor: 1.35, items: 8, errorPct: 23, subject: null } });
    expect(value('sales-per-day')).toBe('12.2');
    expect(document.querySelector('[data-lupa="sales-per-day"]')?.getAttribute('data-raw')).toBe('9');
    expect(value('sales-range')).toBe('6.9-17.4');
    expect(value('sales-calibration')).toBe('1.35');
    expect(document.querySelector('[data-lupa="sales-calibration"]')?.getAttribute('data-items')).toBe('8');
    expect(text('sales-calibration')).toContain('откалибровано по 8 вашим товарам, ошибка ±23 %');
    gone();
    // From the own items of the card's own subject, where there are enough of them: said so.
    show({ ...o, sales, calibration: { factor: 0.8, items: 4, errorPct: 11, subject: 192 } });
    expect(value('sales-per-day')).toBe('7.2');
    expect(document.querySelector('[data-lupa="sales-calibration"]')?.getAttribute('data-subject')).toBe('192');
    expect(text('sales-calibration')).toContain('откалибровано по 4 вашим товарам этого предмета, ошибка ±11 %');
  });

  test('floating says why', async () => {
    show(await overviewOf(0), { floating: true });
    expect(screen.getByText(/панель показана поверх/)).toBeTruthy();
  });
});

describe('panel behaviour', () => {
  test('stale data shows at once, then refreshes in place', async () => {
    const fresh = await overviewOf(1);
    const stale = { ...fresh, state: 'stale' as const };
    const load = vi.fn(async (mode: string) => (mode === 'cached' ? stale : fresh));
    start({ load });
    await waitFor(() => expect(value('state')).toBe('fresh'));
    expect(load.mock.calls.map((c) => c[0])).toEqual(['cached', 'refresh']);
    expect(value('price-now')).toBe('459000');
  });

  test('a failed refresh keeps the figures and shows the problem', async () => {
    const fresh = await overviewOf(1);
    const offline: ProductOverview = { ...fresh, state: 'offline', product: null };
    const load = vi.fn(async (mode: string) => (mode === 'cached' ? fresh : offline));
    start({ load });
    await waitFor(() => expect(value('state')).toBe('fresh'));
    screen.getByRole('button', { name: 'Обновить' }).click();
    await waitFor(() => expect(value('state')).toBe('offline'));
    expect(value('price-now')).toBe('459000');
  });

  test('while a refresh runs the state says so and the button waits; the figures stay until the answer', async () => {
    const fresh = await overviewOf(1);
    let answer: (o: ProductOverview) => void = () => {};
    const load = vi.fn((mode: string) => (mode === 'cached' ? Promise.resolve(fresh) : new Promise<ProductOverview>((r) => (answer = r))));
    start({ load });
    await waitFor(() => expect(value('state')).toBe('fresh'));
    const button = screen.getByRole('button', { name: 'Обновить' }) as HTMLButtonElement;
    button.click();
    expect(text('state')).toBe('Обновляем…');
    expect(button.disabled).toBe(true);
    expect(value('price-now')).toBe('459000');
    answer({ ...fresh, product: fresh.product && { ...fresh.product, priceNow: 449000 } });
    await waitFor(() => expect(value('price-now')).toBe('449000'));
    expect(text('state')).toBe('Данные свежие');
    expect((screen.getByRole('button', { name: 'Обновить' }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("the page's wallet price shows as it changes; the figures under the price block are not drawn again", async () => {
    const fresh = await overviewOf(0);
    const panel = start({ load: async () => fresh, walletPrice: null });
    await waitFor(() => expect(value('state')).toBe('fresh'));
    expect(value('price-wallet')).toBeNull();
    const reviews = document.querySelector('[data-lupa="reviews"]');
    panel.setWalletPrice(129_900);
    expect(value('price-wallet')).toBe('129900');
    expect(text('price-wallet')).toContain('1\u00a0299\u00a0₽');
    expect(document.querySelector('[data-lupa="reviews"]')).toBe(reviews);
    expect(document.querySelectorAll('[data-lupa="price-min"]')).toHaveLength(1);
  });

  test('when the background cannot be reached the panel says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    start({ load: () => Promise.reject(new Error('Could not establish connection')) });
    await waitFor(() => expect(value('state')).toBe('lupa-unavailable'));
    expect(text('state')).toContain('перезагрузите страницу');
    warn.mockRestore();
  });
});
