// "Track": adds the product to the watchlist as the seller's own item or a competitor's; the
// background refreshes it on an alarm and raises tasks when it changes. Figure: watch-toggle
// (data-value: mine, competitor, or empty). Only the user's own clicks count (components/by-user.ts).
// Plain DOM (components/parts.ts): the product panel and the popup draw it from here.
import { h } from '../../utils/content/dom';
import { setFigure } from '../../utils/figures';
import { type MessageKey, t } from '../../utils/i18n';
import { userOnly } from '../by-user';
import { loadOnce } from '../load-once';
import type { DrawnSection } from '../parts';
import { saveProblem } from '../save-problem';

export type WatchRole = 'mine' | 'competitor' | null;

export interface WatchApi {
  get: () => Promise<{ role: WatchRole }>;
  set: (role: WatchRole) => Promise<{ role: WatchRole }>;
}

const ROLES = ['mine', 'competitor'] as const;

export function watchToggle(into: HTMLElement, api: WatchApi): DrawnSection {
  let role: WatchRole | undefined;
  let alive = true;
  const choose = async (next: WatchRole) => {
    try {
      const saved = (await api.set(next)).role;
      if (!alive) return;
      role = saved;
      show(null);
    } catch (error) {
      if (alive) show(saveProblem(error));
    }
  };
  const buttons = ROLES.map((r) => {
    const button = h('button', { type: 'button', 'data-role': r }, t(r === 'mine' ? 'watchMine' : 'watchCompetitor'));
    button.addEventListener(
      'click',
      userOnly(() => void choose(role === r ? null : r)),
    );
    return button;
  });
  const note = h('p', { className: 'lupa-note' });
  const row = h('div', { className: 'lupa-watch' }, h('span', { className: 'lupa-muted' }, `${t('watchTrack')}:`), buttons);
  into.append(row);

  // Until the role is known the row is drawn with its buttons off, so that nothing below it in the
  // panel moves when it arrives (a click aimed at the next section would land here). The buttons
  // are updated in place: the one the user pressed keeps its focus.
  function show(problem: MessageKey | null) {
    const loading = role === undefined;
    row.setAttribute('aria-busy', String(loading));
    if (loading) {
      row.removeAttribute('data-lupa');
      row.removeAttribute('data-value');
    } else setFigure(row, 'watch-toggle', role ?? '');
    ROLES.forEach((r, i) => {
      const button = buttons[i] as HTMLButtonElement;
      button.setAttribute('aria-pressed', String(role === r));
      button.className = role === r ? 'lupa-on' : '';
      button.disabled = loading;
    });
    if (problem === null) note.remove();
    else {
      note.textContent = t(problem);
      row.append(note);
    }
  }
  show(null);
  const stop = loadOnce(
    () => api.get(),
    (r) => {
      role = r.role;
      show(null);
    },
    () => {
      role = null;
      show(null);
    },
  );
  return {
    unmount() {
      alive = false;
      stop();
      row.remove();
    },
  };
}
