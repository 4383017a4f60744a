// Position over time, one line per query (drawn by charts/draw.ts, loaded on first use).
import { useEffect, useRef } from 'react';
import type { PositionRow } from '../../utils/positions/tables';
import { drawWhenLoaded } from '../charts/use-chart';

export function PositionsChart({ rows, queries }: { rows: readonly PositionRow[]; queries: readonly string[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scans = new Set(rows.map((r) => r.at)).size;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || rows.length === 0) return;
    return drawWhenLoaded((charts) => charts.drawPositionsChart(context, rows, queries));
  }, [rows, queries]);
  return (
    <div data-lupa="position-chart" data-value={scans}>
      <canvas ref={canvas} width={300} height={140} role="img" aria-label="Позиции по запросам" />
    </div>
  );
}
