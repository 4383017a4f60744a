// The panel chunk (utils/chunks/table.ts: `panel`, built to chunks/panel.js): React and the panel's
// sections, injected by the background into the storefront content script's world when the page
// is idle (watch.ts). It takes over the shadow root the core drew the first figures in, and starts
// from the core's first answer: no second request, no figure shown twice with two values.
import { createRoot } from 'react-dom/client';
import { ask } from '../../utils/content/messaging';
import type { MountedPanel, PanelMount } from './contract';
import { type LoadOverview, ProductPanelApp } from './ProductPanelApp';
import { PANEL_SECTIONS } from './sections';

export function mountPanel({ container, marketplace, id, floating, first, page }: PanelMount): MountedPanel {
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
  let shown = { floating, page };
  const render = (next: Partial<typeof shown>) => {
    shown = { ...shown, ...next };
    root.render(
      <ProductPanelApp
        key={id}
        marketplace={marketplace}
        floating={shown.floating}
        walletPrice={shown.page.walletPrice}
        initial={initial}
        load={load}
        sections={PANEL_SECTIONS}
      />,
    );
  };
  render({});
  return {
    setFloating: (isFloating) => render({ floating: isFloating }),
    setPage: (next) => render({ page: next }),
    unmount: () => root.unmount(),
  };
}
