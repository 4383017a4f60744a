// Money is kopecks inside; these are the only places that turn it into text or back.
const rubles = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** 150000 → "1 500 ₽" (with the non-breaking spaces Russian typography uses). */
export function formatRub(kopecks: number): string {
  return `${rubles.format(kopecks / 100)}\u00a0₽`;
}

export function formatPct(value: number): string {
  return `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(value)}\u00a0%`;
}
