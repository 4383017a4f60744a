// Reviews and questions waiting for an answer: WB's seller API with the user's token (the token
// never leaves the background), Ozon's count as read off its cabinet page; both on the badge.
import type { BackgroundFeature } from '../background-kit';
import { kvItem } from '../db';
import { createSellerApi, type TokenCheck } from '../marketplaces/wb/seller-api';
import { answer } from '../messaging';
import { getWbToken } from '../secrets';
import { unansweredKv } from './tables';

const unansweredWb = kvItem(unansweredKv.wb);
const unansweredOzon = kvItem(unansweredKv.ozon);

export const unanswered: BackgroundFeature = {
  name: 'unanswered',
  register(kit) {
    const { db, net, from, badge } = kit;
    const sellerApi = createSellerApi({ net });
    /** Asks WB's seller API what waits for an answer. */
    const refresh = async (): Promise<TokenCheck | { ok: false; reason: 'no-token' }> => {
      const token = await getWbToken();
      if (!token) {
        await unansweredWb.delete(db);
        return { ok: false, reason: 'no-token' };
      }
      const result = await sellerApi.unanswered(token);
      if (result.ok) await unansweredWb.set(db, result.unanswered);
      else if (result.reason === 'bad-token') await unansweredWb.delete(db);
      return result;
    };
    badge.add(async () => {
      const u = await unansweredWb.get(db);
      const o = await unansweredOzon.get(db);
      return (u ? u.reviews + u.questions : 0) + (o ? (o.reviews ?? 0) + (o.questions ?? 0) : 0);
    });

    answer('getUnanswered', from.extensionPage, async () => ({
      wb: (await unansweredWb.get(db)) ?? null,
      ozon: (await unansweredOzon.get(db)) ?? null,
    }));
    answer('checkWbToken', from.extensionPage, async () => {
      const result = await refresh();
      await badge.update();
      return result;
    });
    answer('reportCabinetUnanswered', from.ozonCabinet, async ({ kind, count }) => {
      const before = await unansweredOzon.get(db);
      await unansweredOzon.set(db, { reviews: null, questions: null, ...before, [kind]: count, at: Date.now() });
      await badge.update();
      return { ok: true as const };
    });
    kit.onAlarm(refresh);
  },
};
