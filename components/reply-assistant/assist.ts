// The reply assistant in a seller cabinet: under each review's answer field, the templates that
// suit it (one click puts the filled text into the cabinet's own field, so that the cabinet's page
// notices), and the tone check as the seller types. Plain DOM, textContent only. Never sends.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { h, shadowHost } from '../../utils/content/dom';
import { t } from '../../utils/content/i18n';
import { setFigure } from '../../utils/figures';
import { type CardFacts, factsReply, factTopics } from '../../utils/reply-assistant/facts';
import { greetable, renderTemplate } from '../../utils/reply-assistant/render';
import { suggestTemplates } from '../../utils/reply-assistant/suggest';
import type { Template } from '../../utils/reply-assistant/templates';
import { checkTone, issuePhrase, type REPLY_LIMITS, type ToneIssue, toneIssueParts } from '../../utils/reply-assistant/tone';
import { userOnly } from '../by-user';
import { fieldText } from '../cabinet/anchors';
import css from '../cabinet/cabinet.css?inline';

export interface ReviewParts {
  /** The cabinet's own answer field: a textarea or a contenteditable element. */
  field: HTMLElement;
  stars: number | null;
  text: string;
  buyer: string;
  product: string;
  article: string;
  brand?: string;
  /** A question's stars are null; a review's are null too when the page did not show them. */
  kind: 'review' | 'question';
}

/**
 * Puts text into a field the way a person typing would be seen: React and similar frameworks
 * track a textarea's value through the element's native setter and listen for `input`; an editable
 * element gets the browser's own insertText, which fires beforeinput and input as typing does.
 */
export function fillLikeTyping(field: HTMLElement, text: string): void {
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    field.focus();
    return;
  }
  field.focus();
  const selection = field.ownerDocument.getSelection();
  const range = field.ownerDocument.createRange();
  range.selectNodeContents(field);
  selection?.removeAllRanges();
  selection?.addRange(range);
  let inserted = false;
  try {
    inserted = field.ownerDocument.execCommand('insertText', false, text);
  } catch {
    // An engine without editing commands: set the text and say so below.
  }
  if (!inserted) {
    field.textContent = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
}

/**
 * One tone warning: its kind in data-value, the phrase it found in data-phrase and marked in its
 * text (as text: the phrase is the seller's own words, the page's buyer name among them).
 */
export function toneWarning(issue: ToneIssue): HTMLElement {
  const p = document.createElement('p');
  p.className = 'problem';
  setFigure(p, 'tone-warning', issue.kind);
  p.setAttribute('data-phrase', issuePhrase(issue));
  const [before, phrase, after] = toneIssueParts(issue);
  p.append(before);
  if (phrase) {
    const mark = document.createElement('mark');
    mark.textContent = phrase;
    p.append(mark);
  }
  p.append(after);
  return p;
}

/** From this length on, the tone check waits for a pause in typing. */
const LONG_REPLY = 1500;

export function mountAssistant(
  ctx: ContentScriptContext,
  parts: ReviewParts,
  templates: readonly Template[],
  marketplace: keyof typeof REPLY_LIMITS,
  /** The facts of the product the review is about (WB, its article known); asked only when the text raises a topic they answer. */
  facts?: () => Promise<CardFacts | null>,
): HTMLElement {
  const { host, root } = shadowHost('lupa-reply-assistant', css);
  setFigure(host, 'reply-assistant');
  const box = h('div', { className: 'chip-inline' }, h('span', { className: 'logo' }, 'Lupa'));
  const suggestions = suggestTemplates(templates, parts.text, parts.stars, parts.kind).slice(0, 3);
  const vars = { buyer: greetable(parts.buyer), product: parts.product, article: parts.article, brand: parts.brand };
  // What a suggestion would put in the field, filled for this review: shown while it is pointed at.
  const preview = document.createElement('p');
  preview.className = 'preview';
  preview.hidden = true;
  setFigure(preview, 'reply-preview');
  const hidePreview = () => {
    preview.hidden = true;
  };
  /** A button that previews `text` while pointed at or focused, and puts it into the field on a click. */
  const offer = (title: string, id: string, text: string): HTMLButtonElement => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = title;
    button.setAttribute('data-template', id);
    const showPreview = () => {
      preview.textContent = text;
      preview.setAttribute('data-template', id);
      preview.hidden = false;
    };
    button.addEventListener('pointerenter', showPreview);
    button.addEventListener('focus', showPreview);
    button.addEventListener('pointerleave', hidePreview);
    button.addEventListener('blur', hidePreview);
    button.addEventListener(
      'click',
      userOnly(() => fillLikeTyping(parts.field, text)),
    );
    box.append(button);
    return button;
  };
  for (const [i, tpl] of suggestions.entries())
    setFigure(offer(tpl.title, tpl.id, renderTemplate(tpl.text, vars)), i === 0 ? 'reply-insert' : 'reply-suggest');
  // The card's own facts on what the buyer asks about: a button of its own once they arrive.
  if (facts && factTopics(parts.text).length > 0)
    void facts().then((known) => {
      const reply = known && factsReply({ text: parts.text, buyer: vars.buyer, kind: parts.kind, stars: parts.stars }, known);
      if (reply && host.isConnected) setFigure(offer(t('replyFacts'), 'card-facts', reply.text), 'reply-facts', reply.topics.join(','));
    });
  const warnings = document.createElement('div');
  const check = () => {
    warnings.textContent = '';
    const value = fieldText(parts.field);
    if (!value.trim()) return;
    for (const issue of checkTone(value, marketplace, parts.stars)) warnings.append(toneWarning(issue));
  };
  // A short reply is checked at each keystroke (well under a millisecond); a long one (tens of
  // milliseconds at 5 000 characters) once the seller pauses, so that typing never lags.
  let pending: number | undefined;
  ctx.addEventListener(parts.field, 'input', () => {
    // Made anew for another conversation (the chat reuses its box): this one no longer listens.
    if (!host.isConnected) return;
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
    if (fieldText(parts.field).length < LONG_REPLY) check();
    else pending = ctx.setTimeout(check, 250);
  });
  root.append(box, preview, warnings);
  return host;
}

/** The page's "fill all" control: what it fills, and where it stands. */
export interface FillAll {
  host: HTMLElement;
  /** A 4–5★ review the page shows, with its card (the control stands at the top of the first one). */
  add(parts: ReviewParts, card: Element): void;
  /** Whether it was on the page and is no more (the page drew its list anew). */
  gone(): boolean;
}

/** Reviews "fill all" answers: the ones a thank-you suits. */
export const FILL_STARS = [4, 5] as const;

/**
 * "Fill all" on a cabinet page of reviews: one trusted click puts a suggested reply into each empty
 * answer field of a 4–5★ review, with the buyer's name, varied from review to review (the templates
 * for its stars in turn). It types like a person and sends nothing; a field the seller has written in
 * is left as it is.
 */
export function mountFillAll(ctx: ContentScriptContext, templates: readonly Template[]): FillAll {
  const { host, root } = shadowHost('lupa-reply-fill', css);
  const button = setFigure(h('button', { type: 'button' }), 'reply-fill-all', 0);
  const note = h('span');
  root.append(h('div', { className: 'chip-inline' }, h('span', { className: 'logo' }, 'Lupa'), button, note));
  const reviews: ReviewParts[] = [];
  let first: Element | null = null;

  const waiting = () => reviews.filter((r) => r.field.isConnected && !fieldText(r.field).trim());
  const show = () => {
    const n = waiting().length;
    button.textContent = t('replyFillAll', n);
    button.setAttribute('data-value', String(n));
    button.disabled = n === 0;
  };
  button.addEventListener(
    'click',
    userOnly(() => {
      const turn = new Map<number | null, number>();
      let filled = 0;
      for (const r of waiting()) {
        const options = suggestTemplates(templates, r.text, r.stars, 'review');
        if (!options.length) continue;
        const i = turn.get(r.stars) ?? 0;
        turn.set(r.stars, i + 1);
        const tpl = options[i % options.length] as Template;
        fillLikeTyping(
          r.field,
          renderTemplate(tpl.text, { buyer: greetable(r.buyer), product: r.product, article: r.article, brand: r.brand }),
        );
        filled++;
      }
      note.textContent = t('replyFilled', filled);
      button.setAttribute('data-filled', String(filled));
      show();
    }),
  );
  show();
  return {
    host,
    add(parts, card) {
      if (parts.stars === null || !(FILL_STARS as readonly number[]).includes(parts.stars)) return;
      reviews.push(parts);
      // Each field's own typing changes what is waiting.
      ctx.addEventListener(parts.field, 'input', show);
      if (!first?.isConnected || card.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) {
        first = card;
        card.prepend(host);
      }
      show();
    },
    gone: () => first !== null && !host.isConnected,
  };
}
