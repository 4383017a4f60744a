// Twins in the product panel: the same product on the other marketplace, its price beside this one.
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { twinSection } from './twin-section';

export const twinsPanel: PanelSection = {
  name: 'twins',
  draw: (into, { marketplace, id, priceNow }) =>
    twinSection(into, {
      marketplace,
      priceNow,
      api: {
        get: () => ask('getTwin', { marketplace, id }),
        set: (twin) => ask('setTwin', { marketplace, id, twin }),
      },
    }),
};
