// Where a card's storefront reviews and questions live (reference §1.6, §1.7). Reviews: WB's host
// resolver (`feedback-bt.wildberries.ru/feedback/api/v2/host?imt=` → ["https://feedback-view-NN.wb.ru"],
// 2026) and `{host}/feedbacks/v2/{imt}`; then the two shards `feedbacks{1,2}.wb.ru`, the one
// WB's crc16 rule names first, `/feedbacks/v2/` and, where a shard no longer knows v2, the old
// `/feedbacks/v1/`. Questions: `questions.wildberries.ru/api/v1/questions` (no mirrors).
import { z } from 'zod';

/** CRC-16/ARC (poly 0x8005 reflected, init 0) of the imt id as 8 little-endian bytes. */
export function crc16Arc(value: number): number {
  let rest = value;
  let crc = 0;
  for (let i = 0; i < 8; i++) {
    crc ^= rest % 256;
    rest = Math.floor(rest / 256);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** The shard WB's own site asks for a card's reviews ([RR] WBProduct.getFeedbacks). */
export const feedbackShard = (imt: number): 1 | 2 => (crc16Arc(imt) % 100 >= 50 ? 2 : 1);

/** A resolved host is followed only when it is one of WB's review hosts on wb.ru. */
const VIEW_HOST = /^feedback[a-z0-9-]{0,40}\.wb\.ru$/;

/** The resolver's answer: a list of origins, the first one used. */
export const WbFeedbackHostSchema = z
  .array(z.string().max(200))
  .min(1)
  .transform((hosts, ctx) => {
    for (const raw of hosts) {
      try {
        const url = new URL(/^https?:\/\//.test(raw) ? raw : `https://${raw}`);
        if (url.protocol === 'https:' && VIEW_HOST.test(url.hostname) && url.port === '') return url.origin;
      } catch {
        // not a URL: the next one
      }
    }
    ctx.addIssue({ code: 'custom', message: 'no review host on wb.ru' });
    return z.NEVER;
  });

/** The questions API's count (`onlyCount=true` answers `{count}`; a list answers `{questions, count}`). */
export const WbQuestionCountSchema = z
  .object({ count: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(0).max(1e7)) })
  .transform((q) => q.count);
