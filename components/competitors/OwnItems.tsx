// Options: the seller's own items (marked "мой товар" on a storefront), each with its competitors
// (add by link or article, remove) and its costs — cost price, commission and logistics — from
// which the cabinet's prices page computes the margin. A shop may have hundreds of items: the list
// is virtualised (only the items in view are in the page) and comes in one answer.

import { useCallback, useEffect, useState } from 'react';
import { costsFromText, costsToText } from '../../utils/competitors/pricing';
import type { OwnItem } from '../../utils/competitors/protocol';
import { MARKET_NAME, t } from '../../utils/i18n';
import { ask } from '../../utils/messaging';
import { formatRub } from '../../utils/money';
import type { OptionsPart } from '../parts';
import { saveProblem } from '../save-problem';
import { VirtualList } from '../VirtualList';

/** An item's height before it is measured, px (its name, a competitor, the two forms). */
const ITEM_HEIGHT = 150;
/** The list's box, px. */
const LIST_HEIGHT = 640;
const itemKey = (item: OwnItem) => `${item.marketplace}:${item.id}`;

function Item({ item, onChange, onMessage }: { item: OwnItem; onChange: () => void; onMessage: (ok: boolean, text: string) => void }) {
  const [input, setInput] = useState('');
  const shown = costsToText(item.costs);
  const [cost, setCost] = useState(shown.cost);
  const [commission, setCommission] = useState(shown.commission);
  const [logistics, setLogistics] = useState(shown.logistics);
  const mine = { marketplace: item.marketplace, id: item.id };

  // A write that fails (storage full) says so; what was typed stays in the fields.
  const failed = (error: unknown) => onMessage(false, t(saveProblem(error)));
  const add = async () => {
    const reply = await ask('setCompetitorLink', { mine, competitor: input, linked: true }).catch(failed);
    if (!reply) return;
    if (reply.ok) {
      setInput('');
      onChange();
    } else onMessage(false, reply.reason);
  };
  const saveCosts = async () => {
    await ask('setUnitCosts', { ...mine, costs: costsFromText({ cost, commission, logistics }) }).then(
      () => onMessage(true, t('optSaved')),
      failed,
    );
  };

  return (
    <div className="lupa-own-item" data-lupa="own-item" data-nm={item.id} data-marketplace={item.marketplace}>
      <b>{item.name || `#${item.id}`}</b>{' '}
      <span className="lupa-muted">
        {MARKET_NAME[item.marketplace]} · {item.id}
      </span>
      <ul>
        {item.competitors.map((c) => (
          <li key={`${c.marketplace}:${c.id}`} data-lupa="own-competitor" data-nm={c.id} data-value={c.priceNow ?? ''}>
            {c.name || `#${c.id}`} ({MARKET_NAME[c.marketplace]}){c.priceNow !== null && ` — ${formatRub(c.priceNow)}`}{' '}
            <button
              type="button"
              className="lupa-link"
              onClick={() =>
                void ask('setCompetitorLink', { mine, competitor: { marketplace: c.marketplace, id: c.id }, linked: false }).then(
                  onChange,
                  failed,
                )
              }
            >
              {t('competitorRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          data-lupa="competitor-input"
          value={input}
          placeholder={t('competitorAdd')}
          aria-label={t('competitorAdd')}
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit">+</button>
      </form>
      <form
        className="lupa-costs"
        onSubmit={(e) => {
          e.preventDefault();
          void saveCosts();
        }}
      >
        <label>
          {t('costPrice')} <input name="cost" inputMode="decimal" value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>{' '}
        <label>
          {t('commissionPct')}{' '}
          <input name="commission" inputMode="decimal" value={commission} onChange={(e) => setCommission(e.target.value)} />
        </label>{' '}
        <label>
          {t('logisticsRub')}{' '}
          <input name="logistics" inputMode="decimal" value={logistics} onChange={(e) => setLogistics(e.target.value)} />
        </label>{' '}
        <button type="submit">{t('save')}</button>
      </form>
    </div>
  );
}

/** The first answer, asked for as the options page starts (taken by the list's first load). */
let preloaded: Promise<OwnItem[]> | null = null;
const ownItems = () => ask('getOwnItems', {}).then((r) => r.items);

export function Competitors({ onMessage }: { onMessage: (ok: boolean, text: string) => void }) {
  const [items, setItems] = useState<OwnItem[] | null>(null);
  const load = useCallback(() => {
    const answer = preloaded ?? ownItems();
    preloaded = null;
    void answer.then(setItems).catch(() => setItems([]));
  }, []);
  useEffect(load, [load]);
  if (!items) return null;
  if (items.length === 0) return <p className="lupa-muted">{t('ownItemsEmpty')}</p>;
  return (
    <VirtualList
      className="lupa-own-items"
      data-lupa="own-items"
      data-value={items.length}
      items={items}
      itemKey={itemKey}
      estimate={ITEM_HEIGHT}
      height={LIST_HEIGHT}
    >
      {(item) => <Item item={item} onChange={load} onMessage={onMessage} />}
    </VirtualList>
  );
}

export const competitorsOptions: OptionsPart = {
  name: 'competitors',
  preload: () => {
    preloaded = ownItems();
    preloaded.catch(() => {}); // the list says so when it takes it
  },
  Section: ({ say, fail }) => (
    <>
      <h2>{t('ownItemsTitle')}</h2>
      <Competitors onMessage={(ok, text) => (ok ? say(text) : fail(text))} />
    </>
  ),
};
