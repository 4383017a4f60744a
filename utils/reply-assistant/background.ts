// The reply assistant's background side: the cabinet reads the user's templates through here
// (content scripts cannot read extension storage).
import type { BackgroundFeature } from '../background-kit';
import { answer } from '../messaging';
import { getTemplates } from './templates';

export const replyAssistant: BackgroundFeature = {
  name: 'reply-assistant',
  register({ from }) {
    answer('getReplyTemplates', from.cabinet, () => getTemplates());
  },
};
