// CSV for Russian Excel from the light cores (content scripts): semicolons, decimal commas, UTF-8
// with a BOM. Written out here rather than with papaparse (utils/csv.ts): this rides on marketplace
// pages, where every kilobyte counts.

/** Rows of cells as one CSV text, with the BOM Excel needs to read UTF-8. */
export const csvText = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string => `\ufeff${rows.map(csvRow).join('\r\n')}`;

export const csvRow = (row: ReadonlyArray<string | number>): string => row.map(csvCell).join(';');

/**
 * One cell, quoted when it holds a separator, a quote, a line break or edge spaces. Text that
 * starts like a formula ("=", "+", "-", "@", tab, CR) gets a leading apostrophe so Excel shows it
 * instead of running it (OWASP's CSV injection advice; papaparse's escapeFormulae did the same).
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  let quote = false;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
    quote = true;
  }
  text = text.replace(/"/g, '""');
  quote ||= /[;"\r\n\ufeff]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
  return quote ? `"${text}"` : text;
}

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * "lupa-wb-naushniki-besprovodnye-2026-11-23.csv": Chrome's downloads API refuses non-ASCII
 * names, so the listing's name is transliterated.
 */
export function exportFileName(listingName: string, date: Date, marketplace: 'wb' | 'ozon' = 'wb'): string {
  const latin = [...listingName.toLowerCase()].map((ch) => LATIN[ch] ?? ch).join('');
  const slug =
    latin
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'listing';
  return `lupa-${marketplace}-${slug}-${date.toISOString().slice(0, 10)}.csv`;
}
