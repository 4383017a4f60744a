// The complaint digest in the storefront panel of the seller's own item (WB): what its 1–3★ reviews of
// the last 30 days complain about, against the 30 days before, so the seller sees what to fix in the
// product or the card. Figures: complaints (the section), complaint-topic (topic-list.ts). Nothing
// for other sellers' items (nothing in the DOM at all). Plain DOM (components/parts.ts).
import type { ComplaintDigestReply } from '../../utils/complaints/protocol';
import { h } from '../../utils/content/dom';
import { formatAge, stateMessage, t } from '../../utils/content/i18n';
import { ask } from '../../utils/content/messaging';
import { adapterOf } from '../../utils/marketplaces';
import type { DrawnSection, PanelSection } from '../parts';
import { drawLoaded } from '../plain-part';
import { drawTopics } from './topic-list';

function digestOf({ digest, problem }: ComplaintDigestReply): HTMLElement {
  const section = h(
    'div',
    { 'data-lupa': 'complaints' },
    h('h3', null, t('complaintsTitle')),
    problem && h('p', { className: 'lupa-note' }, stateMessage(problem, 'wb')),
    digest && problem && h('p', { className: 'lupa-muted' }, t('complaintsAge', formatAge(Date.now() - digest.at))),
  );
  if (digest)
    if (digest.recent === 0) section.append(h('p', { className: 'lupa-good' }, t('complaintsNone', digest.previous)));
    else {
      section.append(h('p', { className: 'lupa-muted' }, t('complaintsCount', digest.recent, digest.previous)));
      drawTopics(section, digest.topics);
    }
  return section;
}

export const complaintSection = (into: HTMLElement, load: () => Promise<ComplaintDigestReply>): DrawnSection =>
  drawLoaded(
    into,
    load,
    (reply) => (reply.own ? digestOf(reply) : null),
    () => h('p', { className: 'lupa-note' }, t('sectionUnavailable')),
  );

export const complaintsPanel: PanelSection = {
  name: 'complaints',
  draw: (into, { marketplace, id }) =>
    adapterOf(marketplace).sellerApi ? complaintSection(into, () => ask('getComplaintDigest', { marketplace, id })) : undefined,
};
