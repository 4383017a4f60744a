// Which basket-NN.wbbasket.ru host serves an article's static files (card.json, price history).
// WB assigns hosts by ranges of `vol` (nm / 100 000). In order of trust (reference §1.5): the live
// map WB publishes (`cdn.wbbasket.ru/api/v3/upstreams`, upstreams.ts, cached for hours), then this
// table, then probing neighbours of a guess past the table's end.

/**
 * Upper bound of vol for baskets 01…55 (basket number = index + 1), as regenerated from the live
 * map by rrrublev/wb-private-api `src/UpstreamRoutes.js` (commit 58324ac, after 2026-05-05).
 */
const UPPER_VOL = [
  143, 287, 431, 719, 1007, 1061, 1115, 1169, 1313, 1601, 1655, 1919, 2045, 2189, 2405, 2621, 2837, 3053, 3269, 3485, 3701, 3917, 4133,
  4349, 4565, 4877, 5189, 5501, 5813, 6125, 6437, 6749, 7061, 7373, 7685, 7997, 8309, 8741, 9173, 9605, 10373, 11141, 11909, 12677, 13445,
  14213, 14981, 15749, 16517, 17285, 18053, 18821, 19589, 20357, 21125,
];
/** The highest basket number probing will try (hosts seen in use, 2026). */
export const MAX_BASKET = 72;
/** Vols per basket past the table's end, as its last rows grow. */
const VOLS_PER_NEW_BASKET = 768;

/** The table's answer, or a guess past its end (to be confirmed by probing). */
export function basketGuess(vol: number): { basket: number; certain: boolean } {
  const index = UPPER_VOL.findIndex((upper) => vol <= upper);
  if (index >= 0) return { basket: index + 1, certain: true };
  const last = UPPER_VOL[UPPER_VOL.length - 1] as number;
  const basket = Math.min(MAX_BASKET, UPPER_VOL.length + 1 + Math.floor((vol - last - 1) / VOLS_PER_NEW_BASKET));
  return { basket, certain: false };
}

/** Baskets to probe, nearest to the guess first: g, g+1, g-1, g+2, … within 1…MAX_BASKET. */
export function probeOrder(guess: number, radius = 4): number[] {
  const order = [guess];
  for (let d = 1; d <= radius; d++) order.push(guess + d, guess - d);
  return order.filter((b) => b >= 1 && b <= MAX_BASKET);
}
