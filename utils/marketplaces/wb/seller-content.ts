// WB's content API, `POST content-api.wildberries.ru/content/v2/get/cards/list` (reference §3.3;
// 100 a minute, burst 5; the Content category): the seller's cards a page of up to 100 at a time,
// with a cursor (`updatedAt`, `nmID`) for the next. Lupa reads each card's subject and its package
// dimensions (cm), whose volume sets WB's logistics tariff.
import { z } from 'zod';

export const CARDS_PATH = '/content/v2/get/cards/list';
export const CARDS_PAGE = 100;

export const CardsCursorSchema = z.object({ updatedAt: z.string().max(100), nmID: z.number().int().nonnegative() });
export type CardsCursor = z.infer<typeof CardsCursorSchema>;

export const cardsBody = (cursor: CardsCursor | null, limit = CARDS_PAGE) => ({
  settings: { cursor: { limit, ...(cursor ?? {}) }, filter: { withPhoto: -1 } },
});

const Cm = z.number().nonnegative().max(10_000);
const CardSchema = z.object({
  nmID: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  subjectID: z.number().int().positive().nullish(),
  dimensions: z.object({ length: Cm, width: Cm, height: Cm }).nullish(),
});

export const CardsPageSchema = z.object({
  cards: z.array(z.unknown()).max(CARDS_PAGE * 10),
  cursor: z.object({ updatedAt: z.string().max(100).nullish(), nmID: z.number().int().nullish(), total: z.number().int().nonnegative() }),
});
export type CardsPage = z.infer<typeof CardsPageSchema>;

/** One card: [nmID, subject or 0, package volume in litres or null]. */
export const CardSizeSchema = z.tuple([z.number().int().positive(), z.number().int().nonnegative(), z.number().nonnegative().nullable()]);
export type CardSize = z.infer<typeof CardSizeSchema>;

export function cardSizes(page: CardsPage): { sizes: CardSize[]; dropped: number } {
  const sizes: CardSize[] = [];
  let dropped = 0;
  for (const raw of page.cards) {
    const parsed = CardSchema.safeParse(raw);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    const d = parsed.data.dimensions;
    const liters = d && d.length > 0 && d.width > 0 && d.height > 0 ? Math.round((d.length * d.width * d.height) / 10) / 100 : null;
    sizes.push([parsed.data.nmID, parsed.data.subjectID ?? 0, liters]);
  }
  return { sizes, dropped };
}

/** The cursor for the next page, or null when this one was the last. */
export function nextCursor(page: CardsPage, limit = CARDS_PAGE): CardsCursor | null {
  const { updatedAt, nmID } = page.cursor;
  return page.cards.length < limit || !updatedAt || !nmID ? null : { updatedAt, nmID };
}
