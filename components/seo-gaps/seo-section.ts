// "Слова конкурентов": for a query the seller types, the words and phrases the top organic cards
// use that this card lacks (with how many of them use each), and the words only this card uses.
// Figures: seo-gaps (the section), seo-query-input, seo-compare, seo-rivals (data-query,
// data-skipped, data-min), seo-missing (data-count, data-phrase), seo-unique. Words come from the
// marketplace and are shown as text. Reading ten cards takes a moment: the section says so
// meanwhile, what was typed stays (the field is drawn once; only what follows the form is redrawn),
// and a newer query's answer wins over an older one. Plain DOM (components/parts.ts).
import { fig, h } from '../../utils/content/dom';
import { stateMessage, t } from '../../utils/content/i18n';
import { placeChildren } from '../../utils/content/place-children';
import { setFigure } from '../../utils/figures';
import type { SeoGapsReply } from '../../utils/seo-gaps/protocol';
import { preventSubmit, userOnly } from '../by-user';
import { draftInput } from '../draft-input';
import type { DrawnSection } from '../parts';

/** The query a buyer would most likely type for this title: its first two words. */
export function titleQuery(title: string): string {
  const words = title.toLowerCase().match(/[\p{L}][\p{L}-]*/gu) ?? [];
  return words
    .filter((w) => w.length > 1)
    .slice(0, 2)
    .join(' ');
}

/** What an answer without a problem shows: the cards compared, the missing words, the unique ones. */
function answer(reply: SeoGapsReply): Node[] {
  const missingItem = (m: SeoGapsReply['missing'][number]) =>
    setFigure(
      h(
        'li',
        { 'data-count': m.count, 'data-phrase': String(m.phrase), title: t('seoOf', m.count, reply.rivals) },
        m.word,
        ' ',
        h('span', { className: 'lupa-muted' }, `${m.count}/${reply.rivals}`),
      ),
      'seo-missing',
      m.word,
    );
  const nodes: Node[] = [
    h(
      'p',
      null,
      fig(
        'seo-rivals',
        reply.rivals,
        { 'data-query': reply.query, 'data-skipped': reply.skipped, 'data-min': reply.minCount, className: 'lupa-muted' },
        reply.rivals === 0 ? t('seoNoRivals') : t('seoRivals', reply.rivals, reply.query),
        reply.skipped > 0 && `; ${t('seoSkipped', reply.skipped)}`,
      ),
    ),
  ];
  if (reply.rivals > 0) {
    const words = reply.missing.filter((m) => !m.phrase);
    const phrases = reply.missing.filter((m) => m.phrase);
    if (reply.missing.length === 0) nodes.push(h('p', { className: 'lupa-good' }, t('seoMissingNone', reply.minCount)));
    else {
      nodes.push(h('p', null, t('seoMissing')), h('ul', { className: 'lupa-seo-list' }, words.map(missingItem)));
      if (phrases.length > 0) nodes.push(h('ul', { className: 'lupa-seo-list' }, phrases.map(missingItem)));
    }
  }
  if (reply.unique.length > 0)
    nodes.push(
      h(
        'p',
        null,
        t('seoUnique'),
        ' ',
        reply.unique.map((u, i) => h('span', null, i > 0 && ', ', fig('seo-unique', u.word, null, u.word))),
      ),
    );
  return nodes;
}

export function seoSection(
  into: HTMLElement,
  { title = '', compare }: { title?: string; compare: (query: string) => Promise<SeoGapsReply> },
): DrawnSection {
  let busy = false;
  let reply: SeoGapsReply | null = null;
  let failed = false;
  /** Only the newest comparison is shown, whatever order the answers come in. */
  let asked = 0;
  let alive = true;

  const field = draftInput({ 'data-lupa': 'seo-query-input', value: titleQuery(title), maxlength: 120, placeholder: t('seoPlaceholder') });
  const button = h('button', { type: 'submit', 'data-lupa': 'seo-compare' }, t('seoCompare'));
  const form = h('form', { className: 'lupa-form' }, field.input, button);
  form.addEventListener('submit', preventSubmit);
  const section = h('div', { className: 'lupa-seo', 'data-lupa': 'seo-gaps' }, form);
  into.append(section);

  const show = () =>
    placeChildren(section, [
      form,
      busy && h('p', { className: 'lupa-muted' }, t('seoBusy')),
      failed && h('p', { className: 'lupa-note' }, t('sectionUnavailable')),
      reply?.problem && h('p', { className: 'lupa-note' }, stateMessage(reply.problem, 'wb')),
      reply && !reply.problem && answer(reply),
    ]);

  const run = async () => {
    const query = field.draft().trim();
    if (!query) return;
    const mine = ++asked;
    busy = true;
    show();
    try {
      const next = await compare(query);
      if (mine !== asked) return;
      reply = next;
      failed = false;
    } catch {
      if (mine !== asked) return;
      failed = true;
    }
    busy = false;
    if (alive) show();
  };
  button.addEventListener(
    'click',
    userOnly(() => void run()),
  );

  return {
    unmount() {
      alive = false;
      section.remove();
    },
  };
}
