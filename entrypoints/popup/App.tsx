// The toolbar popup. For now one page: positions of every tracked product (issue 6 adds the rest).
import { useEffect, useState } from 'react';
import { PositionsTable } from '../../components/positions/PositionsTable';
import { t } from '../../utils/i18n';
import type { ReplyOf } from '../../utils/messages';
import { ask } from '../../utils/messaging';

type Tracked = ReplyOf<'getTrackedPositions'>['products'];

export function App() {
  const [products, setProducts] = useState<Tracked | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    ask('getTrackedPositions', {})
      .then((reply) => setProducts(reply.products))
      .catch(() => setFailed(true));
  }, []);

  return (
    <main className="lupa-popup">
      <header>
        <strong className="lupa-logo">Lupa</strong> <span>{t('positions')}</span>
      </header>
      {failed && <p className="lupa-note">{t('state_lupa_unavailable')}</p>}
      {products?.length === 0 && <p className="lupa-muted">{t('popupNoPositions')}</p>}
      {products?.map((p) => (
        <section key={`${p.marketplace}:${p.productId}`} data-lupa="tracked-product" data-nm={p.productId}>
          <h2>
            <a href={`https://www.wildberries.ru/catalog/${p.productId}/detail.aspx`} target="_blank" rel="noreferrer">
              {p.name || `#${p.productId}`}
            </a>{' '}
            <span className="lupa-muted">{p.productId}</span>
          </h2>
          <PositionsTable productId={p.productId} queries={p.queries} rows={p.rows} />
        </section>
      ))}
    </main>
  );
}
