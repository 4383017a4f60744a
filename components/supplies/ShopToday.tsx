// The popup's "today in the shop": the seller's orders so far today and what buyers paid, against
// yesterday up to the same time (the orders import, statistics API; cancelled lines left out).
import { t } from '../../utils/i18n';
import { formatNumber, formatRub } from '../../utils/money';
import { Figure } from '../Figure';
import type { PopupPartProps } from '../parts';
import { useAnswer } from '../use-answer';

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

export function ShopToday({ failed }: PopupPartProps) {
  const data = useAnswer('getShopToday', {}, failed);
  if (!data) return null;
  const y = data.yesterday;
  return (
    <p className="lupa-shop-today" data-lupa="shop-today">
      {t('shopToday')}{' '}
      <Figure name="shop-orders-today" value={data.orders} data-yesterday={y.orders} data-change={data.orders - y.orders}>
        {t('shopOrders', formatNumber(data.orders))}
      </Figure>{' '}
      {t('shopOrdersFor')}{' '}
      <Figure name="shop-orders-today-sum" value={data.sum} data-yesterday={y.sum} data-change={data.sum - y.sum}>
        {formatRub(data.sum)}
      </Figure>
      <span className="lupa-muted">
        {' '}
        · {t('shopYesterdaySameHour', formatNumber(y.orders), formatRub(y.sum))} ({signed(data.orders - y.orders)})
      </span>
    </p>
  );
}
