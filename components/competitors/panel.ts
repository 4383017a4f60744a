// Competitors in the product panel: which of the seller's own items this product competes with.
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { competitorOf } from './competitor-of';

export const competitorsPanel: PanelSection = {
  name: 'competitors',
  draw: (into, { marketplace, id }) =>
    competitorOf(into, {
      get: () => ask('getCompetitorLinks', { marketplace, id }),
      set: (mine, linked) => ask('setCompetitorLink', { mine, competitor: { marketplace, id }, linked }),
    }),
};
