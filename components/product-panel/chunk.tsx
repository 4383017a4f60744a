// The panel chunk (utils/chunks/table.ts: `panel`, built to chunks/panel.js), injected by the
// background into the storefront content script's world when the page is idle (watch.ts). It takes
// over the shadow root the core drew the first figures in and starts from the core's first answer:
// no second request, no figure shown twice with two values. The figures are plain DOM
// (controller.ts, view.ts); React draws only the features' sections, in their own slot.
import { createRoot } from 'react-dom/client';
import { ask } from '../../utils/content/messaging';
import type { PanelSectionProps } from '../parts';
import type { MountedPanel, PanelMount } from './contract';
import { type LoadOverview, type SectionsView, startPanel } from './controller';
import { PANEL_SECTIONS } from './sections';

function Sections(props: PanelSectionProps) {
  return PANEL_SECTIONS.map(({ name, Section }) => <Section key={name} {...props} />);
}

function reactSections(slot: HTMLElement): SectionsView {
  const root = createRoot(slot);
  return {
    show: (props) => root.render(<Sections {...props} />),
    unmount: () => root.unmount(),
  };
}

export function mountPanel({ container, marketplace, id, floating, first, page }: PanelMount): MountedPanel {
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
  const panel = startPanel(container, {
    marketplace,
    load,
    initial,
    floating,
    walletPrice: page.walletPrice,
    sections: PANEL_SECTIONS.length > 0 ? reactSections : undefined,
  });
  return {
    setFloating: (isFloating) => panel.setFloating(isFloating),
    setPage: (next) => panel.setWalletPrice(next.walletPrice),
    unmount: () => panel.unmount(),
  };
}
