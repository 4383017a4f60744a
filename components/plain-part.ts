// A plain-DOM part (components/parts.ts) drawn once its data has loaded. Parts that keep controls
// across redraws put their children with placeChildren (utils/content/place-children.ts).
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
