import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ReplyOf } from '../../utils/messages';

type Watchlist = ReplyOf<'getWatchlist'>;
const asked: Array<[string, unknown]> = [];
let reply: Watchlist;
vi.mock('../../utils/messaging', () => ({
  ask: async (name: string, data: unknown) => {
    asked.push([name, data]);
    if (name === 'getWatchlist') return reply;
    if (name === 'markTasksRead') return { open: 0 };
    throw new Error(`unexpected ${name}`);
  },
}));
const { watchlistPopup } = await import('../../components/watchlist/popup');

const NOW = Date.now();
const task = (kind: Watchlist['tasks'][number]['kind'], i: number) => ({
  key: `wb:${i}:${kind}`,
  marketplace: 'wb' as const,
  id: String(1000 + i),
  name: `Товар ${i}`,
  kind,
  at: NOW - i * 60_000,
  from: 100_000,
  to: 90_000,
  read: 0 as const,
});
const row = (i: number): Watchlist['watchlist'][number] => ({
  marketplace: 'wb',
  id: String(1000 + i),
  role: i % 2 ? 'competitor' : 'mine',
  name: `Товар ${i}`,
  priceNow: i % 10 === 9 ? null : 100_000 + i,
  rating: 4.5,
  fetchedAt: NOW,
  priceChange: i % 3 ? -500 : null,
  salesPerDay: i % 4 ? 2.5 : null,
  notFoundAt: i === 2 ? NOW - 86_400_000 : null,
});

beforeEach(() => {
  asked.length = 0;
  reply = {
    tasks: [
      ...Array.from({ length: 20 }, (_, i) => task('price-move', i)),
      ...Array.from({ length: 2 }, (_, i) => task('stock-low', 100 + i)),
    ],
    taskCounts: [
      { kind: 'price-move', count: 1000 },
      { kind: 'stock-low', count: 2 },
    ],
    lastRefresh: {
      runId: '1',
      resumed: false,
      finishedAt: NOW - 3_600_000,
      checked: 1000,
      changed: 142,
      notFound: 20,
      problems: 1,
      problem: 'server',
      complete: true,
    },
    nextRefreshAt: NOW + 7_200_000,
    watchlist: Array.from({ length: 1000 }, (_, i) => row(i)),
  };
});
afterEach(cleanup);

const { Tasks, Section } = watchlistPopup as Required<typeof watchlistPopup>;
const value = (el: ParentNode, selector: string) => el.querySelector(selector)?.getAttribute('data-value');

test('tasks come grouped by kind: each kind with its count, its newest three, and "more" for the rest it has', async () => {
  let generation = 1;
  const { container } = render(
    <ul>
      <Tasks generation={generation++} reload={() => {}} failed={() => {}} />
    </ul>,
  );
  await waitFor(() => expect(container.querySelectorAll('[data-lupa="task-count"]')).toHaveLength(2));
  expect(value(container, '[data-lupa="task-count"][data-kind="price-move"]')).toBe('1000');
  expect(value(container, '[data-lupa="task-count"][data-kind="stock-low"]')).toBe('2');
  const shown = (kind: string) =>
    [...container.querySelectorAll(`[data-lupa="task"][data-kind="${kind}"]`)].map((t) => t.getAttribute('data-nm'));
  expect(shown('price-move')).toEqual(['1000', '1001', '1002']);
  expect(shown('stock-low')).toEqual(['1100', '1101']);
  fireEvent.click(container.querySelector('.lupa-task-group button:not([data-lupa])') as HTMLElement);
  expect(shown('price-move')).toHaveLength(20);
  expect(container.textContent).toContain('…и ещё 980');
});

test('"done" on a kind closes all of its open tasks, and "done" under the list every kind', async () => {
  const reload = vi.fn();
  const { container } = render(
    <ul>
      <Tasks generation={10} reload={reload} failed={() => {}} />
    </ul>,
  );
  await waitFor(() => expect(container.querySelector('[data-lupa="task-kind-done"][data-kind="stock-low"]')).not.toBeNull());
  fireEvent.click(container.querySelector('[data-lupa="task-kind-done"][data-kind="stock-low"]') as HTMLElement);
  await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
  expect(asked.filter(([name]) => name === 'markTasksRead')).toEqual([['markTasksRead', { keys: [], kinds: ['stock-low'] }]]);
  fireEvent.click(container.querySelector('[data-lupa="tasks-done"]') as HTMLElement);
  await waitFor(() => expect(reload).toHaveBeenCalledTimes(2));
  expect(asked.at(-1)).toEqual(['markTasksRead', { keys: [], kinds: ['price-move', 'stock-low'] }]);
});

test('the watched products: a few rows in the page of a thousand, each with its figures; the last refresh and the next', async () => {
  const { container } = render(<Section generation={20} reload={() => {}} failed={() => {}} />);
  await waitFor(() => expect(container.querySelector('[data-lupa="watch-row"]')).not.toBeNull());
  expect(value(container, '[data-lupa="watch-list"]')).toBe('1000');
  const rows = [...container.querySelectorAll('[data-lupa="watch-row"]')];
  expect(rows.length).toBeLessThan(30);
  for (const el of rows) {
    const r = reply.watchlist.find((w) => w.id === el.getAttribute('data-nm'));
    expect(r).toBeDefined();
    expect(el.getAttribute('data-value')).toBe(r?.priceNow === null ? '' : String(r?.priceNow));
    expect(value(el, '[data-lupa="watch-change"]')).toBe(r?.priceChange === null ? '' : String(r?.priceChange));
    expect(value(el, '[data-lupa="sales-per-day"]')).toBe(r?.salesPerDay === null ? '' : String(r?.salesPerDay));
    expect(value(el, '[data-lupa="watch-not-found"]')).toBe(r?.notFoundAt === null ? undefined : String(r?.notFoundAt));
  }
  expect(container.querySelector('[data-nm="1002"] [data-lupa="watch-not-found"]')?.textContent).toMatch(/^не найден с /);
  expect(value(container, '[data-lupa="refresh-checked"]')).toBe('1000');
  expect(value(container, '[data-lupa="refresh-changed"]')).toBe('142');
  expect(value(container, '[data-lupa="refresh-not-found"]')).toBe('20');
  expect(value(container, '[data-lupa="refresh-problems"]')).toBe('1');
  expect(container.querySelector('[data-lupa="refresh-problems"]')?.getAttribute('data-problem')).toBe('server');
  expect(value(container, '[data-lupa="refresh-at"]')).toBe(String(NOW - 3_600_000));
  expect(value(container, '[data-lupa="refresh-next"]')).toBe(String(NOW + 7_200_000));
  // Opening the popup asks for the list and nothing else (no writes from the page).
  expect(asked.map(([name]) => name)).toEqual(['getWatchlist']);
});

test('watched Ozon cards left unread for want of an Ozon tab are counted apart from the problems, with what to do', async () => {
  reply = { ...reply, lastRefresh: { ...reply.lastRefresh!, problems: 0, problem: null, skipped: 3 } };
  const { container, unmount } = render(<Section generation={25} reload={() => {}} failed={() => {}} />);
  await waitFor(() => expect(container.querySelector('[data-lupa="refresh-skipped"]')).not.toBeNull());
  expect(value(container, '[data-lupa="refresh-skipped"]')).toBe('3');
  expect(container.querySelector('[data-lupa="refresh-skipped"]')?.textContent).toContain('откройте любую страницу ozon.ru');
  expect(container.querySelector('[data-lupa="refresh-problems"]')?.getAttribute('data-problem')).toBe('');
  expect(container.textContent).not.toMatch(/офлайн|нет сети/i);
  unmount();
});

test('before the first refresh the list says so, and an empty list says how to fill it', async () => {
  reply = { ...reply, lastRefresh: null, nextRefreshAt: null };
  const { container, unmount } = render(<Section generation={30} reload={() => {}} failed={() => {}} />);
  await waitFor(() => expect(container.textContent).toContain('Список ещё не обновлялся.'));
  expect(container.querySelector('[data-lupa="refresh-next"]')).toBeNull();
  unmount();
  reply = { ...reply, watchlist: [] };
  const empty = render(<Section generation={31} reload={() => {}} failed={() => {}} />);
  await waitFor(() => expect(empty.container.textContent).toContain('Список пуст'));
  expect(empty.container.querySelector('[data-lupa="watch-list"]')).toBeNull();
});
