// The popup's today list: own items that run out at a warehouse before a supply could arrive
// (stock-out-soon), as the last plan computed them, with a link to the «Поставки» page.
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { formatNumber } from '../../utils/money';
import type { PopupPartProps } from '../parts';
import { useAnswer } from '../use-answer';

const SHOWN = 3;

export function StockOutSoonTasks({ failed }: PopupPartProps) {
  const data = useAnswer('getStockOutSoon', {}, failed);
  if (data === undefined) return <li hidden />;
  if (!data || data.total === 0) return null;
  return (
    <li className="lupa-task-group" data-lupa="stock-out-soon" data-value={data.total}>
      <div className="lupa-task-kind">
        <a href={browser.runtime.getURL('/supplies.html')} target="_blank" rel="noreferrer">
          {t('stockOutSoon', data.total)}
        </a>
      </div>
      <ul>
        {data.items.slice(0, SHOWN).map((i) => (
          <li key={`${i.nm}:${i.wh}`} data-nm={i.nm} data-wh={i.wh}>
            {i.nm}, {i.warehouse || `#${i.wh}`}: {i.cover === null ? '—' : t('ownCoverDays', formatNumber(i.cover, 1))} &lt;{' '}
            {t('ownCoverDays', i.leadDays)}
          </li>
        ))}
      </ul>
    </li>
  );
}
