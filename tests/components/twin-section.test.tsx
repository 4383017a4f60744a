// Linking a twin from the panel: the section must always let the user link, say what happens while
// the background reads the twin, and never wait on an answer that is not coming. (jsdom makes every
// event a script event, which the section ignores: components/by-user.ts; the user's own events
// are played here by letting userOnly through.)
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { DomPart } from '../../components/dom-part';
import type { DrawnSection } from '../../components/parts';
import { type TwinApi, twinSection } from '../../components/twins/twin-section';
import type { TwinReply } from '../../utils/twins/protocol';

vi.mock('../../components/by-user', async (original) => (await import('./user-events')).userOnlyWhenTrusted(original));

afterEach(cleanup);

const OZON_URL = 'https://www.ozon.ru/product/naushniki-besprovodnye-tws-pro-s-shumopodavleniem-987654321/';
const UNLINKED: TwinReply = { twin: null, state: null, linkedId: null };
const LINKED: TwinReply = {
  twin: { marketplace: 'ozon', id: '987654321', name: 'Наушники', priceNow: 289_900, rating: 4.5, reviewCount: 1532, fetchedAt: 1 },
  state: 'fresh',
  linkedId: '987654321',
};

const input = () => document.querySelector('[data-lupa="twin-input"]') as HTMLInputElement | null;
const submit = () => document.querySelector('[data-lupa="twin"] button[type="submit"]') as HTMLButtonElement;

function link(text: string) {
  fireEvent.change(input()!, { target: { value: text } });
  fireEvent.click(submit());
}

test('when the first read fails, the section still offers the link form and says Lupa did not answer', async () => {
  const api: TwinApi = { get: vi.fn(() => Promise.reject(new Error('Receiving end does not exist'))), set: vi.fn(async () => LINKED) };
  render(<DomPart draw={(into) => twinSection(into, { marketplace: 'wb', priceNow: 189_000, api })} />);
  await waitFor(() => expect(input()).not.toBeNull());
  expect(screen.getByRole('status').textContent).toMatch(/Lupa не отвечает/);
  link(OZON_URL);
  await waitFor(() => expect(document.querySelector('[data-lupa="twin-price"]')?.getAttribute('data-value')).toBe('289900'));
  expect(document.querySelector('[role="status"]')).toBeNull();
});

test('while the twin is read the button is busy, and a second submit asks nothing more', async () => {
  let answer: (reply: TwinReply) => void = () => undefined;
  const set = vi.fn(() => new Promise<TwinReply>((resolve) => (answer = resolve)));
  render(<DomPart draw={(into) => twinSection(into, { marketplace: 'wb', priceNow: 189_000, api: { get: async () => UNLINKED, set } })} />);
  await waitFor(() => expect(input()).not.toBeNull());
  link(OZON_URL);
  await waitFor(() => expect(submit().disabled).toBe(true));
  fireEvent.click(submit());
  expect(set).toHaveBeenCalledTimes(1);
  await act(async () => answer(LINKED));
  expect(document.querySelector('[data-lupa="twin-price"]')?.getAttribute('data-value')).toBe('289900');
});

test('what is not a product of the other marketplace is refused at once, without asking the background', async () => {
  const set = vi.fn(async () => UNLINKED);
  render(<DomPart draw={(into) => twinSection(into, { marketplace: 'wb', priceNow: 189_000, api: { get: async () => UNLINKED, set } })} />);
  await waitFor(() => expect(input()).not.toBeNull());
  link('футболка');
  expect(screen.getByRole('status').textContent).toMatch(/Не похоже на товар Ozon/);
  link('https://www.wildberries.ru/catalog/146972802/detail.aspx');
  expect(set).not.toHaveBeenCalled();
});

test('a link the background could not make says Lupa did not answer, not that the input was wrong', async () => {
  const set = vi.fn(() => Promise.reject(new Error('The message port closed before a response was received.')));
  render(<DomPart draw={(into) => twinSection(into, { marketplace: 'wb', priceNow: 189_000, api: { get: async () => UNLINKED, set } })} />);
  await waitFor(() => expect(input()).not.toBeNull());
  link(OZON_URL);
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Lupa не отвечает/));
  expect(submit().disabled).toBe(false);
});

/** The section drawn with the panel's props, and the handle the panel keeps to update it. */
function drawLinked(api: TwinApi = { get: async () => LINKED, set: vi.fn(async () => LINKED) }) {
  const drawn: { section?: DrawnSection } = {};
  render(<DomPart draw={(into) => (drawn.section = twinSection(into, { marketplace: 'wb', priceNow: 189_000, api }))} />);
  const update = (priceNow: number | null) =>
    act(() => drawn.section?.update?.({ marketplace: 'wb', id: '255012877', priceNow, name: 'Наушники TWS Pro' }));
  return { update };
}
const figureValue = (name: string) => document.querySelector(`[data-lupa="${name}"]`)?.getAttribute('data-value');

test("a new price of this product (the panel's refresh) redraws the difference; the unlink button stays where it was", async () => {
  const { update } = drawLinked();
  await waitFor(() => expect(figureValue('twin-diff')).toBe('53.4'));
  const unlink = document.querySelector('[data-lupa="twin-unlink"]') as HTMLButtonElement;
  unlink.focus();
  update(310_000);
  expect(figureValue('twin-diff')).toBe(String(Math.round(((289_900 - 310_000) / 310_000) * 1000) / 10));
  expect(document.querySelector('[data-lupa="twin-diff"]')?.className).toBe('lupa-bad');
  expect(document.querySelector('[data-lupa="twin-diff"]')?.textContent).toBe('(-6,5%)');
  expect(figureValue('twin-price')).toBe('289900');
  expect(document.querySelector('[data-lupa="twin-unlink"]')).toBe(unlink);
  expect(document.activeElement).toBe(unlink);
  // Out of stock here: no difference to show, none in the DOM.
  update(null);
  expect(document.querySelector('[data-lupa="twin-diff"]')).toBeNull();
  expect(figureValue('twin-price')).toBe('289900');
});

test('what the user typed stays in the same field, with its focus, through a refused link and a new price', async () => {
  const { update } = drawLinked({ get: async () => UNLINKED, set: vi.fn(async () => UNLINKED) });
  await waitFor(() => expect(input()).not.toBeNull());
  const field = input() as HTMLInputElement;
  field.focus();
  fireEvent.input(field, { target: { value: 'футболка' } });
  fireEvent.click(submit());
  expect(screen.getByRole('status').textContent).toMatch(/Не похоже на товар Ozon/);
  update(200_000);
  expect(input()).toBe(field);
  expect(field.value).toBe('футболка');
  expect(document.activeElement).toBe(field);
});

test('after a link is made and unmade the field is empty again, and the same one', async () => {
  let reply = UNLINKED;
  const set = vi.fn(async (twin: string | null) => (reply = twin === null ? UNLINKED : LINKED));
  render(<DomPart draw={(into) => twinSection(into, { marketplace: 'wb', priceNow: 189_000, api: { get: async () => reply, set } })} />);
  await waitFor(() => expect(input()).not.toBeNull());
  const field = input() as HTMLInputElement;
  link(OZON_URL);
  await waitFor(() => expect(figureValue('twin-price')).toBe('289900'));
  expect(input()).toBeNull();
  expect(document.querySelector('[data-lupa="twin"] form')).toBeNull();
  fireEvent.click(document.querySelector('[data-lupa="twin-unlink"]') as HTMLElement);
  await waitFor(() => expect(input()).toBe(field));
  expect(field.value).toBe('');
  expect(set).toHaveBeenLastCalledWith(null);
  expect(document.querySelector('[data-lupa="twin-price"]')).toBeNull();
});
