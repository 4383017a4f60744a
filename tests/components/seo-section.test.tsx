// The SEO section: what it offers before asking, what it shows of an answer, and that a slow
// earlier answer never replaces a newer one. (jsdom makes every event a script event; the user's
// own events are played here by letting userOnly through; `user.trusted = false` plays a page script's.)
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { DomPart } from '../../components/dom-part';
import { seoSection, titleQuery } from '../../components/seo-gaps/seo-section';
import type { SeoGapsReply } from '../../utils/seo-gaps/protocol';
import { user } from './user-events';

vi.mock('../../components/by-user', async (original) => (await import('./user-events')).userOnlyWhenTrusted(original));

afterEach(() => {
  cleanup();
  user.trusted = true;
});

const Seo = ({ title, compare }: { title?: string; compare: (query: string) => Promise<SeoGapsReply> }) => (
  <DomPart draw={(into) => seoSection(into, { title, compare })} />
);

const reply = (query: string, over: Partial<SeoGapsReply> = {}): SeoGapsReply => ({
  query,
  rivals: 10,
  skipped: 1,
  minCount: 3,
  missing: [
    { key: 'унисекс', word: 'унисекс', phrase: false, count: 7 },
    { key: 'плотн трикотаж', word: 'плотный трикотаж', phrase: true, count: 4 },
  ],
  unique: [{ key: 'антипиллинг', word: 'антипиллинг' }],
  problem: null,
  ...over,
});
const q = (sel: string) => document.querySelectorAll(`[data-lupa="${sel}"]`);
const input = () => q('seo-query-input')[0] as HTMLInputElement;
const compareButton = () => q('seo-compare')[0] as HTMLButtonElement;

test('the query a buyer would type is offered from the title', () => {
  expect(titleQuery('Футболка оверсайз из хлопка с принтом')).toBe('футболка оверсайз');
  expect(titleQuery('Наушники TWS-Pro 5.3, с микрофоном')).toBe('наушники tws-pro');
  render(<Seo title="Кроссовки мужские летние" compare={vi.fn()} />);
  expect(input().value).toBe('кроссовки мужские');
});

test('an answer: cards compared, each missing word with how many use it, phrases apart, the words only this card has', async () => {
  const compare = vi.fn(async (query: string) => reply(query));
  render(<Seo title="Футболка оверсайз" compare={compare} />);
  fireEvent.click(compareButton());
  await waitFor(() => expect(q('seo-rivals')).toHaveLength(1));
  expect(compare).toHaveBeenCalledWith('футболка оверсайз');
  const rivals = q('seo-rivals')[0] as HTMLElement;
  expect([rivals.dataset.value, rivals.dataset.query, rivals.dataset.skipped, rivals.dataset.min]).toEqual([
    '10',
    'футболка оверсайз',
    '1',
    '3',
  ]);
  expect(
    [...q('seo-missing')].map((el) => [el.getAttribute('data-value'), el.getAttribute('data-count'), el.getAttribute('data-phrase')]),
  ).toEqual([
    ['унисекс', '7', 'false'],
    ['плотный трикотаж', '4', 'true'],
  ]);
  expect([...q('seo-unique')].map((el) => el.getAttribute('data-value'))).toEqual(['антипиллинг']);
});

test('a problem is said in words and shows no figures; an empty query asks nothing', async () => {
  const compare = vi.fn(async (query: string) => reply(query, { rivals: 0, missing: [], unique: [], problem: 'blocked' }));
  render(<Seo compare={compare} />);
  fireEvent.click(compareButton());
  expect(compare).not.toHaveBeenCalled();
  fireEvent.change(input(), { target: { value: 'наушники' } });
  fireEvent.click(compareButton());
  await waitFor(() => expect(document.querySelector('.lupa-note')).not.toBeNull());
  expect(q('seo-rivals')).toHaveLength(0);
});

test('a slow first answer does not replace the second', async () => {
  let releaseFirst: (r: SeoGapsReply) => void = () => {};
  const compare = vi
    .fn<(query: string) => Promise<SeoGapsReply>>()
    .mockImplementationOnce(() => new Promise((resolve) => (releaseFirst = resolve)))
    .mockImplementationOnce(async (query) => reply(query));
  render(<Seo title="Футболка оверсайз" compare={compare} />);
  fireEvent.click(compareButton());
  fireEvent.change(input(), { target: { value: 'футболка женская' } });
  fireEvent.click(compareButton());
  await waitFor(() => expect((q('seo-rivals')[0] as HTMLElement | undefined)?.dataset.query).toBe('футболка женская'));
  await act(async () => releaseFirst(reply('футболка оверсайз')));
  expect((q('seo-rivals')[0] as HTMLElement).dataset.query).toBe('футболка женская');
});

test("a page script's typing and clicks change nothing: the field shows the user's draft again, and only it is compared", async () => {
  const compare = vi.fn(async (query: string) => reply(query));
  render(<Seo title="Футболка оверсайз" compare={compare} />);
  user.trusted = false;
  fireEvent.input(input(), { target: { value: 'чужой запрос' } });
  expect(input().value).toBe('футболка оверсайз');
  fireEvent.change(input(), { target: { value: 'чужой запрос' } });
  expect(input().value).toBe('футболка оверсайз');
  fireEvent.click(compareButton());
  expect(compare).not.toHaveBeenCalled();
  // A value set without an event is no draft either.
  input().value = 'чужой запрос';
  user.trusted = true;
  fireEvent.click(compareButton());
  await waitFor(() => expect(q('seo-rivals')).toHaveLength(1));
  expect(compare).toHaveBeenCalledWith('футболка оверсайз');
});

test('the field is drawn once: an answer arriving keeps what the user typed and where the focus is', async () => {
  let release: (r: SeoGapsReply) => void = () => {};
  const compare = vi.fn(() => new Promise<SeoGapsReply>((resolve) => (release = resolve)));
  render(<Seo title="Футболка оверсайз" compare={compare} />);
  const field = input();
  fireEvent.click(compareButton());
  await waitFor(() => expect(document.querySelector('.lupa-seo > p.lupa-muted')).not.toBeNull());
  field.focus();
  fireEvent.input(field, { target: { value: 'футболка женская' } });
  await act(async () => release(reply('футболка оверсайз')));
  expect(q('seo-rivals')).toHaveLength(1);
  expect(document.querySelector('.lupa-seo > p.lupa-muted')).toBeNull();
  expect(input()).toBe(field);
  expect(document.activeElement).toBe(field);
  expect(field.value).toBe('футболка женская');
});
