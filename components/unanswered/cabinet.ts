// Where a cabinet's API is closed to browsers (Ozon), what waits for an answer is read off the
// cabinet page the seller has open and reported to the background (popup and badge).
import { queryAllFirst, queryFirst } from '../../utils/content/dom';
import { ask } from '../../utils/content/messaging';
import type { CabinetControl } from '../cabinet/run';

export const unansweredCabinet: CabinetControl = {
  name: 'unanswered',
  pages: ['reviews', 'questions'],
  async scan(_ctx, spec, page) {
    const answered = spec.review.answered;
    // Only a cabinet whose page marks answered items (Ozon's) is counted here; WB's come from its API.
    if (!answered) return;
    const items = queryAllFirst(document, spec.review.item);
    if (items.length === 0) return;
    const waiting = items.filter((item) => !queryFirst(item, answered)).length;
    await ask('reportCabinetUnanswered', {
      kind: page.type === 'questions' ? 'questions' : 'reviews',
      count: waiting,
    });
  },
};
