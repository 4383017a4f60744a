// The product's twin on the other marketplace: its price and rating beside this one, and the
// price difference. Linked by pasting the twin's URL or article. Figures: twin-price, twin-rating,
// twin-reviews, twin-diff (percent, the twin against this product). Only the user's own typing and
// clicks link or unlink (components/by-user.ts).
import { useRef, useState } from 'react';
import { MARKET_NAME, stateMessage, t } from '../../utils/i18n';
import { otherMarketplace } from '../../utils/marketplaces/ids';
import { parseProductRef, productUrl } from '../../utils/marketplaces/refs';
import type { Marketplace } from '../../utils/model';
import { formatNumber, formatRub } from '../../utils/money';
import { isStorageFull } from '../../utils/storage-full';
import type { TwinReply } from '../../utils/twins/protocol';
import { preventSubmit, userOnly } from '../by-user';
import { Figure } from '../Figure';
import { RatingFigures } from '../RatingFigures';
import { useLoadOnce } from '../use-load-once';

export interface TwinApi {
  get: () => Promise<TwinReply>;
  set: (twin: string | null) => Promise<TwinReply>;
}

/** No link known: what the section shows when its first read failed (the user may still link). */
const UNLINKED: TwinReply = { twin: null, state: null, linkedId: null };

export function TwinSection({ marketplace, priceNow, api }: { marketplace: Marketplace; priceNow: number | null; api: TwinApi }) {
  const other = otherMarketplace(marketplace);
  const [data, setData] = useState<TwinReply | null>(null);
  const [draft, setDraft] = useState('');
  /** What went wrong last: the input is not a product of the other marketplace, the disk is full, or Lupa did not answer. */
  const [problem, setProblem] = useState<'bad-input' | 'storage' | 'unavailable' | null>(null);
  const [saving, setSaving] = useState(false);
  const apiRef = useRef(api);
  apiRef.current = api;

  useLoadOnce(
    () => apiRef.current.get(),
    setData,
    () => {
      setData(UNLINKED);
      setProblem('unavailable');
    },
  );

  const save = async (value: string | null) => {
    // Not the other marketplace's product: say so here, nothing to ask.
    if (value !== null && parseProductRef(value, other)?.marketplace !== other) {
      setProblem('bad-input');
      return;
    }
    setSaving(true);
    try {
      setData(await apiRef.current.set(value));
      setProblem(null);
      setDraft('');
    } catch (e) {
      setProblem(isStorageFull(e) ? 'storage' : 'unavailable');
    } finally {
      setSaving(false);
    }
  };

  if (!data) return null;
  const twin = data.twin;
  const diff = twin?.priceNow != null && priceNow ? Math.round(((twin.priceNow - priceNow) / priceNow) * 1000) / 10 : null;

  return (
    <div className="lupa-twin" data-lupa="twin" data-marketplace={other}>
      <h3>{t('twinOn', MARKET_NAME[other])}</h3>
      {data.linkedId ? (
        <>
          {twin ? (
            <p>
              <Figure name="twin-price" value={twin.priceNow}>
                {twin.priceNow === null ? t('outOfStock') : formatRub(twin.priceNow)}
              </Figure>
              {diff !== null && (
                <>
                  {' '}
                  <Figure name="twin-diff" value={diff} className={diff < 0 ? 'lupa-bad' : 'lupa-good'}>
                    ({diff > 0 ? '+' : ''}
                    {formatNumber(diff)}%)
                  </Figure>
                </>
              )}
              {' · '}
              <RatingFigures
                rating={twin.rating}
                reviewCount={twin.reviewCount}
                names={{ rating: 'twin-rating', reviews: 'twin-reviews' }}
              />
            </p>
          ) : null}
          {data.state && data.state !== 'fresh' && data.state !== 'stale' && <p className="lupa-note">{stateMessage(data.state, other)}</p>}
          <p className="lupa-muted">
            <a href={productUrl({ marketplace: other, id: data.linkedId })} target="_blank" rel="noreferrer">
              {twin?.name || `#${data.linkedId}`}
            </a>{' '}
            <button type="button" className="lupa-link" data-lupa="twin-unlink" disabled={saving} onClick={userOnly(() => void save(null))}>
              {t('twinUnlink')}
            </button>
          </p>
        </>
      ) : (
        <form className="lupa-twin-form lupa-form" aria-busy={saving} onSubmit={preventSubmit}>
          <input
            data-lupa="twin-input"
            value={draft}
            maxLength={500}
            placeholder={t('twinPlaceholder', MARKET_NAME[other])}
            onChange={userOnly((e) => setDraft(e.target.value))}
          />
          <button
            type="submit"
            disabled={saving}
            onClick={userOnly(() => {
              if (draft.trim() && !saving) void save(draft);
            })}
          >
            {t('twinLink')}
          </button>
        </form>
      )}
      {problem && (
        <p className="lupa-note" role="status">
          {problem === 'bad-input'
            ? t('twinBadInput', MARKET_NAME[other])
            : problem === 'storage'
              ? t('storageFull')
              : stateMessage('lupa-unavailable', marketplace)}
        </p>
      )}
    </div>
  );
}
