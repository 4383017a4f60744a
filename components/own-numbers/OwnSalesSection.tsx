// "Мои продажи" in the storefront panel of one of the seller's own items: orders per day over 7 and
// 30 days, the buyout share, the sum ordered over 7 days and the 7-day funnel, from WB's sales
// funnel. The page is the marketplace's: nothing of the seller's goes into it until the seller
// presses the button (a trusted click); before that the section only says it is their item.
import { useState } from 'react';
import { t, uiLanguage } from '../../utils/content/i18n';
import { formatNumber, formatPct, formatRub } from '../../utils/money';
import type { OwnSalesReply } from '../../utils/own-numbers/protocol';
import { userOnly } from '../by-user';
import { Figure } from '../Figure';
import { dayIn, problemTextIn } from '../seller-problem-text';
import { useLoadOnce } from '../use-load-once';

const DAY_MS = 86_400_000;
const text = { t, uiLanguage };

export function OwnSalesSection({ load }: { load: (reveal: boolean) => Promise<OwnSalesReply> }) {
  const [own, setOwn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<OwnSalesReply | null>(null);
  const [failed, setFailed] = useState(false);
  useLoadOnce(
    () => load(false),
    (r) => setOwn(r.state !== 'not-own'),
    () => setOwn(false),
  );
  if (!own) return null;

  const show = async () => {
    setBusy(true);
    try {
      setReply(await load(true));
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const sales = reply?.state === 'ok' ? reply.sales : null;
  const perDay = (v: number | null) => (v === null ? '—' : t('perDay', formatNumber(v, 1)));
  return (
    <div className="lupa-own-sales" data-lupa="own-sales">
      <h3>{t('ownSalesTitle')}</h3>
      {!sales && (
        <>
          <p className="lupa-muted">{t('ownSalesHint')}</p>
          <button type="button" data-lupa="own-sales-show" disabled={busy} onClick={userOnly(() => void show())}>
            {busy ? t('ownSalesBusy') : t('ownSalesShow')}
          </button>
        </>
      )}
      {failed && <p className="lupa-note">{t('sectionUnavailable')}</p>}
      {reply?.state === 'problem' && <p className="lupa-note">{problemTextIn(text, reply.problem)}</p>}
      {sales && (
        <>
          <p>
            {t('ownOrders7')}{' '}
            <Figure name="own-orders-7d" value={sales.ordersPerDay7}>
              {perDay(sales.ordersPerDay7)}
            </Figure>
            , {t('ownOrders30')}{' '}
            <Figure name="own-orders-30d" value={sales.ordersPerDay30}>
              {perDay(sales.ordersPerDay30)}
            </Figure>
          </p>
          <p>
            {t('ownBuyout')}{' '}
            <Figure name="own-buyout-pct" value={sales.buyoutPct}>
              {sales.buyoutPct === null ? '—' : formatPct(sales.buyoutPct)}
            </Figure>
            {' · '}
            {t('ownRevenue7')}{' '}
            <Figure name="own-revenue-7d" value={sales.revenue7}>
              {sales.revenue7 === null ? '—' : formatRub(sales.revenue7)}
            </Figure>
          </p>
          {sales.funnel7 && (
            <p>
              {t('ownFunnel7')}:{' '}
              <Figure
                name="own-funnel"
                value={sales.funnel7.orders}
                data-views={sales.funnel7.views}
                data-cart={sales.funnel7.cart}
                data-orders={sales.funnel7.orders}
              >
                {`${formatNumber(sales.funnel7.views)} → ${formatNumber(sales.funnel7.cart)} → ${formatNumber(sales.funnel7.orders)}`}
              </Figure>
            </p>
          )}
          {sales.week && (
            <p>
              {t('ownWeek')}{' '}
              <Figure name="own-buyouts-7d" value={sales.week.buyouts}>
                {t('ownBuyouts', formatNumber(sales.week.buyouts))}
              </Figure>
              ,{' '}
              <Figure name="own-returns-7d" value={sales.week.returns}>
                {t('ownReturns', formatNumber(sales.week.returns))}
              </Figure>
              , {t('ownForPay')}{' '}
              <Figure name="own-for-pay-7d" value={sales.week.forPay}>
                {formatRub(sales.week.forPay)}
              </Figure>
            </p>
          )}
          <p className="lupa-muted">{t('ownSalesAsOf', dayIn(text, sales.day * DAY_MS + DAY_MS / 2))}</p>
          {reply?.state === 'ok' && reply.problem && <p className="lupa-note">{problemTextIn(text, reply.problem)}</p>}
        </>
      )}
    </div>
  );
}
