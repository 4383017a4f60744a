// The reply assistant in a seller cabinet: under each review's answer field, the templates that
// suit it (one click puts the filled text into the cabinet's own field, so that the cabinet's page
// notices), and the tone check as the seller types. Plain DOM, textContent only. Never sends.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { shadowHost } from '../../utils/content/dom';
import { setFigure } from '../../utils/figures';
import { renderTemplate } from '../../utils/reply-assistant/render';
import { suggestTemplates } from '../../utils/reply-assistant/suggest';
import type { Template } from '../../utils/reply-assistant/templates';
import { checkTone, describeToneIssue, type REPLY_LIMITS } from '../../utils/reply-assistant/tone';
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

export function mountAssistant(
  ctx: ContentScriptContext,
  parts: ReviewParts,
  templates: readonly Template[],
  marketplace: keyof typeof REPLY_LIMITS,
): HTMLElement {
  const { host, root } = shadowHost('lupa-reply-assistant', css);
  setFigure(host, 'reply-assistant');
  const box = document.createElement('div');
  box.className = 'chip-inline';
  const suggestions = suggestTemplates(templates, parts.text, parts.stars, parts.kind).slice(0, 3);
  const vars = { buyer: parts.buyer, product: parts.product, article: parts.article, brand: parts.brand };
  const label = document.createElement('span');
  label.className = 'logo';
  label.textContent = 'Lupa';
  box.append(label);
  for (const [i, tpl] of suggestions.entries()) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = tpl.title;
    setFigure(button, i === 0 ? 'reply-insert' : 'reply-suggest');
    button.setAttribute('data-template', tpl.id);
    button.addEventListener('click', () => fillLikeTyping(parts.field, renderTemplate(tpl.text, vars)));
    box.append(button);
  }
  const warnings = document.createElement('div');
  const check = () => {
    warnings.textContent = '';
    const value = fieldText(parts.field);
    if (!value.trim()) return;
    for (const issue of checkTone(value, marketplace, parts.stars)) {
      const p = document.createElement('p');
      p.className = 'problem';
      setFigure(p, 'tone-warning', issue.kind);
      p.textContent = describeToneIssue(issue);
      warnings.append(p);
    }
  };
  ctx.addEventListener(parts.field, 'input', check);
  root.append(box, warnings);
  return host;
}
