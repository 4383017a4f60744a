// placeChildren (utils/content/place-children.ts): a plain-DOM part's redraw that keeps the nodes
// that stay where they are — a node taken out and put back loses focus and a field its caret.
import { expect, test } from 'vitest';
import { h } from '../../utils/content/dom';
import { placeChildren } from '../../utils/content/place-children';

test('nodes that stay are not moved; the others come and go in the order asked; text is text', () => {
  const field = h('input');
  const button = h('button', null, 'ok');
  const old = h('p', null, 'было');
  const parent = h('div', null, h('h3', null, 'заголовок'), old, field, button);
  document.body.append(parent);
  field.focus();
  const observer = new MutationObserver(() => {});
  observer.observe(parent, { childList: true });

  const fresh = h('p', null, 'стало');
  placeChildren(parent, [fresh, null, false, field, ['<b>текст</b>', button], undefined]);
  const moved = observer.takeRecords().flatMap((r) => [...r.removedNodes]);
  observer.disconnect();

  expect([...parent.childNodes].map((n) => n.textContent)).toEqual(['стало', '', '<b>текст</b>', 'ok']);
  expect(parent.children[1]).toBe(field);
  expect(parent.querySelector('b')).toBeNull();
  expect(moved).not.toContain(field);
  expect(moved).not.toContain(button);
  expect(moved).toContain(old);
  expect(document.activeElement).toBe(field);
  parent.remove();
});
