// A plain-DOM part (a product panel section's control or figures, components/parts.ts) inside one
// of Lupa's React pages: the popup shows the same control as the panel, from the same code. It is
// drawn once, and afresh when one of `deps` changes (or the element gets a new `key`); leaving the
// page's tree unmounts it. Its element is a div, or a span where it stands inside a line of text
// (a <p>: a div there is not HTML).
import { useEffect, useRef } from 'react';
import type { DrawnSection } from './parts';

export function DomPart({
  draw,
  deps = [],
  as: Tag = 'div',
}: {
  draw: (into: HTMLElement) => DrawnSection | undefined;
  deps?: readonly unknown[];
  as?: 'div' | 'span';
}) {
  const into = useRef<HTMLDivElement & HTMLSpanElement>(null);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  useEffect(() => {
    const element = into.current;
    if (!element) return;
    const drawn = drawRef.current(element);
    return () => {
      drawn?.unmount?.();
      element.replaceChildren();
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: drawn afresh exactly when the caller's deps change
  }, deps);
  return <Tag ref={into} className="lupa-dom-part" />;
}
