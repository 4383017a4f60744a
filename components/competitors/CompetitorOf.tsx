// On a storefront product: "competitor of my item…" — one toggle per item the seller marked as
// theirs. A link puts this product beside that item on the cabinet's prices page. Figure:
// competitor-of (data-value: how many of the seller's items it is linked to).
//
// The panel sits in the marketplace's page, whose scripts can read its (open) shadow root: the
// seller's own items and their links stay in Lupa's memory, out of the page, until the user opens
// the control (competitor-of-open), and only the user's own clicks open it or link anything
// (components/by-user.ts).
import { useRef, useState } from 'react';
import { type MessageKey, t } from '../../utils/i18n';
import type { ProductRef } from '../../utils/model';
import { userOnly } from '../by-user';
import { saveProblem } from '../save-problem';
import { useLoadOnce } from '../use-load-once';

export interface CompetitorOfApi {
  get: () => Promise<{ own: Array<ProductRef & { name: string }>; linkedTo: ProductRef[] }>;
  set: (mine: ProductRef, linked: boolean) => Promise<unknown>;
}

const keyOf = (r: ProductRef) => `${r.marketplace}:${r.id}`;

export function CompetitorOf({ api }: { api: CompetitorOfApi }) {
  const [data, setData] = useState<Awaited<ReturnType<CompetitorOfApi['get']>> | null>(null);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const apiRef = useRef(api);
  apiRef.current = api;
  useLoadOnce(
    () => apiRef.current.get(),
    setData,
    () => setData(null),
  );
  if (!data || data.own.length === 0) return null;
  if (!open)
    return (
      <div className="lupa-watch">
        <button
          type="button"
          className="lupa-link"
          data-lupa="competitor-of-open"
          aria-expanded={false}
          onClick={userOnly(() => {
            setOpen(true);
            // What was read at mount may be old (items marked since in another tab).
            apiRef.current.get().then(setData, () => {});
          })}
        >
          {t('competitorOfOpen')}
        </button>
      </div>
    );
  const linked = new Set(data.linkedTo.map(keyOf));
  const toggle = async (mine: ProductRef) => {
    try {
      await apiRef.current.set(mine, !linked.has(keyOf(mine)));
      setData(await apiRef.current.get());
      setProblem(null);
    } catch (error) {
      setProblem(saveProblem(error));
    }
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
          onClick={userOnly(() => void toggle(mine))}
        >
          {mine.name ? (mine.name.length > 28 ? `${mine.name.slice(0, 27)}…` : mine.name) : `#${mine.id}`}
        </button>
      ))}
      {problem && <p className="lupa-note">{t(problem)}</p>}
    </div>
  );
}
