// The own catalogue in the options page: how many own items the last import brought from WB's
// prices & discounts API, its progress while it runs (asked again each second), and what stopped it,
// in the seller's words ("Токен без категории «Цены и скидки»").
import { useCallback, useEffect, useState } from 'react';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging';
import type { OwnCatalogue } from '../../utils/own-numbers/protocol';
import { Figure } from '../Figure';
import { formatDay, problemText } from '../seller-problem';

/** The import's state, asked again each second while it runs; `start` asks the background to import. */
export function useOwnCatalogue() {
  const [data, setData] = useState<OwnCatalogue | null>(null);
  const load = useCallback(() => ask('getOwnCatalogue', {}).then(setData, () => setData(null)), []);
  const start = useCallback(() => ask('importOwnCatalogue', {}).then(setData, () => setData(null)), []);
  useEffect(() => void load(), [load]);
  // Followed only while pages come in: a wait or a lost connection is resumed by the background's alarm.
  const running = data?.import?.state === 'running' && data.import.problem === null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [running, load]);
  return { data, start };
}

export function CatalogueBlock({ data, start }: ReturnType<typeof useOwnCatalogue>) {
  if (!data) return null;
  const run = data.import;
  return (
    <>
      <h3>{t('ownCatalogue')}</h3>
      <p className="lupa-muted">{t('ownCatalogueHint')}</p>
      <p>
        <Figure name="own-catalogue-state" value={run?.state ?? null} data-problem={run?.problem?.kind ?? ''}>
          {!run
            ? t('ownCatalogueNone')
            : run.state === 'running' && !run.problem
              ? t('ownCatalogueRunning', data.items)
              : run.state === 'done'
                ? t('ownCatalogueDone', formatDay(run.finishedAt ?? run.startedAt))
                : problemText(run.problem as NonNullable<NonNullable<OwnCatalogue['import']>['problem']>)}
        </Figure>
      </p>
      {run && (
        <p>
          <Figure name="own-catalogue" value={data.items}>
            {t('ownCatalogueKept', data.items)}
          </Figure>
        </p>
      )}
      <button type="button" data-lupa="own-catalogue-import" onClick={() => void start()}>
        {t('ownCatalogueImport')}
      </button>
    </>
  );
}
