// Where the charts chunk lives in the build and the global its IIFE leaves in the content script's
// isolated world (the chunk table, utils/chunks/table.ts).
import { CHUNKS } from '../../utils/chunks/table';

export const CHARTS_CHUNK = CHUNKS.charts.file;
export const CHARTS_GLOBAL = CHUNKS.charts.global;
