// On a storefront product: "competitor of my item…" — one toggle per item the seller marked as
// theirs. A link puts this product beside that item on the cabinet's prices page. Figure:
// competitor-of (data-value: how many of the seller's items it is linked to); the closed control
// is competitor-of-open.
//
// The panel sits in the marketplace's page, whose scripts can read its (open) shadow root: the
// seller's own items and their links stay in Lupa's memory, out of the page, until the user opens
// the control (competitor-of-open), and only the user's own clicks open it or link anything
// (components/by-user.ts). Plain DOM (components/parts.ts): an item's toggle is made once and
// updated in place when the links are read again (the button the user pressed keeps its focus).
import { h } from '../../utils/content/dom';
import { placeChildren } from '../../utils/content/place-children';
import { setFigure } from '../../utils/figures';
import { type MessageKey, t } from '../../utils/i18n';
import type { ProductRef } from '../../utils/model';
import { userOnly } from '../by-user';
import { loadOnce } from '../load-once';
import type { DrawnSection } from '../parts';
import { saveProblem } from '../save-problem';

type OwnItem = ProductRef & { name: string };
type Links = { own: OwnItem[]; linkedTo: ProductRef[] };

export interface CompetitorOfApi {
  get: () => Promise<Links>;
  set: (mine: ProductRef, linked: boolean) => Promise<unknown>;
}

const keyOf = (r: ProductRef) => `${r.marketplace}:${r.id}`;
const shortName = (mine: OwnItem) => (mine.name ? (mine.name.length > 28 ? `${mine.name.slice(0, 27)}…` : mine.name) : `#${mine.id}`);

export function competitorOf(into: HTMLElement, api: CompetitorOfApi): DrawnSection {
  let data: Links | null = null;
  let open = false;
  let problem: MessageKey | null = null;
  let alive = true;
  const isLinked = (mine: ProductRef) => data?.linkedTo.some((r) => keyOf(r) === keyOf(mine)) === true;

  const toggle = async (mine: OwnItem) => {
    try {
      await api.set(mine, !isLinked(mine));
      const fresh = await api.get();
      if (!alive) return;
      data = fresh;
      problem = null;
    } catch (error) {
      if (!alive) return;
      problem = saveProblem(error);
    }
    show();
  };

  const opener = h(
    'button',
    { type: 'button', class: 'lupa-link', 'data-lupa': 'competitor-of-open', 'aria-expanded': 'false' },
    t('competitorOfOpen'),
  );
  opener.addEventListener(
    'click',
    userOnly(() => {
      open = true;
      show();
      // What was read at mount may be old (items marked since in another tab).
      api.get().then(
        (fresh) => {
          if (!alive) return;
          data = fresh;
          show();
        },
        () => {},
      );
    }),
  );
  const row = h('div', { class: 'lupa-watch' });
  const label = h('span', { class: 'lupa-muted' }, t('competitorOf'));
  const note = h('p', { class: 'lupa-note' });
  /** Each own item's toggle, by its key, with the item it stands for now. */
  const toggles = new Map<string, { button: HTMLButtonElement; mine: OwnItem }>();
  const toggleOf = (mine: OwnItem): HTMLButtonElement => {
    const key = keyOf(mine);
    let made = toggles.get(key);
    if (!made) {
      const button = h('button', { type: 'button', 'data-mine': key });
      button.addEventListener(
        'click',
        userOnly(() => {
          const current = toggles.get(key)?.mine;
          if (current) void toggle(current);
        }),
      );
      made = { button, mine };
      toggles.set(key, made);
    }
    made.mine = mine;
    const on = isLinked(mine);
    const { button } = made;
    button.setAttribute('aria-pressed', String(on));
    button.className = on ? 'lupa-on' : '';
    button.title = mine.name;
    button.textContent = shortName(mine);
    return button;
  };

  function show() {
    if (!data || data.own.length === 0) {
      row.remove();
      return;
    }
    if (!open) placeChildren(row, [opener]);
    else {
      setFigure(row, 'competitor-of', new Set(data.linkedTo.map(keyOf)).size);
      const own = data.own.map(toggleOf);
      for (const [key, { button }] of toggles) if (!own.includes(button)) toggles.delete(key);
      if (problem) note.textContent = t(problem);
      placeChildren(row, [label, own, problem && note]);
    }
    if (row.parentNode !== into) into.append(row);
  }

  const stop = loadOnce(
    () => api.get(),
    (loaded) => {
      data = loaded;
      show();
    },
    () => {
      data = null;
      show();
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
