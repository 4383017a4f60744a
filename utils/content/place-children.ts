// Puts a plain-DOM part's children in place on a redraw without moving the ones that stay: a node
// taken out of the document and put back loses focus (and a field its caret), so a redraw that
// rebuilt everything with replaceChildren would take the user's place in a field or on a button.
import type { Child } from './dom';

/**
 * Makes `children` the parent's children, in this order: nodes not among them are removed, new ones
 * inserted, and those already there in this order are not touched. Text is put as text nodes.
 */
export function placeChildren(parent: Node, children: ReadonlyArray<Child | readonly Child[]>): void {
  const wanted = children
    .flat()
    .filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false)
    .map((c) => (typeof c === 'object' ? c : document.createTextNode(String(c))));
  const kept = new Set(wanted);
  for (const node of [...parent.childNodes]) if (!kept.has(node)) node.remove();
  let at = parent.firstChild;
  for (const node of wanted) {
    if (node === at) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
}
