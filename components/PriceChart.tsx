// Price history as a line chart (chart.js, only the parts we use, so the content script stays small).
import { CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatRub } from '../utils/money';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip);

const day = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit' });

export interface PriceChartProps {
  points: ReadonlyArray<{ at: number; price: number }>;
  label: string;
}

export function PriceChart({ points, label }: PriceChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || points.length === 0) return;
    const chart = new Chart(context, {
      type: 'line',
      data: {
        datasets: [
          {
            label,
            data: points.map((p) => ({ x: p.at, y: p.price / 100 })),
            borderColor: '#7b2cbf',
            backgroundColor: 'rgba(123, 44, 191, 0.08)',
            fill: true,
            stepped: 'before',
            // Few points (a new product, Ozon's first visits): draw them, a line needs two.
            pointRadius: points.length < 8 ? 3 : 0,
            borderWidth: 2,
          },
        ],
      },
      options: {
        animation: false,
        responsive: false,
        parsing: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => day.format(items[0]?.parsed.x ?? 0),
              label: (item) => formatRub(Math.round((item.parsed.y ?? 0) * 100)),
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: points[0]?.at,
            max: points[points.length - 1]?.at,
            ticks: { maxTicksLimit: 5, callback: (v) => day.format(Number(v)) },
          },
          y: { ticks: { maxTicksLimit: 4, callback: (v) => formatRub(Number(v) * 100) } },
        },
      },
    });
    return () => chart.destroy();
  }, [points, label]);
  return <canvas ref={canvas} width={300} height={130} role="img" aria-label={label} />;
}
