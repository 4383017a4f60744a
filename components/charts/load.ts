// Loads the charts chunk (draw.ts, built to CHARTS_CHUNK by wxt.config.ts) once, on first use.
// A content script is one file that cannot share code-split chunks, and an `import()` of an
// extension URL would need the chunk to be web-accessible (pages could then probe for Lupa) and is
// flagged by web-ext lint. So the background injects the chunk into this content script's own
// isolated world (scripting.executeScript), where it leaves its exports on CHARTS_GLOBAL.
import { ask } from '../../utils/content/messaging';
import { CHARTS_GLOBAL } from './chunk';

type Charts = typeof import('./draw');

let charts: Promise<Charts> | null = null;

export function loadCharts(): Promise<Charts> {
  const present = (globalThis as Record<string, unknown>)[CHARTS_GLOBAL] as Charts | undefined;
  if (present) return Promise.resolve(present);
  charts ??= ask('injectCharts', {})
    .then(() => {
      const loaded = (globalThis as Record<string, unknown>)[CHARTS_GLOBAL] as Charts | undefined;
      if (!loaded) throw new Error('charts chunk did not load');
      return loaded;
    })
    .catch((error: unknown) => {
      charts = null; // an updated or reloaded extension: let the next chart try again
      throw error;
    });
  return charts;
}
