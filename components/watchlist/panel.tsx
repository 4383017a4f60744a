// The watchlist in the product panel: "мой товар" / "конкурент".
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { WatchToggle } from './WatchToggle';

export const watchlistPanel: PanelSection = {
  name: 'watchlist',
  Section: ({ marketplace, id }) => (
    <WatchToggle
      api={{
        get: () => ask('getWatch', { marketplace, id }),
        set: (role) => ask('setWatch', { marketplace, id, role }),
      }}
    />
  ),
};
