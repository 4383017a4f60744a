// The product panel's background side: the overview of one product (card, price history, reviews,
// sales estimate and its correction from the seller's own orders, change log), from the store
// first and the marketplace when stale.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';

export const productPanel: BackgroundFeature = {
  name: 'product-panel',
  register(kit) {
    const { overview, guard, from, pageRoute } = kit;
    answer('getProductOverview', from.anyTabOrPage, async (request, sender) => {
      const got = await guard(() => overview.get(request, pageRoute(request.marketplace, sender)));
      // The sales estimate's correction, where the seller's own orders give one (own-numbers).
      const calibration = got.sales ? await kit.ports.ownNumbers?.calibration(got.product?.subjectId) : null;
      return calibration
        ? {
            ...got,
            calibration: {
              factor: calibration.factor,
              items: calibration.items,
              errorPct: calibration.errorPct,
              subject: calibration.subject,
            },
          }
        : got;
    });
  },
};
