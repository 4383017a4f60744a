// The WB seller cabinet: the reply assistant on the reviews and questions pages. Each review card
// is found by the selectors in utils/marketplaces/wb/cabinet.ts and assisted once; cards arriving
// later (SPA navigation, pagination) are picked up by one observer.
import '../../utils/zod-setup';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountAssistant } from '../../components/reply-assistant/assist';
import { queryFirst } from '../../utils/content/dom';
import { cabinetSelectors, detectWbCabinetPage, ratingOf } from '../../utils/marketplaces/wb/cabinet';
import { ask } from '../../utils/messaging';
import type { Template } from '../../utils/replies/templates';

export default defineContentScript({
  matches: ['https://seller.wildberries.ru/*'],
  main(ctx) {
    const assisted = new WeakSet<Element>();
    let templates: Template[] | null = null;

    const scan = async () => {
      const page = detectWbCabinetPage(location.href);
      if (page.type !== 'reviews' && page.type !== 'questions') return;
      templates ??= await ask('getReplyTemplates', {}).catch(() => null);
      if (!templates) return;
      const items = cabinetSelectors.item.flatMap((s) => [...document.querySelectorAll(s)]).filter((el, i, all) => all.indexOf(el) === i);
      for (const item of items) {
        if (assisted.has(item)) continue;
        const field = queryFirst(item, cabinetSelectors.answer) as HTMLTextAreaElement | null;
        if (!field) continue;
        assisted.add(item);
        const text = (sel: readonly string[]) => queryFirst(item, sel)?.textContent?.trim() ?? '';
        const host = mountAssistant(
          ctx,
          {
            field,
            stars: page.type === 'questions' ? null : ratingOf(queryFirst(item, cabinetSelectors.rating)),
            text: text(cabinetSelectors.text),
            buyer: text(cabinetSelectors.author),
            product: text(cabinetSelectors.product),
            article: text(cabinetSelectors.article).match(/\d{5,15}/)?.[0] ?? '',
          },
          templates,
          'wb',
        );
        field.after(host);
      }
    };

    let timer: number | undefined;
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(
        () => void scan().catch((e: unknown) => console.warn('[lupa] reply assistant:', e instanceof Error ? e.message : e)),
        100,
      );
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    schedule();
  },
});
