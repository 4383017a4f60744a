// "Track": adds the product to the watchlist as the seller's own item or a competitor's; the
// background refreshes it on an alarm and raises tasks when it changes. Figure: watch-toggle
// (data-value: mine, competitor, or empty). Only the user's own clicks count (components/by-user.ts).
import { useRef, useState } from 'react';
import { type MessageKey, t } from '../../utils/i18n';
import { userOnly } from '../by-user';
import { saveProblem } from '../save-problem';
import { useLoadOnce } from '../use-load-once';

export type WatchRole = 'mine' | 'competitor' | null;

export interface WatchApi {
  get: () => Promise<{ role: WatchRole }>;
  set: (role: WatchRole) => Promise<{ role: WatchRole }>;
}

export function WatchToggle({ api }: { api: WatchApi }) {
  const [role, setRole] = useState<WatchRole | undefined>(undefined);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const apiRef = useRef(api);
  apiRef.current = api;
  useLoadOnce(
    () => apiRef.current.get(),
    (r) => setRole(r.role),
    () => setRole(null),
  );
  // Until the role is known the row is drawn with its buttons off, so that nothing below it in the
  // panel moves when it arrives (a click aimed at the next section would land here).
  const loading = role === undefined;
  const choose = async (next: WatchRole) => {
    try {
      setRole((await apiRef.current.set(next)).role);
      setProblem(null);
    } catch (error) {
      setProblem(saveProblem(error));
    }
  };
  return (
    <div
      className="lupa-watch"
      aria-busy={loading}
      data-lupa={loading ? undefined : 'watch-toggle'}
      data-value={loading ? undefined : (role ?? '')}
    >
      <span className="lupa-muted">{t('watchTrack')}:</span>
      {(['mine', 'competitor'] as const).map((r) => (
        <button
          key={r}
          type="button"
          aria-pressed={role === r}
          className={role === r ? 'lupa-on' : ''}
          data-role={r}
          disabled={loading}
          onClick={userOnly(() => void choose(role === r ? null : r))}
        >
          {t(r === 'mine' ? 'watchMine' : 'watchCompetitor')}
        </button>
      ))}
      {problem && <p className="lupa-note">{t(problem)}</p>}
    </div>
  );
}
