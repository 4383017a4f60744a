// The panel chunk (utils/chunks/table.ts: `panel`, built to chunks/panel.js), injected by the
// background into the storefront content script's world when the page is idle (watch.ts). It takes
// over the shadow root the core drew the first figures in and starts from the core's first answer:
// no second request, no figure shown twice with two values. Everything here is plain DOM: the
// figures (controller.ts, view.ts) and the features' sections (sections.ts), each in its own element.
import { ask } from '../../utils/content/messaging';
import type { DrawnSection } from '../parts';
import type { MountedPanel, PanelMount } from './contract';
import { type LoadOverview, type SectionsView, startPanel } from './controller';
import { PANEL_SECTIONS } from './sections';

function drawnSections(slot: HTMLElement): SectionsView {
  let drawn: Array<DrawnSection | undefined> | null = null;
  return {
    show(props) {
      if (drawn) {
        for (const section of drawn) section?.update?.(props);
        return;
      }
      drawn = PANEL_SECTIONS.map(({ name, draw }) => {
        const into = document.createElement('div');
        into.className = 'lupa-section';
        into.dataset.section = name;
        slot.append(into);
        try {
          return draw(into, props);
        } catch (error) {
          // One section's fault must not take the panel (or the page) down.
          console.warn(`[lupa] the ${name} section failed:`, error instanceof Error ? error.message : error);
          return undefined;
        }
      });
    },
    unmount() {
      for (const section of drawn ?? []) section?.unmount?.();
      drawn = null;
      slot.replaceChildren();
    },
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
    sections: PANEL_SECTIONS.length > 0 ? drawnSections : undefined,
  });
  return {
    setFloating: (isFloating) => panel.setFloating(isFloating),
    setPage: (next) => panel.setWalletPrice(next.walletPrice),
    unmount: () => panel.unmount(),
  };
}
