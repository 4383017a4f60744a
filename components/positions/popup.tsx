// Positions in the popup: every tracked product with its latest positions per query (the table the
// product panel draws, positions-table.ts, hosted through components/dom-part.tsx).
import { useEffect, useState } from 'react';
import { t } from '../../utils/i18n';
import { productUrl } from '../../utils/marketplaces/refs';
import type { ReplyOf } from '../../utils/messages';
import { ask } from '../../utils/messaging';
import { DomPart } from '../dom-part';
import type { PopupPart, PopupPartProps } from '../parts';
import { positionsTable } from './positions-table';

type Tracked = ReplyOf<'getTrackedPositions'>['products'];

function TrackedPositions({ failed }: PopupPartProps) {
  const [products, setProducts] = useState<Tracked | null>(null);
  useEffect(() => {
    let live = true;
    ask('getTrackedPositions', {}).then((reply) => live && setProducts(reply.products), failed);
    return () => {
      live = false;
    };
  }, [failed]);
  return (
    <>
      <h2>{t('positions')}</h2>
      {products?.length === 0 && <p className="lupa-muted">{t('popupNoPositions')}</p>}
      {products?.map((p) => (
        <section key={`${p.marketplace}:${p.productId}`} data-lupa="tracked-product" data-nm={p.productId}>
          <h3>
            <a href={productUrl({ marketplace: p.marketplace, id: p.productId })} target="_blank" rel="noreferrer">
              {p.name || `#${p.productId}`}
            </a>{' '}
            <span className="lupa-muted">{p.productId}</span>
          </h3>
          <DomPart
            draw={(into) => {
              const table = positionsTable({ productId: p.productId, queries: p.queries, rows: p.rows });
              if (table) into.append(table);
              return undefined;
            }}
            deps={[p]}
          />
        </section>
      ))}
    </>
  );
}

export const positionsPopup: PopupPart = { name: 'positions', Section: TrackedPositions };
