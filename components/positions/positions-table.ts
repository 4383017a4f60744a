// The latest position per query with the change since the check before; drawn by the product
// panel's section and by the popup (through components/dom-part.tsx). Figures: position-organic,
// position-ad, position-page, position-change; the regions table: position-regions (and
// position-organic per region, data-dest), position-region-remove. Plain DOM (components/parts.ts).
import { h } from '../../utils/content/dom';
import { t } from '../../utils/i18n';
import type { PositionRow } from '../../utils/positions/tables';
import { userOnly } from '../by-user';

/** The latest row per query and the one before it (rows come oldest first). */
export function latestByQuery(rows: readonly PositionRow[]) {
  const out = new Map<string, { latest: PositionRow; previous: PositionRow | null }>();
  for (const row of rows) out.set(row.query, { latest: row, previous: out.get(row.query)?.latest ?? null });
  return out;
}

/** A query's organic place in the row's region ("not in the top N" when the scan did not find it; · before any scan). */
function organicCell(productId: string, query: string, row: PositionRow | undefined): HTMLElement {
  return h(
    'td',
    { className: 'lupa-num' },
    row
      ? h(
          'span',
          {
            'data-lupa': 'position-organic',
            'data-value': row.organic ?? '',
            'data-nm': productId,
            'data-query': query,
            'data-dest': row.region,
          },
          row.organic ?? t('posNotFound', row.depth * 100),
        )
      : '·',
  );
}

function change(latest: PositionRow, previous: PositionRow | null, nm: string): HTMLElement {
  if (!previous || latest.organic === null || previous.organic === null) return h('span', { className: 'lupa-muted' }, '—');
  const delta = previous.organic - latest.organic;
  return h(
    'span',
    {
      'data-lupa': 'position-change',
      'data-value': delta,
      'data-nm': nm,
      className: delta > 0 ? 'lupa-good' : delta < 0 ? 'lupa-bad' : 'lupa-muted',
    },
    delta > 0 ? `↑${delta}` : delta < 0 ? `↓${-delta}` : '=',
  );
}

/** A "×" that removes a query or a region: the user's own click only. */
function removeButton(label: string, attrs: Record<string, string | number>, remove: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', className: 'lupa-link', 'aria-label': label, ...attrs }, '×');
  button.addEventListener('click', userOnly(remove));
  return button;
}

export interface PositionsTableProps {
  productId: string;
  queries: readonly string[];
  rows: readonly PositionRow[];
  onRemove?: (query: string) => void;
}

/** The table, or null when no query is tracked. */
export function positionsTable({ productId, queries, rows, onRemove }: PositionsTableProps): HTMLTableElement | null {
  if (queries.length === 0) return null;
  const latest = latestByQuery(rows);
  return h(
    'table',
    { className: 'lupa-pos-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, t('posQuery')),
        h('th', null, t('posOrganic')),
        h('th', null, t('posAd')),
        h('th', null, t('posPage')),
        h('th'),
        onRemove && h('th'),
      ),
    ),
    h(
      'tbody',
      null,
      queries.map((query) => {
        const row = latest.get(query);
        const r = row?.latest;
        return h(
          'tr',
          { 'data-query': query },
          h('td', null, query),
          organicCell(productId, query, r),
          h(
            'td',
            { className: 'lupa-num' },
            r
              ? h('span', { 'data-lupa': 'position-ad', 'data-value': r.ad ?? '', 'data-nm': productId, 'data-query': query }, r.ad ?? '—')
              : '·',
          ),
          h('td', { className: 'lupa-num', 'data-lupa': 'position-page', 'data-value': r?.page ?? '' }, r?.page ?? ''),
          h('td', null, row && change(row.latest, row.previous, productId)),
          onRemove &&
            h(
              'td',
              null,
              removeButton(t('posRemove'), {}, () => onRemove(query)),
            ),
        );
      }),
    ),
  );
}

export interface RegionsTableProps {
  productId: string;
  queries: readonly string[];
  regions: ReadonlyArray<{ dest: number; name: string }>;
  /** The latest row per query in each region. */
  rows: readonly PositionRow[];
  onRemove?: (dest: number) => void;
}

/** The organic place per query in each region the user added: a query per row, a region per column; null with no region or query. */
export function regionsTable({ productId, queries, regions, rows, onRemove }: RegionsTableProps): HTMLTableElement | null {
  if (regions.length === 0 || queries.length === 0) return null;
  const latest = new Map(rows.map((r) => [`${r.region}|${r.query}`, r]));
  return h(
    'table',
    { className: 'lupa-pos-table', 'data-lupa': 'position-regions', 'data-value': regions.length },
    h('caption', null, t('posRegions')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, t('posQuery')),
        regions.map((region) =>
          h(
            'th',
            { title: `dest ${region.dest}`, 'data-dest': region.dest },
            region.name,
            onRemove &&
              removeButton(t('posRegionRemove'), { 'data-lupa': 'position-region-remove', 'data-dest': region.dest }, () =>
                onRemove(region.dest),
              ),
          ),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      queries.map((query) =>
        h(
          'tr',
          { 'data-region-query': query },
          h('td', null, query),
          regions.map((region) => organicCell(productId, query, latest.get(`${region.dest}|${query}`))),
        ),
      ),
    ),
  );
}
