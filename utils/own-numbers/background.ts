// The seller's own numbers: the token's claims for the options page and the popup's task.
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';
import { sellerTokenInfo } from './token';

export const ownNumbers: BackgroundFeature = {
  name: 'own-numbers',
  register(kit) {
    answer('getSellerToken', kit.from.extensionPage, sellerTokenInfo);
  },
};
