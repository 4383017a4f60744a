// Competitors in the product panel: which of the seller's own items this product competes with.
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { reactSection } from '../product-panel/react-section';
import { CompetitorOf } from './CompetitorOf';

export const competitorsPanel: PanelSection = {
  name: 'competitors',
  draw: reactSection(({ marketplace, id }) => (
    <CompetitorOf
      api={{
        get: () => ask('getCompetitorLinks', { marketplace, id }),
        set: (mine, linked) => ask('setCompetitorLink', { mine, competitor: { marketplace, id }, linked }),
      }}
    />
  )),
};
