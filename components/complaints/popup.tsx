// The complaint digests in the popup: the seller's own items with 1–3★ reviews in the last 30 days,
// the most first, each with its top topics and their change. The counts are stored when the reviews
// are read (the panel's look, the periodic refresh); opening the popup reads them and counts nothing.
import { t } from '../../utils/i18n';
import { productUrl } from '../../utils/marketplaces/refs';
import { DomPart } from '../dom-part';
import { Figure } from '../Figure';
import type { PopupPart, PopupPartProps } from '../parts';
import { useAnswer } from '../use-answer';
import { drawTopics } from './topic-list';

/** Items shown; the rest are counted. */
const SHOWN = 10;
/** Topics shown per item. */
const TOPICS_SHOWN = 3;

function ComplaintsSection({ failed }: PopupPartProps) {
  const data = useAnswer('getComplaintDigests', {}, failed);
  // Nothing to say until the seller has own items with complaints.
  if (!data || data.items.length === 0) return null;
  return (
    <>
      <h2>{t('complaintsPopupTitle')}</h2>
      <ul className="lupa-complaint-items">
        {data.items.slice(0, SHOWN).map((item) => (
          <Figure as="li" key={item.productId} name="complaint-item" value={item.recent} data-product={item.productId}>
            <a href={productUrl({ marketplace: item.marketplace, id: item.productId })} target="_blank" rel="noreferrer">
              {item.name || item.productId}
            </a>{' '}
            <span className="lupa-muted">{t('complaintsItemCount', item.recent)}</span>
            <DomPart draw={(into) => drawTopics(into, item.topics, TOPICS_SHOWN)} deps={[item]} />
          </Figure>
        ))}
      </ul>
      {data.items.length > SHOWN && <p className="lupa-muted">{t('complaintsMore', data.items.length - SHOWN)}</p>}
    </>
  );
}

export const complaintsPopup: PopupPart = { name: 'complaints', Section: ComplaintsSection };
