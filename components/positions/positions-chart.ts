// Position over time, one line per query (drawn by charts/draw.ts, loaded on first use). Figure:
// position-chart (data-value: the number of scans drawn). Plain DOM: the caller disposes it when it
// draws another or goes away.
import { h } from '../../utils/content/dom';
import type { PositionRow } from '../../utils/positions/tables';
import { drawWhenLoaded } from '../charts/use-chart';

export function positionsChart(rows: readonly PositionRow[], queries: readonly string[]): { element: HTMLElement; dispose: () => void } {
  const scans = new Set(rows.map((r) => r.at)).size;
  const canvas = h('canvas', { width: 300, height: 140, role: 'img', 'aria-label': 'Позиции по запросам' });
  const element = h('div', { 'data-lupa': 'position-chart', 'data-value': scans }, canvas);
  const context = canvas.getContext('2d');
  const dispose = context && rows.length > 0 ? drawWhenLoaded((charts) => charts.drawPositionsChart(context, rows, queries)) : () => {};
  return { element, dispose };
}
