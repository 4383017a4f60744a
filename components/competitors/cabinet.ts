// Competitor prices as a cabinet control: beside each own item on the prices page, the linked
// competitors' prices, the buyer price, the margin and the price to match (row.ts).
import { ARTICLE_IN_TEXT_RE, ARTICLE_RE } from '../../utils/article';
import { queryAllFirst, queryFirst } from '../../utils/content/dom';
import { ask } from '../../utils/content/messaging';
import type { CabinetSpec } from '../../utils/marketplaces/cabinet';
import { parseRub } from '../../utils/marketplaces/ozon/price';
import { type CabinetControl, shownValue } from '../cabinet/run';
import { mountCompetitorRow, type PriceInputs } from './row';

function articleOf(spec: CabinetSpec, row: Element): string | null {
  for (const attr of spec.prices.articleAttrs) {
    const v = row.getAttribute(attr);
    if (v && ARTICLE_RE.test(v)) return v;
  }
  return shownValue(queryFirst(row, spec.prices.article)).match(ARTICLE_IN_TEXT_RE)?.[0] ?? null;
}

export const competitorsCabinet: CabinetControl = {
  name: 'competitors',
  pages: ['prices'],
  async scan(ctx, spec, _page, done) {
    const rows = queryAllFirst(document, spec.prices.row).filter((row) => !done.has(row));
    const byId = new Map<string, Element[]>();
    for (const row of rows) {
      const id = articleOf(spec, row);
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
  },
};
