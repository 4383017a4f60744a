// Days of cover in the panel of an own item: over all warehouses and at the nearest one, each as the
// reply has it; nothing at all for an item Lupa has no stocks report of, or when the background
// does not answer.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { DomPart } from '../../components/dom-part';
import { ownCoverDays } from '../../components/supplies/panel';
import type { OwnCover } from '../../utils/supplies/protocol';

afterEach(cleanup);

const Cover = ({ load }: { load: () => Promise<OwnCover | null> }) => <DomPart draw={(into) => ownCoverDays(into, load)} />;
const settle = () => act(async () => {});

test('an own item: days over all warehouses, and at the nearest one with its id and name', async () => {
  const { container } = render(
    <Cover load={async () => ({ cover: 23.5, sells: true, nearest: { wh: 507, name: 'Коледино', cover: 4.2, hours: 30 } })} />,
  );
  await settle();
  const figure = container.querySelector('[data-lupa="own-cover-days"]') as HTMLElement;
  expect([figure.dataset.value, figure.dataset.nearest, figure.dataset.wh]).toEqual(['23.5', '4.2', '507']);
  expect(figure.textContent).toContain(' · Коледино: ');
  expect(figure.parentElement?.className).toBe('lupa-own-cover');
});

test('nothing sells and no nearest warehouse: the figure is empty-valued, without the nearest part', async () => {
  const { container } = render(<Cover load={async () => ({ cover: null, sells: false, nearest: null })} />);
  await settle();
  const figure = container.querySelector('[data-lupa="own-cover-days"]') as HTMLElement;
  expect([figure.dataset.value, figure.dataset.nearest, figure.dataset.wh]).toEqual(['', '', '']);
  expect(figure.textContent).not.toContain(' · ');
});

test("a competitor's item, or no answer: nothing in the DOM", async () => {
  const { container } = render(
    <>
      <Cover load={async () => null} />
      <Cover load={() => Promise.reject(new Error('no receiver'))} />
    </>,
  );
  await settle();
  expect([...container.querySelectorAll('.lupa-dom-part')].map((el) => el.innerHTML)).toEqual(['', '']);
});
