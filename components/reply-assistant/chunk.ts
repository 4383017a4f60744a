// The reply assistant's chunk (utils/chunks/table.ts: `reply`, built to chunks/reply.js): what the
// cabinet's light core (cabinet.ts) loads once the page shows an answer field — the suggestions, the
// tone check with its rules, "fill all". Injected by the background into the cabinet content
// script's own world, never the page's.
export { mountAssistant, mountFillAll } from './assist';

export type ReplyChunk = typeof import('./chunk');
