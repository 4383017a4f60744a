import { expect, test } from 'vitest';
import { rowAt, rowOffsets, rowsInView } from '../../components/virtual-window';

test("each row's top is the sum of the heights above it; the last offset is the list's height", () => {
  expect(rowOffsets([])).toEqual([0]);
  expect(rowOffsets([28, 28, 40, 10])).toEqual([0, 28, 56, 96, 106]);
});

test('the row at a height is the last one starting at or above it', () => {
  const offsets = rowOffsets([28, 28, 40, 10]);
  expect(rowAt(offsets, 0)).toBe(0);
  expect(rowAt(offsets, 27)).toBe(0);
  expect(rowAt(offsets, 28)).toBe(1);
  expect(rowAt(offsets, 95)).toBe(2);
  expect(rowAt(offsets, 96)).toBe(3);
  expect(rowAt(offsets, 10_000)).toBe(3);
  expect(rowAt(rowOffsets([]), 50)).toBe(0);
});

test('a thousand rows of 28 px in a 280 px box: ten in view, with the overscan on each side', () => {
  const offsets = rowOffsets(Array.from({ length: 1000 }, () => 28));
  expect(rowsInView(offsets, 0, 280, 6)).toEqual({ first: 0, end: 16 });
  // Scrolled to row 500 exactly: rows 500–509 are in view.
  expect(rowsInView(offsets, 500 * 28, 280, 6)).toEqual({ first: 494, end: 516 });
  // Half a row in: row 510 shows its top part too.
  expect(rowsInView(offsets, 500 * 28 + 14, 280, 0)).toEqual({ first: 500, end: 511 });
  // At the bottom, and beyond it (an overscrolled box), the last rows.
  expect(rowsInView(offsets, 990 * 28, 280, 6)).toEqual({ first: 984, end: 1000 });
  expect(rowsInView(offsets, 2_000_000, 280, 6)).toEqual({ first: 993, end: 1000 });
});

test('rows of different heights: the view holds those that cross it; a short list is all in view', () => {
  const offsets = rowOffsets([100, 20, 20, 20, 300, 20]);
  expect(rowsInView(offsets, 110, 100, 0)).toEqual({ first: 1, end: 5 });
  expect(rowsInView(offsets, 170, 50, 1)).toEqual({ first: 3, end: 6 });
  expect(rowsInView(rowOffsets([28, 28]), 0, 280, 6)).toEqual({ first: 0, end: 2 });
  expect(rowsInView(rowOffsets([]), 0, 280, 6)).toEqual({ first: 0, end: 0 });
});
