// The positions section in plain DOM (components/positions/positions-section.ts): the figures it
// shows equal those of the answer, the query being typed survives every redraw (same field, same
// focus, same text), a script's typing is undone, the scan's progress is asked for every POLL_MS
// while it runs and no more once it ended or the section went away, and the popup draws the same
// table. (jsdom makes every event a script event, so the user's own are played by letting userOnly
// through.)
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { DomPart } from '../../components/dom-part';
import { POLL_MS, type PositionsApi, positionsSection } from '../../components/positions/positions-section';
import { t } from '../../utils/i18n';
import type { PositionsReply, ScanStatus } from '../../utils/positions/protocol';
import type { PositionRow } from '../../utils/positions/tables';
import { user } from './user-events';

vi.mock('../../components/by-user', async (original) => (await import('./user-events')).userOnlyWhenTrusted(original));
const tracked: Array<{ marketplace: 'wb'; productId: string; name: string; queries: string[]; rows: PositionRow[] }> = [];
vi.mock('../../utils/messaging', () => ({
  ask: async (name: string) => {
    if (name === 'getTrackedPositions') return { products: tracked };
    throw new Error(`unexpected ${name}`);
  },
}));

const NM = '146972802';
const MOSCOW = -1257786;
const KAZAN = 12358062;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 9);
const row = (query: string, at: number, organic: number | null, extra: Partial<PositionRow> = {}): PositionRow => ({
  marketplace: 'wb',
  productId: NM,
  query,
  region: MOSCOW,
  at,
  organic,
  ad: null,
  cpm: null,
  page: organic === null ? null : Math.ceil(organic / 100),
  depth: 10,
  ...extra,
});
const scan = (state: ScanStatus['state'], done: number, total = 10): ScanStatus => ({
  state,
  done,
  total,
  startedAt: T0 + DAY,
  finishedAt: state === 'running' ? null : T0 + DAY + 5_000,
  problem: null,
});
const answer = (over: Partial<PositionsReply> = {}): PositionsReply => ({
  queries: ['футболка оверсайз', 'футболка женская хлопок'],
  suggestions: ['футболка с принтом'],
  rows: [row('футболка оверсайз', T0, 612), row('футболка женская хлопок', T0, null), row('футболка оверсайз', T0 + DAY, 582, { ad: 3 })],
  scan: scan('done', 10),
  region: MOSCOW,
  regions: [],
  regionRows: [],
  ...over,
});

function fakeApi(first: PositionsReply): PositionsApi & { [K in keyof PositionsApi]: ReturnType<typeof vi.fn> } {
  let current = first;
  return {
    get: vi.fn(async () => current),
    setQueries: vi.fn(async (queries: string[]) => {
      current = { ...current, queries };
      return current;
    }),
    start: vi.fn(async () => scan('running', 0)),
    cancel: vi.fn(async () => scan('cancelled', 3)),
    addRegion: vi.fn(async () => {
      current = { ...current, regions: [{ dest: KAZAN, name: 'Казань, ул. Баумана, 44' }] };
      return current;
    }),
    removeRegion: vi.fn(async () => current),
  } as never;
}

const settle = () => act(async () => {});
const value = (root: ParentNode, selector: string) => root.querySelector(selector)?.getAttribute('data-value');
const input = (root: ParentNode) => root.querySelector('[data-lupa="position-query-input"]') as HTMLInputElement;
/** The user types: the field's value, then its input event. */
const type = (field: HTMLInputElement, text: string) => fireEvent.input(field, { target: { value: text } });

beforeEach(() => {
  // jsdom draws no canvas: the chart's figure is there, its drawing is the browser's (e2e).
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  user.trusted = true;
  tracked.length = 0;
});

test('shows the answer’s positions: organic, ad, page, the change since the check before, the chart’s scans', async () => {
  const api = fakeApi(answer());
  const { container } = render(<DomPart draw={(into) => positionsSection(into, { productId: NM, api })} />);
  await settle();
  const tshirt = container.querySelector('tr[data-query="футболка оверсайз"]') as HTMLElement;
  expect(value(tshirt, '[data-lupa="position-organic"]')).toBe('582');
  expect(tshirt.querySelector('[data-lupa="position-organic"]')?.getAttribute('data-nm')).toBe(NM);
  expect(value(tshirt, '[data-lupa="position-ad"]')).toBe('3');
  expect(value(tshirt, '[data-lupa="position-page"]')).toBe('6');
  expect(value(tshirt, '[data-lupa="position-change"]')).toBe('30');
  expect(tshirt.querySelector('[data-lupa="position-change"]')?.textContent).toBe('↑30');
  const women = container.querySelector('tr[data-query="футболка женская хлопок"]') as HTMLElement;
  expect(value(women, '[data-lupa="position-organic"]')).toBe('');
  expect(women.querySelector('[data-lupa="position-organic"]')?.textContent).toBe(t('posNotFound', 1000));
  expect(women.querySelector('[data-lupa="position-change"]')).toBeNull();
  expect(value(container, '[data-lupa="position-chart"]')).toBe('2');
  expect(value(container, '[data-lupa="scan-state"]')).toBe('done');
  expect(container.querySelector('[data-lupa="scan-progress"]')).toBeNull();
  expect(container.querySelector('[data-lupa="position-regions"]')).toBeNull();
});

test('the query typed stays in the same field, focused, while the section redraws around it', async () => {
  const api = fakeApi(answer());
  const { container } = render(<DomPart draw={(into) => positionsSection(into, { productId: NM, api })} />);
  await settle();
  const field = input(container);
  field.focus();
  type(field, 'футболка оверс');
  // A redraw: the user adds a region (the tables, chips and chart are rebuilt).
  await act(async () => (container.querySelector('[data-lupa="position-region-add"]') as HTMLElement).click());
  await settle();
  expect(value(container, '[data-lupa="position-regions"]')).toBe('1');
  expect(input(container)).toBe(field);
  expect(document.activeElement).toBe(field);
  expect(field.value).toBe('футболка оверс');

  // Added: the draft is saved and the field emptied; a refused save keeps it.
  type(field, 'футболка оверсайз мужская');
  await act(async () => (container.querySelector('button[type="submit"]') as HTMLElement).click());
  await settle();
  expect(api.setQueries).toHaveBeenLastCalledWith(['футболка оверсайз', 'футболка женская хлопок', 'футболка оверсайз мужская']);
  expect(container.querySelector('tr[data-query="футболка оверсайз мужская"]')).not.toBeNull();
  expect(field.value).toBe('');
  api.setQueries.mockRejectedValueOnce(Object.assign(new Error('full'), { name: 'LupaStorageFull' }));
  type(field, 'футболка хлопок');
  await act(async () => (container.querySelector('button[type="submit"]') as HTMLElement).click());
  await settle();
  expect(container.querySelector('.lupa-positions > p.lupa-note')?.textContent).toBe(t('storageFull'));
  expect(input(container)).toBe(field);
  expect(field.value).toBe('футболка хлопок');
});

test('a script’s typing is undone and its clicks add nothing', async () => {
  const api = fakeApi(answer());
  const { container } = render(<DomPart draw={(into) => positionsSection(into, { productId: NM, api })} />);
  await settle();
  const field = input(container);
  type(field, 'футболка');
  user.trusted = false;
  type(field, 'купить дёшево');
  expect(field.value).toBe('футболка');
  fireEvent.change(field, { target: { value: 'купить дёшево' } });
  expect(field.value).toBe('футболка');
  await act(async () => (container.querySelector('button[type="submit"]') as HTMLElement).click());
  await act(async () => (container.querySelector('[data-lupa="position-suggestion"]') as HTMLElement).click());
  await act(async () => (container.querySelector('[data-lupa="scan-start"]') as HTMLElement).click());
  expect(api.setQueries).not.toHaveBeenCalled();
  expect(api.start).not.toHaveBeenCalled();
});

test('asks for the scan’s progress every POLL_MS while it runs, and no more once it ended or the section went away', async () => {
  vi.useFakeTimers();
  const api = fakeApi(answer({ scan: null }));
  const { container, unmount } = render(<DomPart draw={(into) => positionsSection(into, { productId: NM, api })} />);
  await settle();
  const start = container.querySelector('[data-lupa="scan-start"]') as HTMLButtonElement;
  expect(start.disabled).toBe(false);
  expect(container.querySelector('[data-lupa="scan-state"]')).toBeNull();

  api.get.mockResolvedValue(answer({ scan: scan('running', 2) }));
  await act(async () => start.click());
  await settle();
  expect(api.start).toHaveBeenCalledTimes(1);
  const progress = container.querySelector('[data-lupa="scan-progress"]') as HTMLProgressElement;
  expect(progress.getAttribute('data-value')).toBe('2');
  expect(progress.getAttribute('data-total')).toBe('10');
  expect(container.querySelector('[data-lupa="scan-start"]')).toBeNull();
  expect(container.querySelector('[data-lupa="scan-cancel"]')).not.toBeNull();
  const asked = api.get.mock.calls.length;

  api.get.mockResolvedValue(answer({ scan: scan('running', 7) }));
  await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
  expect(api.get).toHaveBeenCalledTimes(asked + 1);
  expect(container.querySelector('[data-lupa="scan-progress"]')).toBe(progress);
  expect(progress.getAttribute('data-value')).toBe('7');
  expect(progress.value).toBe(7);

  api.get.mockResolvedValue(answer());
  await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
  expect(value(container, '[data-lupa="scan-state"]')).toBe('done');
  expect(container.querySelector('[data-lupa="scan-progress"]')).toBeNull();
  expect(container.querySelector('[data-lupa="scan-start"]')).toBe(start);
  await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 5));
  expect(api.get).toHaveBeenCalledTimes(asked + 2);

  // Running again, then the section goes away: no more asking.
  api.get.mockResolvedValue(answer({ scan: scan('running', 1) }));
  await act(async () => start.click());
  await settle();
  await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
  const before = api.get.mock.calls.length;
  unmount();
  await vi.advanceTimersByTimeAsync(POLL_MS * 5);
  expect(api.get).toHaveBeenCalledTimes(before);
});

test('an answer that does not come says the section is unavailable', async () => {
  const api = fakeApi(answer());
  api.get.mockRejectedValue(new Error('no answer'));
  const { container } = render(<DomPart draw={(into) => positionsSection(into, { productId: NM, api })} />);
  await settle();
  expect(container.querySelector('[data-lupa="positions"]')).toBeNull();
  expect(container.querySelector('p.lupa-note')?.textContent).toBe(t('sectionUnavailable'));
});

test('the popup draws the same table for each tracked product', async () => {
  tracked.push({ marketplace: 'wb', productId: NM, name: 'Футболка оверсайз из хлопка', queries: answer().queries, rows: answer().rows });
  const { positionsPopup } = await import('../../components/positions/popup');
  const Section = positionsPopup.Section as NonNullable<typeof positionsPopup.Section>;
  const { container } = render(<Section generation={0} reload={() => {}} failed={() => {}} />);
  const product = await waitFor(() => {
    const found = container.querySelector(`[data-lupa="tracked-product"][data-nm="${NM}"]`);
    if (!found?.querySelector('table')) throw new Error('not drawn yet');
    return found;
  });
  expect(value(product, '[data-lupa="position-organic"]')).toBe('582');
  expect(value(product, '[data-lupa="position-change"]')).toBe('30');
  expect(value(product, '[data-lupa="position-page"]')).toBe('6');
  // No remove button in the popup: it only reads.
  expect(product.querySelector('button')).toBeNull();
});
