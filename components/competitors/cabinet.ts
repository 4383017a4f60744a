// Competitor prices as a cabinet control: beside each own item on the prices page, the linked
// competitors' prices, the buyer price, the margin and the price to match (row.ts). A row is found
// by the article it shows and its number inputs (cabinet/anchors.ts), not by its classes.
import { ask } from '../../utils/content/messaging';
import { parseRub } from '../../utils/marketplaces/ozon/price';
import { type PriceRow, priceRows, priceSlot } from '../cabinet/anchors';
import { type CabinetControl, shownValue } from '../cabinet/run';
import { mountCompetitorRow, type PriceInputs } from './row';

export const competitorsCabinet: CabinetControl = {
  name: 'competitors',
  pages: ['prices'],
  async scan(ctx, spec, _page, done) {
    const rows = priceRows(document.body, spec.prices).filter(({ row }) => !done.has(row));
    const byId = new Map<string, PriceRow[]>();
    for (const row of rows) {
      done.add(row.row);
      byId.set(row.article, [...(byId.get(row.article) ?? []), row]);
    }
    if (!byId.size) return;
    const { items } = await ask('getCompetitorFigures', { marketplace: spec.marketplace, ids: [...byId.keys()] });
    for (const figures of items) {
      for (const { row, price: priceField, discount: discountField } of byId.get(figures.id) ?? []) {
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
        priceSlot(row).appendChild(host);
      }
    }
  },
};
