// Helpers for plain-DOM parts (components/parts.ts): a part drawn once its data has loaded, and for
// parts that hold what the user is doing — a part redraws the elements that show data, never the
// field the user types in or the button they just pressed.
import { loadOnce } from './load-once';
import type { DrawnSection } from './parts';

/**
 * A part drawn once its data is loaded: `make` turns the answer into the part's element, or into
 * nothing (null: not in the DOM at all); `failed` says what shows when there is no answer.
 */
export function drawLoaded<T>(
  into: HTMLElement,
  load: () => Promise<T>,
  make: (value: T) => Element | null,
  failed: () => Element | null = () => null,
): DrawnSection {
  let drawn: Element | null = null;
  const draw = (node: Element | null) => {
    drawn = node;
    if (node) into.append(node);
  };
  const stop = loadOnce(
    load,
    (value) => draw(make(value)),
    () => draw(failed()),
  );
  return {
    unmount() {
      stop();
      drawn?.remove();
    },
  };
}

/**
 * Replaces whatever follows `anchor` in its parent with `nodes`: the data shown below a form or a
 * button is rebuilt while the form or button itself (its focus, its text) stays where it is.
 */
export function redrawAfter(anchor: Node, ...nodes: Array<Node | null | undefined | false>): void {
  while (anchor.nextSibling) anchor.nextSibling.remove();
  const parent = anchor.parentNode;
  for (const node of nodes) if (node) parent?.appendChild(node);
}
