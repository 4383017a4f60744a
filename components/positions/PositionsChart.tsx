// Position over time, one line per query; position 1 at the top, as a seller reads it.
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { PositionRow } from '../../utils/model';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

const COLORS = ['#7b2cbf', '#e0245e', '#1b7f3b', '#f5a524', '#0077b6', '#5c5c70'];
const day = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit' });

export function PositionsChart({ rows, queries }: { rows: readonly PositionRow[]; queries: readonly string[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scans = new Set(rows.map((r) => r.at)).size;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || rows.length === 0) return;
    const times = rows.map((r) => r.at);
    // One scan alone still gets a readable day either side.
    const pad = Math.max(...times) === Math.min(...times) ? 86_400_000 : 0;
    const chart = new Chart(context, {
      type: 'line',
      data: {
        datasets: queries.map((query, i) => ({
          label: query,
          // Not found within the depth: drawn at the bottom of the scale, not left out.
          data: rows.filter((r) => r.query === query).map((r) => ({ x: r.at, y: r.organic ?? r.depth * 100 })),
          borderColor: COLORS[i % COLORS.length],
          backgroundColor: COLORS[i % COLORS.length],
          pointRadius: 3,
          borderWidth: 2,
        })),
      },
      options: {
        animation: false,
        responsive: false,
        parsing: false,
        plugins: { legend: { labels: { boxWidth: 10, font: { size: 10 } } } },
        scales: {
          x: {
            type: 'linear',
            min: Math.min(...times) - pad,
            max: Math.max(...times) + pad,
            ticks: { maxTicksLimit: 4, callback: (v) => day.format(Number(v)) },
          },
          y: { reverse: true, min: 1, ticks: { maxTicksLimit: 4, precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [rows, queries]);
  return (
    <div data-lupa="position-chart" data-value={scans}>
      <canvas ref={canvas} width={300} height={140} role="img" aria-label="Позиции по запросам" />
    </div>
  );
}
