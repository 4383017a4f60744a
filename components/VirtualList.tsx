// A long list that renders only the rows in view (and a few around them): the DOM holds the same
// few dozen rows whether the list has ten items or a thousand. The list scrolls in its own box, at
// most `height` tall. Rows may differ in height and change it (a row that opens a form): each
// rendered row is measured, and until then counts at `estimate`. A row above the view that turns
// out taller or shorter moves the scroll position with it, so what the user looks at stays put.
import { Fragment, type HTMLAttributes, type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { rowOffsets, rowsInView } from './virtual-window';

export interface VirtualListProps<T> extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  items: readonly T[];
  /** A stable key per item: measured heights are kept by it. */
  itemKey: (item: T) => string;
  /** A row's height in px until it is measured. */
  estimate: number;
  /** The box's height at most, px. */
  height: number;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  /** One row: a single element (its height is what the list measures). */
  children: (item: T, index: number) => ReactNode;
}

export function VirtualList<T>({ items, itemKey, estimate, height, overscan = 6, children, style, ...rest }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const band = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [top, setTop] = useState(0);
  const [measured, setMeasured] = useState(0);
  const keys = useMemo(() => items.map(itemKey), [items, itemKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `measured` is when the heights (a ref) changed
  const offsets = useMemo(() => rowOffsets(keys.map((k) => heights.current.get(k) ?? estimate)), [keys, estimate, measured]);
  const { first, end } = rowsInView(offsets, top, height, overscan);
  const total = offsets[offsets.length - 1] ?? 0;

  /** Reads the rendered rows' heights; when any changed, lays the list out again. */
  const measure = useRef(() => {});
  measure.current = () => {
    const rows = band.current?.children;
    const box = scroller.current;
    if (!rows || !box) return;
    let changed = false;
    let shift = 0;
    for (let i = 0; i < rows.length; i++) {
      const key = keys[first + i];
      const h = (rows[i] as HTMLElement).offsetHeight;
      if (key === undefined || h <= 0) continue; // no layout (hidden, or a test's DOM)
      const was = heights.current.get(key) ?? estimate;
      if (h === was) continue;
      heights.current.set(key, h);
      changed = true;
      if ((offsets[first + i] as number) + was <= box.scrollTop) shift += h - was;
    }
    if (!changed) return;
    if (shift !== 0) box.scrollTop += shift;
    setMeasured((n) => n + 1);
  };
  useLayoutEffect(() => measure.current());
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined' || !band.current) return;
    const observer = new ResizeObserver(() => measure.current());
    observer.observe(band.current);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={scroller}
      {...rest}
      style={{ ...style, maxHeight: height, overflowY: 'auto', overflowAnchor: 'none' }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: total, position: 'relative' }}>
        <div ref={band} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${offsets[first] ?? 0}px)` }}>
          {items.slice(first, end).map((item, i) => (
            <Fragment key={keys[first + i]}>{children(item, first + i)}</Fragment>
          ))}
        </div>
      </div>
    </div>
  );
}
