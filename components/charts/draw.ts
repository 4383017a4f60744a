// The charts themselves (chart.js, only the parts they use). Built on its own as `chunks/charts.js`
// (wxt.config.ts) and loaded by load.ts when a chart is first drawn: chart.js is about half of
// what a storefront content script would otherwise carry onto every marketplace page.
// No React here, and nothing that needs the extension's APIs: the chunk is a plain ES module.
import { CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { formatRub } from '../../utils/money';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend);

const day = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit' });

/** Something drawn on a canvas that must be destroyed with it. */
export interface Drawn {
  destroy(): void;
}

/** Price history, stepped (a price holds until the next point). Prices in kopecks. */
export function drawPriceChart(
  context: CanvasRenderingContext2D,
  points: ReadonlyArray<{ at: number; price: number }>,
  label: string,
): Drawn {
  return new Chart(context, {
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
}

const COLORS = ['#7b2cbf', '#e0245e', '#1b7f3b', '#f5a524', '#0077b6', '#5c5c70'];

/** Position over time, one line per query; position 1 at the top, as a seller reads it. */
/** One position check as the chart needs it (the positions feature's rows fit this). */
export interface PositionPoint {
  at: number;
  query: string;
  organic: number | null;
  depth: number;
}

export function drawPositionsChart(context: CanvasRenderingContext2D, rows: readonly PositionPoint[], queries: readonly string[]): Drawn {
  const times = rows.map((r) => r.at);
  // One scan alone still gets a readable day either side.
  const pad = Math.max(...times) === Math.min(...times) ? 86_400_000 : 0;
  return new Chart(context, {
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
}
