// "Позиции": the queries a seller tracks for this product, where it stands for each (organic,
// ad, page) with the change since the previous check, a chart over time, and a scan with progress
// and cancel. Only the user's own typing and clicks change the queries or start a scan
// (components/by-user.ts). Figures: position-organic, position-ad (data-nm = the article, data-query).
import { useCallback, useEffect, useRef, useState } from 'react';
import { type MessageKey, stateMessage, t } from '../../utils/i18n';
import type { Marketplace } from '../../utils/model';
import type { PositionsReply, ScanStatus } from '../../utils/positions/protocol';
import { isStorageFull } from '../../utils/storage-full';
import { preventSubmit, userOnly } from '../by-user';
import { saveProblem } from '../save-problem';
import { PositionsChart } from './PositionsChart';
import { PositionsTable, RegionsTable } from './PositionsTable';

export interface PositionsApi {
  get: () => Promise<PositionsReply>;
  setQueries: (queries: string[]) => Promise<PositionsReply>;
  start: () => Promise<ScanStatus>;
  cancel: () => Promise<ScanStatus | null>;
  /** Adds the region the page delivers to; removes one. */
  addRegion: () => Promise<PositionsReply>;
  removeRegion: (dest: number) => Promise<PositionsReply>;
}

const POLL_MS = 400;

export function PositionsSection({
  productId,
  marketplace = 'wb',
  regions = true,
  api,
}: {
  productId: string;
  marketplace?: Marketplace;
  /** Whether the search has regions to add (WB); Ozon's has none Lupa can pick. */
  regions?: boolean;
  api: PositionsApi;
}) {
  const [data, setData] = useState<PositionsReply | null>(null);
  const [draft, setDraft] = useState('');
  const [failed, setFailed] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
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

  /** Whether the queries were saved; when not, the control says why and keeps what was typed. */
  const save = async (queries: string[]) => {
    try {
      const next = await apiRef.current.setQueries(queries);
      if (alive.current) {
        setData(next);
        setProblem(null);
      }
      return true;
    } catch (error) {
      if (alive.current) setProblem(saveProblem(error));
      return false;
    }
  };
  const addRegion = async () => {
    try {
      const next = await apiRef.current.addRegion();
      if (alive.current) {
        setData(next);
        setProblem(null);
      }
    } catch (error) {
      if (alive.current) setProblem(isStorageFull(error) ? 'storageFull' : 'posRegionFailed');
    }
  };
  const removeRegion = async (dest: number) => {
    try {
      const next = await apiRef.current.removeRegion(dest);
      if (alive.current) setData(next);
    } catch (error) {
      if (alive.current) setProblem(saveProblem(error));
    }
  };
  const add = async (query: string) => {
    const q = query.trim();
    if (q && data && (await save([...data.queries, q])) && alive.current) setDraft('');
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
  const scan = data.scan;

  return (
    <div className="lupa-positions" data-lupa="positions">
      <PositionsTable
        productId={productId}
        queries={data.queries}
        rows={data.rows}
        onRemove={(query) => void save(data.queries.filter((q) => q !== query))}
      />
      <RegionsTable
        productId={productId}
        queries={data.queries}
        regions={data.regions}
        rows={data.regionRows}
        onRemove={(dest) => void removeRegion(dest)}
      />
      <form className="lupa-pos-add lupa-form" onSubmit={preventSubmit}>
        <input
          data-lupa="position-query-input"
          value={draft}
          maxLength={120}
          placeholder={t('posAddPlaceholder')}
          onChange={userOnly((e) => setDraft(e.target.value))}
        />
        <button type="submit" onClick={userOnly(() => void add(draft))}>
          {t('posAdd')}
        </button>
      </form>
      {data.suggestions.length > 0 && (
        <div className="lupa-chips">
          {data.suggestions.map((s) => (
            <button key={s} type="button" className="lupa-chip" data-lupa="position-suggestion" onClick={userOnly(() => void add(s))}>
              + {s}
            </button>
          ))}
        </div>
      )}
      {regions && (
        <div className="lupa-chips">
          <button
            type="button"
            className="lupa-chip"
            data-lupa="position-region-add"
            title={t('posRegionAddHint')}
            onClick={userOnly(() => void addRegion())}
          >
            {t('posRegionAdd')}
          </button>
        </div>
      )}
      <div className="lupa-scan">
        {running && scan ? (
          <>
            <progress data-lupa="scan-progress" data-value={scan.done} data-total={scan.total} value={scan.done} max={scan.total} />
            <button type="button" data-lupa="scan-cancel" onClick={userOnly(() => void cancel())}>
              {t('posCancel')}
            </button>
          </>
        ) : (
          <button type="button" data-lupa="scan-start" disabled={data.queries.length === 0} onClick={userOnly(() => void start())}>
            {t('posScan')}
          </button>
        )}
        {scan && (
          <span data-lupa="scan-state" data-value={scan.state} className={scan.state === 'failed' ? 'lupa-bad' : 'lupa-muted'}>
            {scan.state === 'failed' && scan.problem ? stateMessage(scan.problem, marketplace) : t(`scan_${scan.state}`)}
          </span>
        )}
      </div>
      {problem && <p className="lupa-note">{t(problem)}</p>}
      {data.rows.length > 0 && <PositionsChart rows={data.rows} queries={data.queries} />}
    </div>
  );
}
