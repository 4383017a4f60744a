// The complaint digest in the storefront panel of the seller's own item (WB): what its 1–3★ reviews of
// the last 30 days complain about, against the 30 days before, so the seller sees what to fix in the
// product or the card. Nothing for other sellers' items.
import { useState } from 'react';
import type { ComplaintDigestReply } from '../../utils/complaints/protocol';
import { formatAge, stateMessage, t } from '../../utils/content/i18n';
import { ask } from '../../utils/content/messaging';
import type { PanelSection } from '../parts';
import { reactSection } from '../product-panel/react-section';
import { useLoadOnce } from '../use-load-once';
import { TopicList, topicKey } from './TopicList';

export function ComplaintSection({ load }: { load: () => Promise<ComplaintDigestReply> }) {
  const [reply, setReply] = useState<ComplaintDigestReply | null>(null);
  const [failed, setFailed] = useState(false);
  useLoadOnce(load, setReply, () => setFailed(true));
  if (failed) return <p className="lupa-note">{t('sectionUnavailable')}</p>;
  if (!reply?.own) return null;
  const { digest, problem } = reply;
  return (
    <div data-lupa="complaints">
      <h3>{t('complaintsTitle')}</h3>
      {problem && <p className="lupa-note">{stateMessage(problem, 'wb')}</p>}
      {digest && problem && <p className="lupa-muted">{t('complaintsAge', formatAge(Date.now() - digest.at))}</p>}
      {digest &&
        (digest.recent === 0 ? (
          <p className="lupa-good">{t('complaintsNone', digest.previous)}</p>
        ) : (
          <>
            <p className="lupa-muted">{t('complaintsCount', digest.recent, digest.previous)}</p>
            <TopicList topics={digest.topics} label={(topic) => t(topicKey(topic))} changeTitle={t('complaintsChange')} />
          </>
        ))}
    </div>
  );
}

export const complaintsPanel: PanelSection = {
  name: 'complaints',
  draw: reactSection(({ marketplace, id }) =>
    marketplace === 'wb' ? <ComplaintSection load={() => ask('getComplaintDigest', { marketplace, id })} /> : null,
  ),
};
