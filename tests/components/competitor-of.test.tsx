// "Competitor of my item…" in plain DOM: the toggles are updated in place when the links are read
// again (the button the user pressed keeps its focus), and the count follows the links. (jsdom makes
// every event a script event; the user's own are played here by letting userOnly through.)
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { competitorOf } from '../../components/competitors/competitor-of';
import { DomPart } from '../../components/dom-part';
import type { ProductRef } from '../../utils/model';

vi.mock('../../components/by-user', async (original) => (await import('./user-events')).userOnlyWhenTrusted(original));

afterEach(cleanup);

const settle = () => act(async () => {});
const OWN = [
  { marketplace: 'wb' as const, id: '146972802', name: 'Футболка оверсайз из хлопка с принтом' },
  { marketplace: 'ozon' as const, id: '987654321', name: '' },
];

test('a toggle the user pressed is the same button afterwards, focused, and shows the link; the count follows', async () => {
  let linkedTo: ProductRef[] = [];
  const set = vi.fn(async (mine: ProductRef, linked: boolean) => {
    linkedTo = linked ? [...linkedTo, mine] : linkedTo.filter((r) => r.id !== mine.id);
  });
  const { container } = render(<DomPart draw={(into) => competitorOf(into, { get: async () => ({ own: OWN, linkedTo }), set })} />);
  await settle();
  await act(async () => (container.querySelector('[data-lupa="competitor-of-open"]') as HTMLElement).click());
  await settle();
  const row = container.querySelector('[data-lupa="competitor-of"]') as HTMLElement;
  expect(row.getAttribute('data-value')).toBe('0');
  const shirt = container.querySelector('[data-mine="wb:146972802"]') as HTMLButtonElement;
  expect(shirt.textContent).toBe('Футболка оверсайз из хлопка…');
  expect(shirt.title).toBe(OWN[0]?.name);
  expect(container.querySelector('[data-mine="ozon:987654321"]')?.textContent).toBe('#987654321');

  shirt.focus();
  await act(async () => shirt.click());
  await settle();
  expect(set).toHaveBeenLastCalledWith(OWN[0], true);
  expect(container.querySelector('[data-mine="wb:146972802"]')).toBe(shirt);
  expect(document.activeElement).toBe(shirt);
  expect(shirt.getAttribute('aria-pressed')).toBe('true');
  expect(shirt.className).toBe('lupa-on');
  expect(row.getAttribute('data-value')).toBe('1');

  await act(async () => shirt.click());
  await settle();
  expect(set).toHaveBeenLastCalledWith(OWN[0], false);
  expect(shirt.getAttribute('aria-pressed')).toBe('false');
  expect(row.getAttribute('data-value')).toBe('0');
});

test('with no own items marked there is nothing to show: no control in the DOM', async () => {
  const { container } = render(
    <DomPart draw={(into) => competitorOf(into, { get: async () => ({ own: [], linkedTo: [] }), set: vi.fn() })} />,
  );
  await settle();
  expect(container.querySelector('.lupa-dom-part')?.childNodes.length).toBe(0);
});
