import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { VirtualList } from '../../components/VirtualList';

afterEach(cleanup);

const items = Array.from({ length: 1000 }, (_, i) => ({ id: String(i) }));
const list = () =>
  render(
    <VirtualList data-testid="list" items={items} itemKey={(item) => item.id} estimate={28} height={280} overscan={6}>
      {(item, index) => (
        <div className="row" data-id={item.id} data-index={index}>
          {item.id}
        </div>
      )}
    </VirtualList>,
  );
const rendered = (container: HTMLElement) => [...container.querySelectorAll('.row')].map((r) => Number(r.getAttribute('data-id')));

test('a thousand rows: the page holds the ten in view and a few more, in a box as tall as the whole list', () => {
  const { container, getByTestId } = list();
  expect(rendered(container)).toEqual(Array.from({ length: 16 }, (_, i) => i));
  const box = getByTestId('list');
  expect(box.style.maxHeight).toBe('280px');
  expect((box.firstElementChild as HTMLElement).style.height).toBe(`${1000 * 28}px`);
});

test('scrolling brings the rows at the new place and lets the others go', () => {
  const { container, getByTestId } = list();
  const box = getByTestId('list');
  box.scrollTop = 500 * 28;
  fireEvent.scroll(box);
  expect(rendered(container)).toEqual(Array.from({ length: 22 }, (_, i) => 494 + i));
  // The band of rows sits where row 494 is.
  expect((box.querySelector(':scope > div > div') as HTMLElement).style.transform).toBe(`translateY(${494 * 28}px)`);
  box.scrollTop = 1000 * 28;
  fireEvent.scroll(box);
  expect(rendered(container).at(-1)).toBe(999);
});
