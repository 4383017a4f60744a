// Which rows of a long list to render: the arithmetic behind VirtualList, kept pure so it is tested
// on its own. Rows may differ in height; a row not measured yet counts at an estimate.

/** Each row's top, from the rows' heights: `offsets[i]` is the sum of the heights before row i; the last entry is the total. */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = (offsets[i] as number) + (heights[i] as number);
  return offsets;
}

/** The index of the row at `y` (the last row whose top is at or above it); 0 for an empty list. */
export function rowAt(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] as number) <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The rows to render for a viewport `height` tall scrolled to `top`: `[first, end)`, with
 * `overscan` more on each side so a short scroll shows rows already there.
 */
export function rowsInView(offsets: readonly number[], top: number, height: number, overscan: number): { first: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, end: 0 };
  const first = rowAt(offsets, Math.max(0, top));
  const last = rowAt(offsets, Math.max(0, top + height - 1));
  return { first: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}
