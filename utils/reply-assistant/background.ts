// The reply assistant's background side: the cabinet reads the user's templates through here
// (content scripts cannot read extension storage), and on WB the seller API's unanswered reviews
// and questions, asked with the user's token, which never leaves the background. The lists are
// kept in memory for a few minutes: WB's budget for a Basic token is 5 requests an hour for the
// whole category (reference §3.2), and they are the buyers' words, so they are never stored.
import type { BackgroundFeature } from '../background-kit';
import { readCard } from '../db';
import { createSellerApi, type UnansweredItem } from '../marketplaces/wb/seller-api';
import { answer } from '../messaging';
import { problemOf } from '../net';
import { getWbToken } from '../secrets';
import { cardFacts } from './facts';
import { getTemplates } from './templates';

/** How long a fetched list answers the cabinet before it is asked again. */
export const KNOWN_TTL_MS = 5 * 60_000;

export const replyAssistant: BackgroundFeature = {
  name: 'reply-assistant',
  register({ from, net, wb, db }) {
    answer('getReplyTemplates', from.cabinet, () => getTemplates());

    const sellerApi = createSellerApi({ net });
    const lists = new Map<string, { at: number; items: Promise<UnansweredItem[] | null> }>();
    answer('getCabinetKnown', from.wbCabinet, async ({ kind }) => {
      const token = await getWbToken();
      if (!token) return { items: null };
      const what = kind === 'questions' ? 'questions' : 'feedbacks';
      const cached = lists.get(what);
      if (cached && Date.now() - cached.at < KNOWN_TTL_MS) return { items: await cached.items };
      const items = sellerApi.unansweredList(token, what);
      lists.set(what, { at: Date.now(), items });
      return { items: await items };
    });

    // card.json for the characteristics and the size table; the card (the stored one, else read
    // without storing: a cabinet page open is not a look at the product) for the sizes in stock and
    // the delivery time. Without the card the reply still quotes card.json.
    const cardOf = async (article: string) =>
      (await readCard(db, { marketplace: 'wb', id: article })) ??
      (await wb.fetchCards([Number(article)]).then(
        (got) => got.get(Number(article)) ?? null,
        () => null,
      ));
    answer('getCardFacts', from.wbCabinet, async ({ article }) => {
      try {
        const [text, card] = await Promise.all([wb.fetchCardText(Number(article)), cardOf(article)]);
        return { facts: cardFacts(text, card), problem: null };
      } catch (error) {
        return { facts: null, problem: problemOf(error).kind };
      }
    });
  },
};
