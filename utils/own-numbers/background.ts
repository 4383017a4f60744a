// The seller's own numbers: the token's claims (options, the popup's task), the seller API client
// (the kit's: one bucket per endpoint group, its waits kept in kv) and the own catalogue's import — on demand
// from the options page, resumed when the worker starts, and refreshed daily by the alarm.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';
import { createCatalogue } from './catalogue';
import { sppOf } from './spp';
import { sellerTokenInfo } from './token';

export const ownNumbers: BackgroundFeature = {
  name: 'own-numbers',
  register(kit) {
    const { db, from } = kit;
    const catalogue = createCatalogue({ db, client: kit.seller, guard: kit.guard, watchlist: () => kit.ports.watchlist });
    /** Only a token that can read prices starts an import by itself. */
    const canReadPrices = async () => {
      const info = await sellerTokenInfo();
      return info.state === 'read' && info.categories.includes('Prices & Discounts');
    };

    kit.ports.ownNumbers = { sppOf: (marketplace, ids) => sppOf(db, marketplace, ids) };

    answer('getSellerToken', from.extensionPage, sellerTokenInfo);
    answer('getOwnCatalogue', from.extensionPage, () => catalogue.summary());
    answer('importOwnCatalogue', from.extensionPage, async () => {
      // Answered once the import has begun: the options page follows its progress with getOwnCatalogue.
      const { begun, done } = catalogue.begin();
      done.catch((error: unknown) => console.warn('[lupa] own catalogue:', error instanceof Error ? error.name : 'error'));
      await begun;
      return catalogue.summary();
    });
    kit.onStart(async () => {
      if (await catalogue.resumable()) await catalogue.run();
    });
    kit.onAlarm(async () => {
      if ((await catalogue.due()) && (await canReadPrices())) await catalogue.run();
    });
  },
};
