// Price history as a line chart. chart.js itself comes in a chunk loaded on first draw
// (charts/load.ts), so the storefront content scripts stay small.
import { useEffect, useRef } from 'react';
import { drawWhenLoaded } from './charts/use-chart';

export interface PriceChartProps {
  points: ReadonlyArray<{ at: number; price: number }>;
  label: string;
}

export function PriceChart({ points, label }: PriceChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || points.length === 0) return;
    return drawWhenLoaded((charts) => {
      const drawn = charts.drawPriceChart(context, points, label);
      // The chart arrives after the figures; e2e reads that it came, and with how many points.
      context.canvas.dataset.value = String(points.length);
      return drawn;
    });
  }, [points, label]);
  return <canvas ref={canvas} data-lupa="price-chart" width={300} height={130} role="img" aria-label={label} />;
}
