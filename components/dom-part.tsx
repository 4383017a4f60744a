// A plain-DOM part (a product panel section's control, components/parts.ts) inside one of Lupa's
// React pages: the popup shows the same control as the panel, from the same code. A new `key` on
// the element draws it afresh; leaving the page's tree unmounts it.
import { useEffect, useRef } from 'react';
import type { DrawnSection } from './parts';

export function DomPart({ draw }: { draw: (into: HTMLElement) => DrawnSection | undefined }) {
  const into = useRef<HTMLDivElement>(null);
  const drawRef = useRef(draw);
  useEffect(() => {
    if (!into.current) return;
    const drawn = drawRef.current(into.current);
    return () => {
      drawn?.unmount?.();
      into.current?.replaceChildren();
    };
  }, []);
  return <div ref={into} className="lupa-dom-part" />;
}
