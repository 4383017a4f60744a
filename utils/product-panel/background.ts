// The product panel's background side: the overview of one product (card, price history, reviews,
// sales estimate, change log), from the store first and the marketplace when stale.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';

export const productPanel: BackgroundFeature = {
  name: 'product-panel',
  register({ overview, guard, from, pageRoute }) {
    answer('getProductOverview', from.anyTabOrPage, (request, sender) =>
      guard(() => overview.get(request, pageRoute(request.marketplace, sender))),
    );
  },
};
