// "Позиции": the queries a seller tracks for this product, where it stands for each (organic,
// ad, page) with the change since the previous check, a chart over time, and a scan with progress
// and cancel. Only the user's own typing and clicks change the queries or start a scan
// (components/by-user.ts). Figures: positions, position-organic, position-ad (data-nm = the
// article, data-query), position-page, position-change, position-chart, position-regions,
// scan-progress, scan-state, and the controls position-query-input, position-suggestion,
// position-region-add, position-region-remove, scan-start, scan-cancel.
// Plain DOM (components/parts.ts): the field, the region chip and the scan's buttons are made once
// and kept (focus and the typed query survive a redraw); the tables, chips and chart are rebuilt
// from each answer. While a scan runs the section asks for its progress every POLL_MS.
import { h } from '../../utils/content/dom';
import { placeChildren } from '../../utils/content/place-children';
import { type MessageKey, stateMessage, t } from '../../utils/i18n';
import type { Marketplace } from '../../utils/model';
import type { PositionsReply, ScanStatus } from '../../utils/positions/protocol';
import { isStorageFull } from '../../utils/storage-full';
import { preventSubmit, userOnly } from '../by-user';
import { draftInput } from '../draft-input';
import type { DrawnSection } from '../parts';
import { saveProblem } from '../save-problem';
import { positionsChart } from './positions-chart';
import { positionsTable, regionsTable } from './positions-table';

export interface PositionsApi {
  get: () => Promise<PositionsReply>;
  setQueries: (queries: string[]) => Promise<PositionsReply>;
  start: () => Promise<ScanStatus>;
  cancel: () => Promise<ScanStatus | null>;
  /** Adds the region the page delivers to; removes one. */
  addRegion: () => Promise<PositionsReply>;
  removeRegion: (dest: number) => Promise<PositionsReply>;
}

export interface PositionsSectionOptions {
  productId: string;
  marketplace?: Marketplace;
  /** Whether the search has regions to add (WB); Ozon's has none Lupa can pick. */
  regions?: boolean;
  api: PositionsApi;
}

export const POLL_MS = 400;

const clicked = (button: HTMLButtonElement, act: () => void) => {
  button.addEventListener('click', userOnly(act));
  return button;
};

/** Draws the section into `into` once the first answer is here (nothing before it). */
export function positionsSection(
  into: HTMLElement,
  { productId, marketplace = 'wb', regions = true, api }: PositionsSectionOptions,
): DrawnSection {
  let data: PositionsReply | null = null;
  let failed = false;
  let problem: MessageKey | null = null;
  let alive = true;
  let poll: ReturnType<typeof setInterval> | undefined;
  let chart: ReturnType<typeof positionsChart> | null = null;

  const refresh = async () => {
    try {
      const next = await api.get();
      if (alive) show(next);
    } catch {
      if (alive) {
        failed = true;
        draw();
      }
    }
  };
  /** An answer that changed the data: shown, and the last problem cleared when `clear`. */
  const show = (next: PositionsReply, clear = false) => {
    data = next;
    if (clear) problem = null;
    draw();
  };
  const fail = (why: MessageKey) => {
    problem = why;
    draw();
  };

  /** Whether the queries were saved; when not, the section says why and keeps what was typed. */
  const save = async (queries: string[]) => {
    try {
      const next = await api.setQueries(queries);
      if (alive) show(next, true);
      return true;
    } catch (error) {
      if (alive) fail(saveProblem(error));
      return false;
    }
  };
  const addRegion = async () => {
    try {
      const next = await api.addRegion();
      if (alive) show(next, true);
    } catch (error) {
      if (alive) fail(isStorageFull(error) ? 'storageFull' : 'posRegionFailed');
    }
  };
  const removeRegion = async (dest: number) => {
    try {
      const next = await api.removeRegion(dest);
      if (alive) show(next);
    } catch (error) {
      if (alive) fail(saveProblem(error));
    }
  };
  const add = async (query: string) => {
    const q = query.trim();
    if (q && data && (await save([...data.queries, q])) && alive) field.set('');
  };
  const start = async () => {
    await api.start();
    await refresh();
  };
  const cancel = async () => {
    await api.cancel();
    await refresh();
  };

  // Made once: the field keeps the user's draft and focus, the buttons their focus.
  const field = draftInput({ 'data-lupa': 'position-query-input', maxlength: 120, placeholder: t('posAddPlaceholder') });
  const form = h(
    'form',
    { className: 'lupa-pos-add lupa-form' },
    field.input,
    clicked(h('button', { type: 'submit' }, t('posAdd')), () => void add(field.draft())),
  );
  form.addEventListener('submit', preventSubmit);
  const regionChips =
    regions &&
    h(
      'div',
      { className: 'lupa-chips' },
      clicked(
        h(
          'button',
          { type: 'button', className: 'lupa-chip', 'data-lupa': 'position-region-add', title: t('posRegionAddHint') },
          t('posRegionAdd'),
        ),
        () => void addRegion(),
      ),
    );
  const progress = h('progress', { 'data-lupa': 'scan-progress' });
  const cancelButton = clicked(h('button', { type: 'button', 'data-lupa': 'scan-cancel' }, t('posCancel')), () => void cancel());
  const startButton = clicked(h('button', { type: 'button', 'data-lupa': 'scan-start' }, t('posScan')), () => void start());
  const scanRow = h('div', { className: 'lupa-scan' });
  const root = h('div', { className: 'lupa-positions', 'data-lupa': 'positions' });
  const unavailable = h('p', { className: 'lupa-note' }, t('sectionUnavailable'));

  function draw() {
    const running = !failed && data?.scan?.state === 'running';
    if (running && poll === undefined) poll = setInterval(() => void refresh(), POLL_MS);
    if (!running && poll !== undefined) {
      clearInterval(poll);
      poll = undefined;
    }
    chart?.dispose();
    chart = null;
    if (failed) {
      root.remove();
      into.append(unavailable);
      return;
    }
    if (!data) return;
    const d = data;
    const scan = d.scan;
    if (running && scan) {
      for (const [name, value] of [
        ['data-value', scan.done],
        ['data-total', scan.total],
        ['value', scan.done],
        ['max', scan.total],
      ] as const)
        progress.setAttribute(name, String(value));
    } else startButton.disabled = d.queries.length === 0;
    placeChildren(scanRow, [
      ...(running ? [progress, cancelButton] : [startButton]),
      scan &&
        h(
          'span',
          { 'data-lupa': 'scan-state', 'data-value': scan.state, className: scan.state === 'failed' ? 'lupa-bad' : 'lupa-muted' },
          scan.state === 'failed' && scan.problem ? stateMessage(scan.problem, marketplace) : t(`scan_${scan.state}`),
        ),
    ]);
    if (d.rows.length > 0) chart = positionsChart(d.rows, d.queries);
    placeChildren(root, [
      positionsTable({ productId, queries: d.queries, rows: d.rows, onRemove: (query) => void save(d.queries.filter((q) => q !== query)) }),
      regionsTable({ productId, queries: d.queries, regions: d.regions, rows: d.regionRows, onRemove: (dest) => void removeRegion(dest) }),
      form,
      d.suggestions.length > 0 &&
        h(
          'div',
          { className: 'lupa-chips' },
          d.suggestions.map((s) =>
            clicked(
              h('button', { type: 'button', className: 'lupa-chip', 'data-lupa': 'position-suggestion' }, `+ ${s}`),
              () => void add(s),
            ),
          ),
        ),
      regionChips,
      scanRow,
      problem && h('p', { className: 'lupa-note' }, t(problem)),
      chart?.element,
    ]);
    if (root.parentNode !== into) into.append(root);
  }

  void refresh();
  return {
    unmount() {
      alive = false;
      clearInterval(poll);
      poll = undefined;
      chart?.dispose();
      root.remove();
      unavailable.remove();
    },
  };
}
