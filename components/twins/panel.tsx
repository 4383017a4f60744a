// Twins in the product panel: the same product on the other marketplace, its price beside this one.
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { reactSection } from '../product-panel/react-section';
import { TwinSection } from './TwinSection';

export const twinsPanel: PanelSection = {
  name: 'twins',
  draw: reactSection(({ marketplace, id, priceNow }) => (
    <TwinSection
      marketplace={marketplace}
      priceNow={priceNow}
      api={{
        get: () => ask('getTwin', { marketplace, id }),
        set: (twin) => ask('setTwin', { marketplace, id, twin }),
      }}
    />
  )),
};
