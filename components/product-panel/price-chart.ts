// Price history as a chart, in two steps. First a plain SVG step line, drawn at once with the panel:
// nothing to load, so a product page pays nothing for it. When the user points at it (or focuses
// it) it becomes the chart.js chart with axes and tooltips; chart.js comes in a chunk loaded then
// (charts/load.ts), so neither the content scripts nor the page's first seconds carry it.
import { h, s } from '../../utils/content/dom';
import { formatRub } from '../../utils/money';
import { drawWhenLoaded } from '../charts/use-chart';

export interface PriceChartProps {
  points: ReadonlyArray<{ at: number; price: number }>;
  label: string;
}

const WIDTH = 300;
const HEIGHT = 130;
/** Room for the price labels on the left and the dates below. */
const PLOT = { left: 64, right: 6, top: 8, bottom: 18 } as const;

const dayMonth = (at: number) => {
  const d = new Date(at);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** The step line's path: a price holds until the next point. */
export function stepPath(points: PriceChartProps['points']): { line: string; area: string; min: number; max: number } | null {
  if (points.length === 0) return null;
  const prices = points.map((p) => p.price);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const first = points[0]?.at ?? 0;
  const span = (points[points.length - 1]?.at ?? first) - first;
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (at: number) => PLOT.left + (span > 0 ? ((at - first) / span) * plotW : plotW / 2);
  const y = (price: number) => PLOT.top + (max > min ? ((max - price) / (max - min)) * plotH : plotH / 2);
  let line = '';
  points.forEach((p, i) => {
    const px = x(p.at).toFixed(1);
    const py = y(p.price).toFixed(1);
    line += i === 0 ? `M${px} ${py}` : `H${px}V${py}`;
  });
  // A single point still shows as a short level line.
  if (points.length === 1) line += `H${(x(first) + 8).toFixed(1)}`;
  const bottom = (HEIGHT - PLOT.bottom).toFixed(1);
  const area = `${line}V${bottom}H${x(first).toFixed(1)}Z`;
  return { line, area, min, max };
}

function quickChart(points: PriceChartProps['points'], label: string, onDetail: () => void): HTMLButtonElement {
  const path = stepPath(points);
  const first = points[0];
  const last = points[points.length - 1];
  const svg = s(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, 'aria-hidden': 'true' },
    path &&
      first &&
      last && [
        s('path', { d: path.area, class: 'lupa-quick-chart__area' }),
        s('path', { d: path.line, class: 'lupa-quick-chart__line' }),
        s('text', { x: PLOT.left - 4, y: PLOT.top + 8, 'text-anchor': 'end' }, formatRub(path.max)),
        path.max !== path.min && s('text', { x: PLOT.left - 4, y: HEIGHT - PLOT.bottom, 'text-anchor': 'end' }, formatRub(path.min)),
        s('text', { x: PLOT.left, y: HEIGHT - 4 }, dayMonth(first.at)),
        last.at !== first.at && s('text', { x: WIDTH - PLOT.right, y: HEIGHT - 4, 'text-anchor': 'end' }, dayMonth(last.at)),
      ],
  );
  // The detailed chart comes on pointing, focusing or clicking: a button says so to every reader.
  const button = h('button', { type: 'button', class: 'lupa-quick-chart', 'aria-label': label }, svg);
  for (const event of ['pointerenter', 'focus', 'click']) button.addEventListener(event, onDetail, { once: true });
  return button;
}

export interface DrawnPriceChart {
  element: HTMLElement;
  /** Ends the detailed chart (chart.js holds resize observers and animation frames). */
  dispose(): void;
}

/** The price-history figure: the quick step line, then, on pointing, the chart.js chart of the same points. */
export function priceChart({ points, label }: PriceChartProps): DrawnPriceChart {
  const element = h('div', {
    class: 'lupa-price-chart',
    'data-lupa': 'price-chart',
    'data-value': points.length > 0 ? points.length : null,
  });
  let stop: (() => void) | null = null;
  const detail = () => {
    if (element.hasAttribute('data-detailed')) return;
    element.setAttribute('data-detailed', '');
    const canvas = h('canvas', { width: WIDTH, height: HEIGHT, role: 'img', 'aria-label': label });
    element.replaceChildren(canvas);
    const context = canvas.getContext('2d');
    if (context && points.length > 0) stop = drawWhenLoaded((charts) => charts.drawPriceChart(context, points, label));
  };
  element.append(quickChart(points, label, detail));
  return {
    element,
    dispose() {
      stop?.();
      stop = null;
    },
  };
}
