// Money is kopecks inside; these are the only places that turn it into text or back. Numbers are
// written out by hand, the way ru-RU's Intl writes them (digits in threes with non-breaking spaces,
// a decimal comma): creating the first Intl formatter loads ICU's locale data, which a storefront
// page would otherwise pay for as soon as Lupa's first figure is drawn.

const NBSP = '\u00a0';

const groupDigits = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

/**
 * 1234 → "1 234", 4.7 → "4,7", 12.345 with 1 fraction digit → "12,3": as `toLocaleString('ru-RU')`
 * with at most `maxFraction` fraction digits (trailing zeros dropped down to `minFraction`).
 */
export function formatNumber(value: number, maxFraction = 3, minFraction = 0): string {
  if (!Number.isFinite(value)) return '—';
  const [whole = '0', rawFraction = ''] = Math.abs(value).toFixed(maxFraction).split('.');
  const fraction = rawFraction.replace(/0+$/, '').padEnd(minFraction, '0');
  const text = fraction ? `${groupDigits(whole)},${fraction}` : groupDigits(whole);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** 150000 → "1 500 ₽", 197750 → "1 977,50 ₽" (with the non-breaking spaces Russian typography uses). */
export function formatRub(kopecks: number): string {
  const abs = Math.abs(Math.round(kopecks));
  const rubles = groupDigits(String(Math.floor(abs / 100)));
  const cents = abs % 100;
  const text = cents === 0 ? rubles : `${rubles},${String(cents).padStart(2, '0')}`;
  return `${kopecks < 0 && abs > 0 ? '-' : ''}${text}${NBSP}₽`;
}

/**
 * Rubles for a CSV cell that Russian Excel reads as a number: a decimal comma, no spaces, no ₽,
 * kopecks only when there are some (189000 → "1890", 197750 → "1977,50"); empty when unknown.
 */
export function csvRubles(kopecks: number | null): string {
  return kopecks === null ? '' : (kopecks / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
}

export function formatPct(value: number): string {
  return `${formatNumber(value, 1)}${NBSP}%`;
}
