// The plain-DOM builder of Lupa's page UI and the mutation filter its page observers share.
import { expect, test } from 'vitest';
import { h, onlyLupaAdded, s } from '../../utils/content/dom';

test('h builds text as text, skips empty children, and leaves out false and null attributes', () => {
  const el = h(
    'p',
    { class: 'lupa-note', hidden: false, title: null, 'data-value': 0, disabled: true },
    '<b>не разметка</b>',
    null,
    false,
    3,
    [h('span', null, 'x')],
  );
  expect(el.outerHTML).toBe('<p class="lupa-note" data-value="0" disabled="">&lt;b&gt;не разметка&lt;/b&gt;3<span>x</span></p>');
  expect(s('path', { d: 'M0 0' }).namespaceURI).toBe('http://www.w3.org/2000/svg');
});

/** The records one change gives an observer of the body (taken before they are delivered). */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true, subtree: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  expect(records.length).toBeGreaterThan(0);
  return records;
}

test("a burst that only added Lupa's hosts is Lupa's; the page's own change or a removal is not", () => {
  const tile = document.body.appendChild(document.createElement('article'));
  expect(onlyLupaAdded(recordsOf(() => tile.append(document.createElement('lupa-tile-badge'))))).toBe(true);
  expect(onlyLupaAdded(recordsOf(() => tile.append(document.createElement('div'))))).toBe(false);
  const badge = tile.querySelector('lupa-tile-badge') as Element;
  expect(onlyLupaAdded(recordsOf(() => badge.remove()))).toBe(false);
  expect(
    onlyLupaAdded(
      recordsOf(() => {
        tile.append(document.createElement('lupa-product-panel'));
        tile.append(document.createTextNode('цена'));
      }),
    ),
  ).toBe(false);
});
