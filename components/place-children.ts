// Puts a plain-DOM part's children in the given order without moving the ones already in place: an
// element taken out of the page, even for a moment, loses focus, so the controls a part keeps across
// redraws (an input being typed in, a button just pressed) stay where they are while the parts that
// show data around them are rebuilt. Children not in the list are removed.
import type { Child } from '../utils/content/dom';

export function placeChildren(parent: Element, children: ReadonlyArray<Child>): void {
  const wanted = children.flatMap((c) =>
    c === null || c === undefined || c === false ? [] : [typeof c === 'object' ? c : document.createTextNode(String(c))],
  );
  const keep = new Set<Node>(wanted);
  for (const node of [...parent.childNodes]) if (!keep.has(node)) node.remove();
  wanted.forEach((node, i) => {
    const at = parent.childNodes[i] ?? null;
    if (at !== node) parent.insertBefore(node, at);
  });
}
