// The product panel's registry: each feature's section, one line each, in the order they show.
import { competitorsPanel } from '../competitors/panel';
import { complaintsPanel } from '../complaints/panel';
import { ownNumbersPanel } from '../own-numbers/panel';
import type { PanelSection } from '../parts';
import { positionsPanel } from '../positions/panel';
import { seoGapsPanel } from '../seo-gaps/panel';
import { suppliesPanel } from '../supplies/panel';
import { twinsPanel } from '../twins/panel';
import { watchlistPanel } from '../watchlist/panel';

export const PANEL_SECTIONS: readonly PanelSection[] = [
  watchlistPanel,
  ownNumbersPanel,
  competitorsPanel,
  twinsPanel,
  positionsPanel,
  seoGapsPanel,
  complaintsPanel,
  suppliesPanel,
];
