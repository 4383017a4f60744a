// The latest position per query with the change since the check before; used by the product
// panel and the popup. Figures: position-organic, position-ad, position-page, position-change.
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
function OrganicCell({ productId, query, row }: { productId: string; query: string; row: PositionRow | undefined }) {
  return (
    <td className="lupa-num">
      {row ? (
        <span data-lupa="position-organic" data-value={row.organic ?? ''} data-nm={productId} data-query={query} data-dest={row.region}>
          {row.organic ?? t('posNotFound', row.depth * 100)}
        </span>
      ) : (
        '·'
      )}
    </td>
  );
}

function Change({ latest, previous, nm }: { latest: PositionRow; previous: PositionRow | null; nm: string }) {
  if (!previous || latest.organic === null || previous.organic === null) return <span className="lupa-muted">—</span>;
  const delta = previous.organic - latest.organic;
  return (
    <span
      data-lupa="position-change"
      data-value={delta}
      data-nm={nm}
      className={delta > 0 ? 'lupa-good' : delta < 0 ? 'lupa-bad' : 'lupa-muted'}
    >
      {delta > 0 ? `↑${delta}` : delta < 0 ? `↓${-delta}` : '='}
    </span>
  );
}

export interface PositionsTableProps {
  productId: string;
  queries: readonly string[];
  rows: readonly PositionRow[];
  onRemove?: (query: string) => void;
}

export function PositionsTable({ productId, queries, rows, onRemove }: PositionsTableProps) {
  if (queries.length === 0) return null;
  const latest = latestByQuery(rows);
  return (
    <table className="lupa-pos-table">
      <thead>
        <tr>
          <th>{t('posQuery')}</th>
          <th>{t('posOrganic')}</th>
          <th>{t('posAd')}</th>
          <th>{t('posPage')}</th>
          <th />
          {onRemove && <th />}
        </tr>
      </thead>
      <tbody>
        {queries.map((query) => {
          const row = latest.get(query);
          const r = row?.latest;
          return (
            <tr key={query} data-query={query}>
              <td>{query}</td>
              <OrganicCell productId={productId} query={query} row={r} />
              <td className="lupa-num">
                {r ? (
                  <span data-lupa="position-ad" data-value={r.ad ?? ''} data-nm={productId} data-query={query}>
                    {r.ad ?? '—'}
                  </span>
                ) : (
                  '·'
                )}
              </td>
              <td className="lupa-num" data-lupa="position-page" data-value={r?.page ?? ''}>
                {r?.page ?? ''}
              </td>
              <td>{row && <Change latest={row.latest} previous={row.previous} nm={productId} />}</td>
              {onRemove && (
                <td>
                  <button type="button" className="lupa-link" aria-label={t('posRemove')} onClick={userOnly(() => onRemove(query))}>
                    ×
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
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

/** The organic place per query in each region the user added: a query per row, a region per column. */
export function RegionsTable({ productId, queries, regions, rows, onRemove }: RegionsTableProps) {
  if (regions.length === 0 || queries.length === 0) return null;
  const latest = new Map(rows.map((r) => [`${r.region}|${r.query}`, r]));
  return (
    <table className="lupa-pos-table" data-lupa="position-regions" data-value={regions.length}>
      <caption>{t('posRegions')}</caption>
      <thead>
        <tr>
          <th>{t('posQuery')}</th>
          {regions.map((region) => (
            <th key={region.dest} title={`dest ${region.dest}`} data-dest={region.dest}>
              {region.name}
              {onRemove && (
                <button
                  type="button"
                  className="lupa-link"
                  aria-label={t('posRegionRemove')}
                  data-lupa="position-region-remove"
                  data-dest={region.dest}
                  onClick={userOnly(() => onRemove(region.dest))}
                >
                  ×
                </button>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {queries.map((query) => (
          <tr key={query} data-region-query={query}>
            <td>{query}</td>
            {regions.map((region) => {
              const r = latest.get(`${region.dest}|${query}`);
              return <OrganicCell key={region.dest} productId={productId} query={query} row={r} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
