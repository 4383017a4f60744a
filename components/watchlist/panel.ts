// The watchlist in the product panel: "мой товар" / "конкурент".
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { watchToggle } from './watch-toggle';

export const watchlistPanel: PanelSection = {
  name: 'watchlist',
  draw: (into, { marketplace, id }) =>
    watchToggle(into, {
      get: () => ask('getWatch', { marketplace, id }),
      set: (role) => ask('setWatch', { marketplace, id, role }),
    }),
};
