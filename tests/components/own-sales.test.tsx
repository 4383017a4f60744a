// "Мои продажи" in the panel: nothing for another seller's item; for an own item nothing of the
// seller's numbers in the DOM until the user's own click, then each figure as the reply has it. The
// button is updated in place (the element the user pressed stays) and comes back after a problem.
// (jsdom makes every event a script event; the user's own events are played by letting userOnly
// through, `user.trusted = false` plays a page script's.)
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { DomPart } from '../../components/dom-part';
import { ownSalesSection } from '../../components/own-numbers/own-sales';
import ru from '../../public/_locales/ru/messages.json';
import { CATALOGUE_GLOBAL } from '../../utils/content/i18n';
import { t } from '../../utils/i18n';
import type { OwnSalesReply } from '../../utils/own-numbers/protocol';
import { user } from './user-events';

// The panel's text comes from the page's copy of the catalogue (no dictionary in a chunk): the
// Russian one here, so that what the button says can be read.
(globalThis as Record<string, unknown>)[CATALOGUE_GLOBAL] = new Map(Object.entries(ru).map(([key, entry]) => [key, entry.message]));

vi.mock('../../components/by-user', async (original) => (await import('./user-events')).userOnlyWhenTrusted(original));

afterEach(() => {
  cleanup();
  user.trusted = true;
});

const settle = () => act(async () => {});
const DAY = 20_420;
const ok: OwnSalesReply = {
  state: 'ok',
  sales: {
    day: DAY,
    at: DAY * 86_400_000,
    ordersPerDay7: 12.4,
    ordersPerDay30: 9.1,
    buyoutPct: 78.5,
    revenue7: 15_432_100,
    funnel7: { views: 5321, cart: 402, orders: 87 },
    week: { buyouts: 61, returns: 4, forPay: 9_876_500 },
  },
  problem: null,
};
const Sales = ({ load }: { load: (reveal: boolean) => Promise<OwnSalesReply> }) => <DomPart draw={(into) => ownSalesSection(into, load)} />;
const figure = (name: string) => document.querySelector(`[data-lupa="${name}"]`)?.getAttribute('data-value');
const OWN_FIGURES =
  '[data-lupa^="own-orders"], [data-lupa="own-buyout-pct"], [data-lupa="own-revenue-7d"], [data-lupa="own-funnel"], [data-lupa$="-7d"]';

test("another seller's item: no section at all", async () => {
  const { container } = render(<Sales load={async () => ({ state: 'not-own' })} />);
  await settle();
  expect(container.querySelector('.lupa-dom-part')?.innerHTML).toBe('');
});

test("an own item: nothing of the seller's numbers until the user's click; a script's click shows nothing", async () => {
  const load = vi.fn(async (reveal: boolean): Promise<OwnSalesReply> => (reveal ? ok : { state: 'own' }));
  const { container } = render(<Sales load={load} />);
  await settle();
  const button = container.querySelector('[data-lupa="own-sales-show"]') as HTMLButtonElement;
  expect(button).not.toBeNull();
  expect(container.querySelectorAll(OWN_FIGURES)).toHaveLength(0);
  expect(container.innerHTML).not.toContain('87');

  user.trusted = false;
  fireEvent.click(button);
  await settle();
  expect(load).not.toHaveBeenCalledWith(true);
  expect(container.querySelectorAll(OWN_FIGURES)).toHaveLength(0);

  user.trusted = true;
  fireEvent.click(button);
  await waitFor(() => expect(figure('own-orders-7d')).toBe('12.4'));
  expect(load).toHaveBeenCalledWith(true);
  expect(
    ['own-orders-30d', 'own-buyout-pct', 'own-revenue-7d', 'own-funnel', 'own-buyouts-7d', 'own-returns-7d', 'own-for-pay-7d'].map(figure),
  ).toEqual(['9.1', '78.5', '15432100', '87', '61', '4', '9876500']);
  const funnel = container.querySelector('[data-lupa="own-funnel"]') as HTMLElement;
  expect([funnel.dataset.views, funnel.dataset.cart, funnel.dataset.orders]).toEqual(['5321', '402', '87']);
  // The button is gone once the figures show.
  expect(container.querySelector('[data-lupa="own-sales-show"]')).toBeNull();
});

test('the button says it is reading while the reply comes, and is the same button again after a problem', async () => {
  let release: (r: OwnSalesReply) => void = () => {};
  const load = vi.fn((reveal: boolean) =>
    reveal ? new Promise<OwnSalesReply>((resolve) => (release = resolve)) : Promise.resolve<OwnSalesReply>({ state: 'own' }),
  );
  const { container } = render(<Sales load={load} />);
  await settle();
  const button = container.querySelector('[data-lupa="own-sales-show"]') as HTMLButtonElement;
  expect(button.textContent).toBe(t('ownSalesShow'));
  fireEvent.click(button);
  expect(button.disabled).toBe(true);
  expect(button.textContent).toBe(t('ownSalesBusy'));
  await act(async () => release({ state: 'problem', problem: { kind: 'offline' } }));
  expect(container.querySelector('[data-lupa="own-sales-show"]')).toBe(button);
  expect(button.disabled).toBe(false);
  expect(button.textContent).toBe(t('ownSalesShow'));
  expect(container.querySelectorAll('[data-lupa="own-sales"] .lupa-note')).toHaveLength(1);
  expect(container.querySelectorAll(OWN_FIGURES)).toHaveLength(0);
});
