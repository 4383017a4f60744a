// The product's twin on the other marketplace: its price and rating beside this one, and the
// price difference. Linked by pasting the twin's URL or article. Figures: twin (the section, with
// data-marketplace), twin-price, twin-rating, twin-reviews, twin-diff (percent, the twin against
// this product; follows this product's price when the panel refreshes), twin-input, twin-unlink.
// Only the user's own typing and clicks link or unlink (components/by-user.ts): a script's change
// to the field is undone. Plain DOM (components/parts.ts): the field and the buttons are made once
// and stay while the section lives (the user's text and focus survive a redraw); the figures are
// rebuilt.
import { fig, h } from '../../utils/content/dom';
import { placeChildren } from '../../utils/content/place-children';
import { MARKET_NAME, stateMessage, t } from '../../utils/i18n';
import { otherMarketplace } from '../../utils/marketplaces/ids';
import { parseProductRef, productUrl } from '../../utils/marketplaces/refs';
import type { Marketplace } from '../../utils/model';
import { formatNumber, formatRub } from '../../utils/money';
import { isStorageFull } from '../../utils/storage-full';
import type { TwinReply } from '../../utils/twins/protocol';
import { preventSubmit, userOnly } from '../by-user';
import { draftInput } from '../draft-input';
import { loadOnce } from '../load-once';
import type { DrawnSection } from '../parts';
import { ratingFigures } from '../rating-figures';

export interface TwinApi {
  get: () => Promise<TwinReply>;
  set: (twin: string | null) => Promise<TwinReply>;
}

/** No link known: what the section shows when its first read failed (the user may still link). */
const UNLINKED: TwinReply = { twin: null, state: null, linkedId: null };

/** What went wrong last: the input is not a product of the other marketplace, the disk is full, or Lupa did not answer. */
type Problem = 'bad-input' | 'storage' | 'unavailable';

/** The twin's price, the difference against this product's, and its rating. */
function twinFigures(twin: NonNullable<TwinReply['twin']>, priceNow: number | null): HTMLElement {
  const diff = twin.priceNow !== null && priceNow ? Math.round(((twin.priceNow - priceNow) / priceNow) * 1000) / 10 : null;
  return h(
    'p',
    null,
    fig('twin-price', twin.priceNow, null, twin.priceNow === null ? t('outOfStock') : formatRub(twin.priceNow)),
    diff !== null && ' ',
    diff !== null &&
      fig('twin-diff', diff, { class: diff < 0 ? 'lupa-bad' : 'lupa-good' }, `(${diff > 0 ? '+' : ''}${formatNumber(diff)}%)`),
    ' · ',
    ratingFigures(twin.rating, twin.reviewCount, 'twin-rating', 'twin-reviews'),
  );
}

export function twinSection(
  into: HTMLElement,
  { marketplace, priceNow, api }: { marketplace: Marketplace; priceNow: number | null; api: TwinApi },
): DrawnSection {
  const other = otherMarketplace(marketplace);
  let price = priceNow;
  let data: TwinReply | null = null;
  let problem: Problem | null = null;
  let saving = false;
  let alive = true;

  const save = async (value: string | null) => {
    // Not the other marketplace's product: say so here, nothing to ask.
    if (value !== null && parseProductRef(value, other)?.marketplace !== other) {
      problem = 'bad-input';
      show();
      return;
    }
    saving = true;
    show();
    try {
      const reply = await api.set(value);
      if (!alive) return;
      data = reply;
      problem = null;
      field.set('');
    } catch (error) {
      if (!alive) return;
      problem = isStorageFull(error) ? 'storage' : 'unavailable';
    }
    saving = false;
    show();
  };

  // The draft is what the user typed: a script's change to the field is undone (draft-input.ts).
  const field = draftInput({ 'data-lupa': 'twin-input', maxlength: 500, placeholder: t('twinPlaceholder', MARKET_NAME[other]) });
  const linkButton = h('button', { type: 'submit' }, t('twinLink'));
  linkButton.addEventListener(
    'click',
    userOnly(() => {
      if (field.draft().trim() && !saving) void save(field.draft());
    }),
  );
  const form = h('form', { class: 'lupa-twin-form lupa-form' }, field.input, linkButton);
  form.addEventListener('submit', preventSubmit);

  const twinLink = h('a', { target: '_blank', rel: 'noreferrer' });
  const unlink = h('button', { type: 'button', class: 'lupa-link', 'data-lupa': 'twin-unlink' }, t('twinUnlink'));
  unlink.addEventListener(
    'click',
    userOnly(() => void save(null)),
  );
  const linkLine = h('p', { class: 'lupa-muted' }, twinLink, ' ', unlink);
  const status = h('p', { class: 'lupa-note', role: 'status' });
  const heading = h('h3', null, t('twinOn', MARKET_NAME[other]));
  const root = h('div', { class: 'lupa-twin', 'data-lupa': 'twin', 'data-marketplace': other });

  function show() {
    if (!data) return; // nothing until the first read answers
    form.setAttribute('aria-busy', String(saving));
    linkButton.disabled = saving;
    unlink.disabled = saving;
    field.restore();
    const said =
      problem === 'bad-input'
        ? t('twinBadInput', MARKET_NAME[other])
        : problem === 'storage'
          ? t('storageFull')
          : stateMessage('lupa-unavailable', marketplace);
    // A live region: its text is set only when it changes, so a redraw does not say it again.
    if (status.textContent !== said) status.textContent = said;
    const { twin, state, linkedId } = data;
    if (linkedId) {
      twinLink.setAttribute('href', productUrl({ marketplace: other, id: linkedId }));
      twinLink.textContent = twin?.name || `#${linkedId}`;
    }
    placeChildren(root, [
      heading,
      linkedId
        ? [
            twin && twinFigures(twin, price),
            state && state !== 'fresh' && state !== 'stale' && h('p', { class: 'lupa-note' }, stateMessage(state, other)),
            linkLine,
          ]
        : form,
      problem && status,
    ]);
    if (root.parentNode !== into) into.append(root);
  }

  const stop = loadOnce(
    () => api.get(),
    (reply) => {
      data = reply;
      show();
    },
    () => {
      data = UNLINKED;
      problem = 'unavailable';
      show();
    },
  );
  return {
    update(props) {
      price = props.priceNow;
      show();
    },
    unmount() {
      alive = false;
      stop();
      root.remove();
    },
  };
}
