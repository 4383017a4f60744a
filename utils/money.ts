// Money is kopecks inside; these are the only places that turn it into text or back.
const wholeRubles = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const withKopecks = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 150000 → "1 500 ₽", 197750 → "1 977,50 ₽" (with the non-breaking spaces Russian typography uses). */
export function formatRub(kopecks: number): string {
  const format = kopecks % 100 === 0 ? wholeRubles : withKopecks;
  return `${format.format(kopecks / 100)}\u00a0₽`;
}

export function formatPct(value: number): string {
  return `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(value)}\u00a0%`;
}
