// The panel's behaviour: show what the store has at once, refresh when it is old, update in place.
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../utils/i18n';
import type { ProductOverview, ProductOverviewRequest } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';
import { CompetitorOf, type CompetitorOfApi } from '../competitors/CompetitorOf';
import { type PositionsApi, PositionsSection } from '../positions/PositionsSection';
import { type TwinApi, TwinSection } from '../twin/TwinSection';
import { type WatchApi, WatchToggle } from '../watch/WatchToggle';
import { type PanelStatus, ProductPanel } from './ProductPanel';

export type LoadOverview = (mode: ProductOverviewRequest['mode']) => Promise<ProductOverview>;

export interface ProductPanelAppProps {
  /** Loads this panel's product; the panel is keyed by product, so a new article is a new panel. */
  marketplace: Marketplace;
  load: LoadOverview;
  /** The first answer when the page already has it (the storefront's core asked): shown at once, not asked again. */
  initial?: { overview: ProductOverview | null; status: PanelStatus };
  floating: boolean;
  /** Search positions for this product, where the marketplace has them. */
  positions?: PositionsApi;
  /** The product's twin on the other marketplace. */
  twin?: TwinApi;
  /** Watchlist membership of this product. */
  watch?: WatchApi;
  /** Which of the seller's own items this product competes with. */
  competitorOf?: CompetitorOfApi;
}

export function ProductPanelApp({ marketplace, load, initial, floating, positions, twin, watch, competitorOf }: ProductPanelAppProps) {
  // Re-renders (the panel moving beside the late price block) must not ask again.
  const loadRef = useRef(load);
  loadRef.current = load;
  const initialRef = useRef(initial);
  const [overview, setOverview] = useState<ProductOverview | null>(initial?.overview ?? null);
  const [status, setStatus] = useState<PanelStatus>(initial?.status ?? 'loading');
  const [refreshing, setRefreshing] = useState(false);
  const alive = useRef(true);

  const run = useCallback(async (mode: ProductOverviewRequest['mode']) => {
    try {
      const next = await loadRef.current(mode);
      if (!alive.current) return null;
      // A failed refresh keeps the data already shown; the state says what happened.
      setOverview((prev) => (next.product || !prev ? next : { ...prev, state: next.state, detail: next.detail }));
      setStatus(next.state);
      return next;
    } catch (error) {
      if (!alive.current) return null;
      console.warn('[lupa] product overview failed:', error instanceof Error ? error.message : error);
      setStatus('lupa-unavailable');
      return null;
    }
  }, []);

  const refresh = useCallback(
    async (mode: 'refresh' | 'user' = 'refresh') => {
      setRefreshing(true);
      await run(mode);
      if (alive.current) setRefreshing(false);
    },
    [run],
  );

  useEffect(() => {
    alive.current = true;
    const given = initialRef.current;
    if (given) {
      if (given.status === 'stale') void refresh();
    } else {
      void run('cached').then((first) => {
        if (first?.state === 'stale') void refresh();
      });
    }
    return () => {
      alive.current = false;
    };
  }, [run, refresh]);

  return (
    <ProductPanel
      marketplace={marketplace}
      status={status}
      overview={overview}
      refreshing={refreshing}
      floating={floating}
      now={Date.now()}
      onRefresh={() => void refresh('user')}
    >
      {watch && overview?.product && <WatchToggle api={watch} />}
      {competitorOf && overview?.product && <CompetitorOf api={competitorOf} />}
      {twin && overview?.product && <TwinSection marketplace={marketplace} priceNow={overview.product.priceNow} api={twin} />}
      {positions && overview?.product && (
        <>
          <h3>{t('positions')}</h3>
          <PositionsSection productId={overview.product.id} api={positions} />
        </>
      )}
    </ProductPanel>
  );
}
