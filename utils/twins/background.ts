// Twins' background side: read and link the same product on the other marketplace.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';
import { createTwinsService } from './service';

export const twins: BackgroundFeature = {
  name: 'twins',
  register({ db, overview, from, guard }) {
    const service = createTwinsService({ db, overview });
    answer('getTwin', from.anyTabOrPage, ({ marketplace, id }) => service.get(marketplace, id));
    answer('setTwin', from.anyTabOrPage, ({ marketplace, id, twin }) => guard(() => service.set(marketplace, id, twin)));
  },
};
