// The reply assistant as a cabinet control: under each review or question, the suggested
// templates and the tone check (assist.ts).
import { ARTICLE_IN_TEXT_RE } from '../../utils/article';
import { queryAllFirst, queryFirst } from '../../utils/content/dom';
import { ask } from '../../utils/content/messaging';
import { ratingOf } from '../../utils/marketplaces/cabinet';
import type { Template } from '../../utils/reply-assistant/templates';
import { type CabinetControl, textOf } from '../cabinet/run';
import { mountAssistant } from './assist';

let templates: Template[] | null = null;

export const replyAssistantCabinet: CabinetControl = {
  name: 'reply-assistant',
  pages: ['reviews', 'questions'],
  async scan(ctx, spec, page, done) {
    templates ??= await ask('getReplyTemplates', {}).catch(() => null);
    if (!templates) return;
    const questions = page.type === 'questions';
    for (const item of queryAllFirst(document, spec.review.item)) {
      if (done.has(item)) continue;
      const field = queryFirst(item, spec.review.answer) as HTMLTextAreaElement | null;
      if (!field) continue;
      done.add(item);
      const text = (sel: readonly string[]) => queryFirst(item, sel)?.textContent?.trim() ?? '';
      const host = mountAssistant(
        ctx,
        {
          field,
          stars: questions ? null : ratingOf(queryFirst(item, spec.review.rating)),
          text: textOf(item, spec.review.text),
          buyer: text(spec.review.author),
          product: text(spec.review.product),
          article: text(spec.review.article).match(ARTICLE_IN_TEXT_RE)?.[0] ?? '',
        },
        templates,
        spec.marketplace,
      );
      field.after(host);
    }
  },
};
