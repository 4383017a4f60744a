// "Позиции": the queries a seller tracks for this product, where it stands for each (organic,
// ad, page) with the change since the previous check, a chart over time, and a scan with progress
// and cancel. Figures: position-organic, position-ad (data-nm = the article, data-query).
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../utils/i18n';
import type { PositionsReply, ScanStatus } from '../../utils/messages';
import type { PositionRow } from '../../utils/model';
import { PositionsChart } from './PositionsChart';

export interface PositionsApi {
  get: () => Promise<PositionsReply>;
  setQueries: (queries: string[]) => Promise<PositionsReply>;
  start: () => Promise<ScanStatus>;
  cancel: () => Promise<ScanStatus | null>;
}

const POLL_MS = 400;

/** The latest row per query and the one before it. */
function latestByQuery(rows: readonly PositionRow[]) {
  const out = new Map<string, { latest: PositionRow; previous: PositionRow | null }>();
  for (const row of rows) {
    const seen = out.get(row.query);
    out.set(row.query, { latest: row, previous: seen?.latest ?? null });
  }
  return out;
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

export function PositionsSection({ productId, api }: { productId: string; api: PositionsApi }) {
  const [data, setData] = useState<PositionsReply | null>(null);
  const [draft, setDraft] = useState('');
  const [failed, setFailed] = useState(false);
  const alive = useRef(true);
  const apiRef = useRef(api);
  apiRef.current = api;

  const refresh = useCallback(async () => {
    try {
      const next = await apiRef.current.get();
      if (alive.current) setData(next);
      return next;
    } catch {
      if (alive.current) setFailed(true);
      return null;
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  const running = data?.scan?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);

  const save = async (queries: string[]) => {
    const next = await apiRef.current.setQueries(queries);
    if (alive.current) setData(next);
  };
  const add = (query: string) => {
    const q = query.trim();
    if (q && data) void save([...data.queries, q]);
    setDraft('');
  };
  const start = async () => {
    await apiRef.current.start();
    await refresh();
  };
  const cancel = async () => {
    await apiRef.current.cancel();
    await refresh();
  };

  if (failed) return <p className="lupa-note">{t('sectionUnavailable')}</p>;
  if (!data) return null;
  const latest = latestByQuery(data.rows);
  const scan = data.scan;

  return (
    <div className="lupa-positions" data-lupa="positions">
      {data.queries.length > 0 && (
        <table className="lupa-pos-table">
          <thead>
            <tr>
              <th>{t('posQuery')}</th>
              <th>{t('posOrganic')}</th>
              <th>{t('posAd')}</th>
              <th>{t('posPage')}</th>
              <th />
              <th />
            </tr>
          </thead>
          <tbody>
            {data.queries.map((query) => {
              const row = latest.get(query);
              const r = row?.latest;
              return (
                <tr key={query} data-query={query}>
                  <td>{query}</td>
                  <td className="lupa-num">
                    {r ? (
                      <span data-lupa="position-organic" data-value={r.organic ?? ''} data-nm={productId} data-query={query}>
                        {r.organic ?? t('posNotFound', r.depth * 100)}
                      </span>
                    ) : (
                      '·'
                    )}
                  </td>
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
                  <td>
                    <button
                      type="button"
                      className="lupa-link"
                      aria-label={t('posRemove')}
                      onClick={() => void save(data.queries.filter((q) => q !== query))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form
        className="lupa-pos-add"
        onSubmit={(e) => {
          e.preventDefault();
          add(draft);
        }}
      >
        <input
          data-lupa="position-query-input"
          value={draft}
          maxLength={120}
          placeholder={t('posAddPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{t('posAdd')}</button>
      </form>
      {data.suggestions.length > 0 && (
        <div className="lupa-chips">
          {data.suggestions.map((s) => (
            <button key={s} type="button" className="lupa-chip" data-lupa="position-suggestion" onClick={() => add(s)}>
              + {s}
            </button>
          ))}
        </div>
      )}
      <div className="lupa-scan">
        {running && scan ? (
          <>
            <progress data-lupa="scan-progress" data-value={scan.done} data-total={scan.total} value={scan.done} max={scan.total} />
            <button type="button" data-lupa="scan-cancel" onClick={() => void cancel()}>
              {t('posCancel')}
            </button>
          </>
        ) : (
          <button type="button" data-lupa="scan-start" disabled={data.queries.length === 0} onClick={() => void start()}>
            {t('posScan')}
          </button>
        )}
        {scan && (
          <span data-lupa="scan-state" data-value={scan.state} className={scan.state === 'failed' ? 'lupa-bad' : 'lupa-muted'}>
            {scan.state === 'failed' && scan.problem
              ? t(`state_${scan.problem.replace(/-/g, '_')}` as 'state_server')
              : t(`scan_${scan.state}`)}
          </span>
        )}
      </div>
      {data.rows.length > 0 && <PositionsChart rows={data.rows} queries={data.queries} />}
    </div>
  );
}
