// Draw once the charts chunk is here, unless the component went away first; returns the cleanup.
import type { Drawn } from './draw';
import { loadCharts } from './load';

export function drawWhenLoaded(draw: (charts: Awaited<ReturnType<typeof loadCharts>>) => Drawn): () => void {
  let drawn: Drawn | null = null;
  let gone = false;
  loadCharts()
    .then((charts) => {
      if (!gone) drawn = draw(charts);
    })
    .catch((error: unknown) => console.warn('[lupa] chart:', error instanceof Error ? error.message : error));
  return () => {
    gone = true;
    drawn?.destroy();
  };
}
