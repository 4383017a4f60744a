// Loads the charts chunk (draw.ts, built to chunks/charts.js by wxt.config.ts) once, on first use:
// chart.js is about half of what a storefront would otherwise carry onto every marketplace page.
import { loadChunk } from '../../utils/chunks/load';

type Charts = typeof import('./draw');

export function loadCharts(): Promise<Charts> {
  return loadChunk<Charts>('charts');
}
