// The reply assistant as a cabinet control: under each review's or question's answer field, the
// suggested templates and the tone check, and on a reviews page "fill all" for the 4–5★ ones
// (assist.ts, in the `reply` chunk: the rules are too big for the content script's core). The review
// is found by what the page shows (cabinet/anchors.ts); where the cabinet's seller API lists the
// unanswered ones (WB), what it knows of them (asked of the background, which holds the token)
// tells which review a card is.
import { loadChunk } from '../../utils/chunks/load';
import { ask } from '../../utils/content/messaging';
import type { CardFacts } from '../../utils/reply-assistant/facts';
import type { Template } from '../../utils/reply-assistant/templates';
import { answerFields, chatOf, findReviews, type KnownReview } from '../cabinet/anchors';
import type { CabinetControl } from '../cabinet/run';
import type { FillAll } from './assist';
import type { ReplyChunk } from './chunk';

let templates: Template[] | null = null;
/** The page's "fill all" control, drawn anew when the page's list is (SPA navigation). */
let fill: FillAll | null = null;

/** The seller API's unanswered reviews and questions, asked once a minute at most (null: none). */
const known = new Map<'reviews' | 'questions', { at: number; items: Promise<KnownReview[] | null> }>();
function knownReviews(kind: 'reviews' | 'questions'): Promise<KnownReview[] | null> {
  const cached = known.get(kind);
  if (cached && Date.now() - cached.at < 60_000) return cached.items;
  const items = ask('getCabinetKnown', { kind })
    .then((r) => r.items)
    .catch(() => null);
  known.set(kind, { at: Date.now(), items });
  return items;
}

/** The assistant under each chat's message box, with the conversation it was made for. */
const chats = new WeakMap<HTMLElement, { said: string; host: HTMLElement }>();

/**
 * The buyer chat (WB): one message box that the page reuses for every conversation. The assistant
 * under it reads the open conversation (anchors.ts chatOf) and is made anew when that changes —
 * another conversation opened, a message sent or received — so it never suggests from another
 * buyer's words. Questions' templates, the card's facts, the tone check as the seller types.
 */
async function scanChat(ctx: Parameters<CabinetControl['scan']>[0], spec: Parameters<CabinetControl['scan']>[1]): Promise<void> {
  const fields = answerFields(document.body);
  if (!fields.length) return;
  templates ??= await ask('getReplyTemplates', {}).catch(() => null);
  if (!templates) return;
  const chunk = await loadChunk<ReplyChunk>('reply');
  for (const field of fields) {
    const chat = chatOf(document.body, field, spec.review);
    const said = chat ? `${chat.article}\n${chat.text}` : '';
    const mounted = chats.get(field);
    if (mounted?.said === said && mounted.host.isConnected) continue;
    mounted?.host.remove();
    const parts = {
      field,
      stars: null,
      text: chat?.text ?? '',
      buyer: chat?.buyer ?? '',
      product: chat?.product ?? '',
      article: chat?.article ?? '',
      kind: 'question' as const,
    };
    const article = spec.cardFacts ? parts.article : '';
    const host = chunk.mountAssistant(ctx, parts, templates, spec.marketplace, article ? () => factsOf(article) : undefined);
    field.after(host);
    chats.set(field, { said, host });
  }
}

/**
 * The facts of each product the page's reviews are about, asked once per article while the page
 * lives; a read that failed (offline, WB busy) is asked again for the next review or conversation.
 */
const facts = new Map<string, Promise<CardFacts | null>>();
function factsOf(article: string): Promise<CardFacts | null> {
  let found = facts.get(article);
  if (!found) {
    const asked = ask('getCardFacts', { article })
      .then((r) => r.facts)
      .catch(() => null)
      .then((known) => {
        if (!known && facts.get(article) === asked) facts.delete(article);
        return known;
      });
    found = asked;
    facts.set(article, found);
  }
  return found;
}

export const replyAssistantCabinet: CabinetControl = {
  name: 'reply-assistant',
  pages: ['reviews', 'questions', 'chat'],
  async scan(ctx, spec, page, done) {
    if (page.type === 'chat') return scanChat(ctx, spec);
    const all = answerFields(document.body);
    const fields = all.filter((f) => !done.has(f));
    if (!fields.length) return;
    templates ??= await ask('getReplyTemplates', {}).catch(() => null);
    if (!templates) return;
    const chunk = await loadChunk<ReplyChunk>('reply');
    const questions = page.type === 'questions';
    const items = spec.review.listedByApi ? await knownReviews(questions ? 'questions' : 'reviews') : null;
    for (const review of findReviews(document.body, spec.review, { fields, all, questions, known: items })) {
      if (done.has(review.field) || !review.field.isConnected) continue;
      done.add(review.field);
      const parts = { ...review, kind: questions ? ('question' as const) : ('review' as const) };
      const article = spec.cardFacts ? review.article : '';
      review.field.after(chunk.mountAssistant(ctx, parts, templates, spec.marketplace, article ? () => factsOf(article) : undefined));
      if (questions) continue;
      if (!fill || fill.gone()) fill = chunk.mountFillAll(ctx, templates);
      fill.add(parts, review.card);
    }
  },
};
