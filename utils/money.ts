// Money is kopecks inside; these are the only places that turn it into text or back.
const wholeRubles = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const withKopecks = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 150000 → "1 500 ₽", 197750 → "1 977,50 ₽" (with the non-breaking spaces Russian typography uses). */
export function formatRub(kopecks: number): string {
  const format = kopecks % 100 === 0 ? wholeRubles : withKopecks;
  return `${format.format(kopecks / 100)}\u00a0₽`;
}

/**
 * Rubles for a CSV cell that Russian Excel reads as a number: a decimal comma, no spaces, no ₽,
 * kopecks only when there are some (189000 → "1890", 197750 → "1977,50"); empty when unknown.
 */
export function csvRubles(kopecks: number | null): string {
  return kopecks === null ? '' : (kopecks / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
}

export function formatPct(value: number): string {
  return `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(value)}\u00a0%`;
}
