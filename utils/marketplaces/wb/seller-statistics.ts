// WB's statistics API lines, `GET statistics-api.wildberries.ru/api/v1/supplier/{orders,sales}?dateFrom=`
// (reference §3.2: orders 1 a minute, burst 10; sales 1 a minute, burst 1): each answer is every line
// changed at or after `dateFrom` (Moscow time), up to 80 000 of them. An import reads on from the
// newest `lastChangeDate` it saw, a page at a time, each page stored in the same transaction as the
// cursor that follows it, so a worker stopped mid-import resumes with nothing lost or doubled.
import { z } from 'zod';
import { passes, type SellerClient, type SellerProblem } from './seller-client';
import { rublesToKopecks } from './seller-prices';
import type { ChangedImportSchema } from './seller-state';
import { moscowDay, moscowTime } from './seller-supplies';

/** WB sends up to this many lines at once; a shorter answer is the end for now. */
export const STATISTICS_FULL_PAGE = 80_000;

/** Where an import stands: what it read, what it skipped, why it stopped, and the next `dateFrom`. */
export type ChangedImport = z.infer<typeof ChangedImportSchema>;

export interface ChangedImportDeps<R extends { changed: string }> {
  client: SellerClient;
  group: 'orders' | 'sales';
  path: string;
  parse: (page: readonly unknown[]) => { rows: R[]; dropped: number };
  cursor: { get: () => Promise<ChangedImport | undefined>; set: (c: ChangedImport) => Promise<void> };
  /** Stores a page's rows and the cursor after it, in one transaction. */
  store: (rows: R[], next: ChangedImport) => Promise<void>;
  /** The first import's dateFrom. */
  firstFrom: string;
  now: () => number;
  /** Pages one run reads at most: the next run goes on. */
  maxPages: number;
  fullPage?: number;
}

const stopped = (c: ChangedImport, problem: SellerProblem, at: number): ChangedImport => {
  const resumable = passes(problem);
  return { ...c, state: resumable ? 'running' : 'failed', problem, finishedAt: resumable ? null : at };
};

/** One run of an import of changed lines; resumes a running one. */
export async function importChanged<R extends { changed: string }>(deps: ChangedImportDeps<R>): Promise<ChangedImport> {
  const { now } = deps;
  const before = await deps.cursor.get();
  const at = now();
  let c: ChangedImport = {
    state: 'running',
    startedAt: before?.state === 'running' ? before.startedAt : at,
    finishedAt: null,
    problem: null,
    rows: before?.state === 'running' ? before.rows : 0,
    dropped: before?.state === 'running' ? before.dropped : 0,
    dateFrom: before?.dateFrom ?? deps.firstFrom,
  };
  await deps.cursor.set(c);
  for (let pages = 0; pages < deps.maxPages; pages++) {
    const result = await deps.client.request(deps.group, { path: deps.path, query: { dateFrom: c.dateFrom, flag: 0 } }, LinesPageSchema);
    if (!result.ok) {
      c = stopped(c, result.problem, now());
      await deps.cursor.set(c);
      return c;
    }
    const { rows, dropped } = deps.parse(result.data);
    // The next request starts at the newest change read (WB sends rows at or after dateFrom).
    const newest = rows.reduce<string | null>(
      (best, r) => (best === null || (moscowTime(r.changed) ?? 0) > (moscowTime(best) ?? 0) ? r.changed : best),
      null,
    );
    const moved = newest !== null && (moscowTime(newest) ?? 0) > (moscowTime(c.dateFrom) ?? 0);
    const last = result.data.length < (deps.fullPage ?? STATISTICS_FULL_PAGE) || !moved;
    const next: ChangedImport = {
      ...c,
      dateFrom: moved ? newest : c.dateFrom,
      rows: c.rows + rows.length,
      dropped: c.dropped + dropped,
      ...(last ? { state: 'done' as const, finishedAt: now() } : {}),
    };
    await deps.store(rows, next);
    c = next;
    if (last) return c;
  }
  return c;
}

/** An answer of lines: each is checked on its own (one odd line must not hide the rest). */
export const LinesPageSchema = z.array(z.unknown()).max(200_000);

export const SALES_PATH = '/api/v1/supplier/sales';

const Rubles = z.number().min(-100_000_000).max(100_000_000);
const SaleRowSchema = z.object({
  date: z.string().max(40),
  lastChangeDate: z.string().max(40),
  nmId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** "S…" a buyout, "R…" a return; the others (corrections: "D", "A", "B") are not counted. */
  saleID: z.string().min(2).max(100),
  forPay: Rubles.nullish(),
  finishedPrice: Rubles.nullish(),
  warehouseName: z.string().max(300).nullish(),
});

/** One buyout or return of the seller's, as Lupa keeps it. */
export interface OwnSale {
  saleID: string;
  nm: string;
  /** The Moscow day of the sale. */
  day: number;
  at: number;
  kind: 'sale' | 'return';
  /** What WB pays the seller for it (negative for a return), kopecks. */
  forPay: number;
  /** WB's lastChangeDate as sent (the next request's dateFrom). */
  changed: string;
}

/** A page of sales: buyouts and returns that fit, and how many lines did not (or were corrections). */
export function saleLinesOf(page: readonly unknown[]): { rows: OwnSale[]; dropped: number } {
  const rows: OwnSale[] = [];
  let dropped = 0;
  for (const raw of page) {
    const parsed = SaleRowSchema.safeParse(raw);
    const at = parsed.success ? moscowTime(parsed.data.date) : null;
    const kind = parsed.success ? ({ S: 'sale', R: 'return' } as const)[parsed.data.saleID[0] as 'S' | 'R'] : undefined;
    if (!parsed.success || at === null || moscowTime(parsed.data.lastChangeDate) === null || !kind) {
      dropped++;
      continue;
    }
    const s = parsed.data;
    rows.push({
      saleID: s.saleID,
      nm: String(s.nmId),
      day: moscowDay(at),
      at,
      kind,
      forPay: rublesToKopecks(s.forPay ?? 0),
      changed: s.lastChangeDate,
    });
  }
  return { rows, dropped };
}
