// Where the charts chunk lives in the build and the global its IIFE leaves in the content script's
// isolated world (wxt.config.ts builds it; load.ts asks the background to inject it).
export const CHARTS_CHUNK = 'chunks/charts.js';
export const CHARTS_GLOBAL = '__lupaCharts';
