// The panel's behaviour: show what the store has at once, refresh when it is old, update in place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductOverview, ProductOverviewRequest } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';
import type { PanelSection } from '../parts';
import { type PanelStatus, ProductPanel } from './ProductPanel';

export type LoadOverview = (mode: ProductOverviewRequest['mode']) => Promise<ProductOverview>;

export interface ProductPanelAppProps {
  /** Loads this panel's product; the panel is keyed by product, so a new article is a new panel. */
  marketplace: Marketplace;
  load: LoadOverview;
  /** The first answer when the page already has it (the storefront's core asked): shown at once, not asked again. */
  initial?: { overview: ProductOverview | null; status: PanelStatus };
  floating: boolean;
  /** The wallet price the page itself shows (kopecks; WB), read off its markup; null when none. */
  walletPrice?: number | null;
  /** The features' sections under the figures (components/product-panel/sections.ts); none in component tests. */
  sections?: readonly PanelSection[];
}

export function ProductPanelApp({ marketplace, load, initial, floating, walletPrice = null, sections = [] }: ProductPanelAppProps) {
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
      walletPrice={walletPrice}
      now={Date.now()}
      onRefresh={() => void refresh('user')}
    >
      {overview?.product &&
        sections.map(({ name, Section }) => (
          <Section
            key={name}
            marketplace={marketplace}
            id={overview.product?.id ?? ''}
            priceNow={overview.product?.priceNow ?? null}
            name={overview.product?.name ?? ''}
          />
        ))}
    </ProductPanel>
  );
}
