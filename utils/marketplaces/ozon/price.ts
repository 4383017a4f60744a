// Ozon sends money as display strings: "5 433 ₽" with non-breaking or thin spaces, sometimes
// "от 1 200 ₽", "1 299,50 ₽". These turn them into kopecks, or null when there is no price.
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;

export function parseRub(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const cleaned = text
    .replace(/^\s*от\s*/i, '')
    .replace(/(₽|руб\.?|р\.)\s*$/i, '')
    .replace(SPACES, '');
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const kopecks = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
  return Number.isSafeInteger(kopecks) ? kopecks : null;
}
