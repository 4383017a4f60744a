// On a storefront product: "competitor of my item…" — one toggle per item the seller marked as
// theirs. A link puts this product beside that item on the cabinet's prices page. Figure:
// competitor-of (data-value: how many of the seller's items it is linked to).
import { useRef, useState } from 'react';
import { t } from '../../utils/i18n';
import type { ProductRef } from '../../utils/model';
import { useLoadOnce } from '../use-load-once';

export interface CompetitorOfApi {
  get: () => Promise<{ own: Array<ProductRef & { name: string }>; linkedTo: ProductRef[] }>;
  set: (mine: ProductRef, linked: boolean) => Promise<unknown>;
}

const keyOf = (r: ProductRef) => `${r.marketplace}:${r.id}`;

export function CompetitorOf({ api }: { api: CompetitorOfApi }) {
  const [data, setData] = useState<Awaited<ReturnType<CompetitorOfApi['get']>> | null>(null);
  const apiRef = useRef(api);
  apiRef.current = api;
  useLoadOnce(
    () => apiRef.current.get(),
    setData,
    () => setData(null),
  );
  if (!data || data.own.length === 0) return null;
  const linked = new Set(data.linkedTo.map(keyOf));
  const toggle = async (mine: ProductRef) => {
    await apiRef.current.set(mine, !linked.has(keyOf(mine)));
    setData(await apiRef.current.get());
  };
  return (
    <div className="lupa-watch" data-lupa="competitor-of" data-value={linked.size}>
      <span className="lupa-muted">{t('competitorOf')}</span>
      {data.own.map((mine) => (
        <button
          key={keyOf(mine)}
          type="button"
          aria-pressed={linked.has(keyOf(mine))}
          className={linked.has(keyOf(mine)) ? 'lupa-on' : ''}
          data-mine={keyOf(mine)}
          title={mine.name}
          onClick={() => void toggle(mine)}
        >
          {mine.name ? (mine.name.length > 28 ? `${mine.name.slice(0, 27)}…` : mine.name) : `#${mine.id}`}
        </button>
      ))}
    </div>
  );
}
