// The code a marketplace page gets only where it is shown, built apart from the content scripts
// (wxt.config.ts) and injected by the background into the tab's content-script world
// (inject.ts, asked for by load.ts). A content script is one file that cannot share code-split
// chunks, and importing an extension URL would need it web-accessible (pages could then probe for
// Lupa). Each chunk is an IIFE that leaves its exports on its global, in Lupa's isolated world only.
// No zod and no extension APIs here: wxt.config.ts, the background and content scripts import it.
export const CHUNKS = {
  /** chart.js and the two charts (components/charts/draw.ts), loaded on the first chart. */
  charts: { file: 'chunks/charts.js', entry: 'components/charts/draw.ts', global: '__lupaCharts' },
  /** The product panel: its figures and the features' sections, all plain DOM (components/product-panel/chunk.ts), loaded when the page is idle. */
  panel: { file: 'chunks/panel.js', entry: 'components/product-panel/chunk.ts', global: '__lupaPanel' },
  /**
   * The reply assistant in a seller cabinet (components/reply-assistant/chunk.ts): suggestions, the
   * tone check and its rules, "fill all", loaded once the page shows an answer field.
   */
  reply: { file: 'chunks/reply.js', entry: 'components/reply-assistant/chunk.ts', global: '__lupaReply' },
  /** The page summary's bar and maths (components/listing-summary/chunk.ts), loaded once a listing's first tiles are known. */
  summary: { file: 'chunks/summary.js', entry: 'components/listing-summary/chunk.ts', global: '__lupaSummary' },
} as const;

export type ChunkName = keyof typeof CHUNKS;
export const CHUNK_NAMES = Object.keys(CHUNKS) as [ChunkName, ...ChunkName[]];

/**
 * The catalogue keys the content scripts and chunks name, listed by the build
 * (scripts/content-keys.mjs) beside the manifest; the background hands a page only these (utils/catalogue.ts).
 */
export const CONTENT_KEYS_FILE = 'content-keys.json';
