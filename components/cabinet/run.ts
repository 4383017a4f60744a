// One seller cabinet's content script: which page is open decides what Lupa adds — the reply
// assistant under each review or question, or the competitor figures beside each price row. The
// cabinet is an SPA: one observer notices new rows and client-side navigation alike, and each
// element is handled once. Never throws into the page; a selector that finds nothing adds nothing.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ARTICLE_IN_TEXT_RE, ARTICLE_RE } from '../../utils/article';
import { queryAllFirst, queryFirst } from '../../utils/content/dom';
import { ask } from '../../utils/content/messaging';
import { type CabinetSpec, ratingOf } from '../../utils/marketplaces/cabinet';
import { parseRub } from '../../utils/marketplaces/ozon/price';
import type { Template } from '../../utils/reply-assistant/templates';
import { mountCompetitorRow, type PriceInputs } from '../competitors/row';
import { mountAssistant } from '../reply-assistant/assist';

/** The value a field shows: an input's value, or an element's text. */
const shownValue = (el: Element | null) => (el ? (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')) : '');

/** Every part of a text (Ozon splits a review into pros, cons and comment), joined. */
function textOf(root: ParentNode, selectors: readonly string[]): string {
  return queryAllFirst(root, selectors)
    .map((el) => el.textContent?.trim() ?? '')
    .filter(Boolean)
    .join('. ');
}

export function runCabinet(ctx: ContentScriptContext, spec: CabinetSpec): void {
  const done = new WeakSet<Element>();
  let templates: Template[] | null = null;

  async function assistReviews(questions: boolean) {
    templates ??= await ask('getReplyTemplates', {}).catch(() => null);
    if (!templates) return;
    const items = queryAllFirst(document, spec.review.item);
    for (const item of items) {
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
    if (spec.marketplace === 'ozon' && items.length > 0) {
      // Ozon's Seller API refuses browsers: what waits for an answer is read off this page.
      const waiting = items.filter((item) => !queryFirst(item, ['[data-testid="review-answer"]', '[class*="answer-text"]'])).length;
      await ask('reportCabinetUnanswered', { marketplace: 'ozon', kind: questions ? 'questions' : 'reviews', count: waiting }).catch(
        () => undefined,
      );
    }
  }

  function articleOf(row: Element): string | null {
    for (const attr of spec.prices.articleAttrs) {
      const v = row.getAttribute(attr);
      if (v && ARTICLE_RE.test(v)) return v;
    }
    return shownValue(queryFirst(row, spec.prices.article)).match(ARTICLE_IN_TEXT_RE)?.[0] ?? null;
  }

  async function assistPrices() {
    const rows = queryAllFirst(document, spec.prices.row).filter((row) => !done.has(row));
    const byId = new Map<string, Element[]>();
    for (const row of rows) {
      const id = articleOf(row);
      if (!id) continue;
      done.add(row);
      byId.set(id, [...(byId.get(id) ?? []), row]);
    }
    if (!byId.size) return;
    const { items } = await ask('getCompetitorFigures', { marketplace: spec.marketplace, ids: [...byId.keys()] });
    for (const figures of items) {
      for (const row of byId.get(figures.id) ?? []) {
        const priceField = queryFirst(row, spec.prices.price);
        const discountField = spec.prices.discount.length ? queryFirst(row, spec.prices.discount) : null;
        const read = (): PriceInputs => ({
          price: parseRub(shownValue(priceField)),
          discountPct: Number.parseFloat(shownValue(discountField).replace(',', '.')) || 0,
        });
        const host = mountCompetitorRow(
          ctx,
          figures.id,
          figures,
          [priceField, discountField].filter((x) => x !== null),
          {
            read,
            saveCosts: async (costs) => {
              await ask('setUnitCosts', { marketplace: spec.marketplace, id: figures.id, costs });
            },
          },
        );
        (queryFirst(row, spec.prices.slot) ?? row).appendChild(host);
      }
    }
  }

  const scan = async () => {
    const page = spec.detect(location.href);
    if (page.type === 'reviews' || page.type === 'questions') await assistReviews(page.type === 'questions');
    else if (page.type === 'prices') await assistPrices();
  };

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(
      () => void scan().catch((e: unknown) => console.warn('[lupa] cabinet:', e instanceof Error ? e.message : e)),
      100,
    );
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(() => observer.disconnect());
  schedule();
}
