// moveKeepingFocus (utils/content/keep-focus.ts): Lupa's hosts move beside the page's markup as the
// page renders; the field the seller is typing in keeps the focus and the caret across the move.
import { afterEach, expect, test } from 'vitest';
import { h, shadowHost } from '../../utils/content/dom';
import { moveKeepingFocus } from '../../utils/content/keep-focus';

afterEach(() => document.body.replaceChildren());

/** A panel-like host in a shadow root with a field and a button, floating at the end of the body. */
function floatingHost() {
  const { host, root } = shadowHost('lupa-test-host', '');
  const field = h('input', { value: 'футболка оверсайз' });
  const button = h('button', null, 'Сравнить');
  root.append(field, button);
  const block = h('div', { className: 'price-block' });
  document.body.append(block, h('p', null, 'страница'), host);
  return { host, root, field, button, block };
}

test('a plain move takes the focus away (what the helper is for)', () => {
  const { host, root, field, block } = floatingHost();
  field.focus();
  expect(root.activeElement).toBe(field);
  block.after(host);
  expect(root.activeElement).toBeNull();
});

test('the focused field keeps the focus and its caret when the host moves beside the price block', () => {
  const { host, root, field, block } = floatingHost();
  field.focus();
  field.setSelectionRange(3, 8);
  moveKeepingFocus(host, () => block.after(host));
  expect(block.nextElementSibling).toBe(host);
  expect(root.activeElement).toBe(field);
  expect([field.selectionStart, field.selectionEnd]).toEqual([3, 8]);
  expect(field.value).toBe('футболка оверсайз');
});

test('a focused button keeps the focus; with nothing of Lupa focused, the page keeps its own', () => {
  const first = floatingHost();
  first.button.focus();
  moveKeepingFocus(first.host, () => first.block.after(first.host));
  expect(first.root.activeElement).toBe(first.button);

  const pageField = h('input');
  document.body.append(pageField);
  pageField.focus();
  moveKeepingFocus(first.host, () => document.body.append(first.host));
  expect(document.activeElement).toBe(pageField);
  expect(first.root.activeElement).toBeNull();
});
