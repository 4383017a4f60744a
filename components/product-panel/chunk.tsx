// The panel chunk (utils/chunks/table.ts: `panel`, built to chunks/panel.js): React and the panel's
// sections, injected by the background into the storefront content script's world when the page
// is idle (watch.ts). It takes over the shadow root the core drew the first figures in, and starts
// from the core's first answer: no second request, no figure shown twice with two values.
import { createRoot } from 'react-dom/client';
import { ask } from '../../utils/content/messaging';
import type { Marketplace } from '../../utils/model';
import type { PositionsApi } from '../positions/PositionsSection';
import type { TwinApi } from '../twin/TwinSection';
import type { MountedPanel, PanelMount } from './contract';
import { type LoadOverview, ProductPanelApp } from './ProductPanelApp';

const positionsApi = (marketplace: Marketplace, productId: string): PositionsApi => ({
  get: () => ask('getPositions', { marketplace, productId }),
  setQueries: (queries) => ask('setPositionQueries', { marketplace, productId, queries }),
  start: () => ask('startPositionScan', { marketplace, productId }),
  cancel: () => ask('cancelPositionScan', { marketplace, productId }),
});

const twinApi = (marketplace: Marketplace, id: string): TwinApi => ({
  get: () => ask('getTwin', { marketplace, id }),
  set: (twin) => ask('setTwin', { marketplace, id, twin }),
});

export function mountPanel({ container, marketplace, id, floating, first }: PanelMount): MountedPanel {
  const root = createRoot(container);
  // The first 'cached' load is the core's answer, already asked for.
  let firstTaken = false;
  const load: LoadOverview = (mode) => {
    if (mode === 'cached' && !firstTaken) {
      firstTaken = true;
      return first.promise;
    }
    return ask('getProductOverview', { marketplace, id, mode });
  };
  const settled = first.settled;
  const initial = settled
    ? 'overview' in settled
      ? { overview: settled.overview, status: settled.overview.state }
      : { overview: null, status: 'lupa-unavailable' as const }
    : undefined;
  if (settled) firstTaken = true;
  const render = (isFloating: boolean) =>
    root.render(
      <ProductPanelApp
        key={id}
        marketplace={marketplace}
        floating={isFloating}
        initial={initial}
        load={load}
        positions={marketplace === 'wb' ? positionsApi(marketplace, id) : undefined}
        twin={twinApi(marketplace, id)}
        competitorOf={{
          get: () => ask('getCompetitorLinks', { marketplace, id }),
          set: (mine, linked) => ask('setCompetitorLink', { mine, competitor: { marketplace, id }, linked }),
        }}
        watch={{
          get: () => ask('getWatch', { marketplace, id }),
          set: (role) => ask('setWatch', { marketplace, id, role }),
        }}
      />,
    );
  render(floating);
  return {
    setFloating: (isFloating) => render(isFloating),
    unmount: () => root.unmount(),
  };
}
