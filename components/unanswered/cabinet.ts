// Where a cabinet's API is closed to browsers (Ozon), what waits for an answer is read off the
// cabinet page the seller has open and reported to the background (popup and badge): the review
// cards as the page shows them, less those showing a published answer (cabinet/anchors.ts).
import { ask } from '../../utils/content/messaging';
import { reviewCards } from '../cabinet/anchors';
import type { CabinetControl } from '../cabinet/run';

export const unansweredCabinet: CabinetControl = {
  name: 'unanswered',
  pages: ['reviews', 'questions'],
  async scan(_ctx, spec, page) {
    // Only a cabinet whose page marks answered items (Ozon's) is counted here; WB's come from its API.
    if (!spec.review.answered) return;
    const questions = page.type === 'questions';
    const cards = reviewCards(document.body, spec.review, questions);
    if (cards.length === 0) return;
    await ask('reportCabinetUnanswered', {
      kind: questions ? 'questions' : 'reviews',
      count: cards.filter((c) => !c.answered).length,
    });
  },
};
