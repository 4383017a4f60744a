// Run by `npm run bench` on a marketplace page's main thread (bundled on the fly, evaluated in the
// page): the page summary of 1 000 generated tiles — the maths (components/listing-summary/chunk.ts
// calls the same summarise and bidLadder) and the bar's redraw in a shadow root, as the summary
// chunk does each time more tiles load.
import { createSummaryBar } from '../components/listing-summary/bar';
import { bidLadder, DEFAULT_SUMMARY_PREFS, type SummaryTile, summarise } from '../utils/listing-summary/summary';

/** `n` tiles shaped like a WB search: a few dozen brands, a dozen sellers, an ad in 20, prices 300–30 000 ₽. */
export function tiles(n: number): SummaryTile[] {
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: String(400_000_000 + i * 37),
    name: `Товар ${i}`,
    brand: `Бренд ${Math.floor(random() ** 2 * 40)}`,
    seller: { id: String(500_000 + Math.floor(random() * 12)), name: 'ООО «Продавец»' },
    displayed: i + 1,
    position: i + 1,
    ad: i % 20 === 3 ? { position: i + 1, cpm: Math.round(random() * 100_000) } : null,
    priceNow: random() < 0.06 ? null : Math.round((300 + random() ** 3 * 29_700) * 100),
    rating: random() < 0.1 ? null : Math.round((3.5 + random() * 1.5) * 10) / 10,
    reviewCount: Math.floor(random() * 5_000),
    ordersPerDay: random() < 0.15 ? Math.round(random() * 500) / 10 : null,
  }));
}

/** Times `runs` summaries of `n` tiles: the maths alone, and the maths with the bar's redraw. */
export function run(n: number, runs: number): { mathMs: number[]; withBarMs: number[] } {
  const list = tiles(n);
  const bar = createSummaryBar('wb', true, DEFAULT_SUMMARY_PREFS, { onToggle: () => {}, onExport: () => {}, onAssumptions: () => {} });
  document.body.appendChild(bar.host);
  const mathMs: number[] = [];
  const withBarMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const summary = summarise(list);
    const slots = bidLadder(list, 100);
    mathMs.push(performance.now() - started);
    bar.update(summary, n, slots);
    withBarMs.push(performance.now() - started);
  }
  bar.remove();
  return { mathMs, withBarMs };
}
