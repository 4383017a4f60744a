// Loads the charts chunk (draw.ts, built to CHARTS_CHUNK by wxt.config.ts) once, on first use.
// A content script cannot share code-split chunks, so the chunk is a web-accessible ES module that
// the content script imports by its extension URL; extension pages import it the same way.
import { browser } from 'wxt/browser';

export const CHARTS_CHUNK = 'chunks/charts.js';

type Charts = typeof import('./draw');

let charts: Promise<Charts> | null = null;

export function loadCharts(): Promise<Charts> {
  charts ??= (import(/* @vite-ignore */ browser.runtime.getURL(`/${CHARTS_CHUNK}` as '/')) as Promise<Charts>).catch((error: unknown) => {
    charts = null; // an updated or reloaded extension: let the next chart try again
    throw error;
  });
  return charts;
}
