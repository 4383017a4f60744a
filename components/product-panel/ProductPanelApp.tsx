// The panel's behaviour: show what the store has at once, refresh when it is old, update in place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductOverview, ProductOverviewRequest } from '../../utils/messages';
import { type PanelStatus, ProductPanel } from './ProductPanel';

export type LoadOverview = (mode: ProductOverviewRequest['mode']) => Promise<ProductOverview>;

export interface ProductPanelAppProps {
  load: LoadOverview;
  floating: boolean;
}

export function ProductPanelApp({ load, floating }: ProductPanelAppProps) {
  const [overview, setOverview] = useState<ProductOverview | null>(null);
  const [status, setStatus] = useState<PanelStatus>('loading');
  const [refreshing, setRefreshing] = useState(false);
  const alive = useRef(true);

  const run = useCallback(
    async (mode: ProductOverviewRequest['mode']) => {
      try {
        const next = await load(mode);
        if (!alive.current) return null;
        // A failed refresh keeps the data already shown; the state says what happened.
        setOverview((prev) => (next.product || !prev ? next : { ...prev, state: next.state, detail: next.detail }));
        setStatus(next.state);
        return next;
      } catch (error) {
        if (!alive.current) return null;
        console.warn('[lupa] product overview failed:', error instanceof Error ? error.message : error);
        setStatus('server');
        return null;
      }
    },
    [load],
  );

  const refresh = useCallback(async () => {
    setRefreshing(true);
    await run('refresh');
    if (alive.current) setRefreshing(false);
  }, [run]);

  useEffect(() => {
    alive.current = true;
    void run('cached').then((first) => {
      if (first?.state === 'stale') void refresh();
    });
    return () => {
      alive.current = false;
    };
  }, [run, refresh]);

  return (
    <ProductPanel status={status} overview={overview} refreshing={refreshing} floating={floating} now={Date.now()} onRefresh={refresh} />
  );
}
