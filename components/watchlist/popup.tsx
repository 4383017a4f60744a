// The watchlist in the popup: its tasks in the "today" list (with "done"), the watched products
// with their change since the last look, and the watch toggle under a product's summary.
import { useEffect, useState } from 'react';
import { t } from '../../utils/i18n';
import { adapterOf } from '../../utils/marketplaces';
import { productUrl } from '../../utils/marketplaces/refs';
import type { ReplyOf } from '../../utils/messages';
import { ask } from '../../utils/messaging';
import type { ProductRef } from '../../utils/model';
import { formatNumber, formatRub } from '../../utils/money';
import type { PopupPart, PopupPartProps } from '../parts';
import { WatchToggle } from './WatchToggle';

type Watchlist = ReplyOf<'getWatchlist'>;

/** The list and the tasks come in one answer: both parts of one popup load share it. */
let shared: { generation: number; reply: Promise<Watchlist> } | null = null;
function useWatchlist(generation: number, failed: () => void): Watchlist | null {
  const [data, setData] = useState<Watchlist | null>(null);
  useEffect(() => {
    let live = true;
    if (shared?.generation !== generation) shared = { generation, reply: ask('getWatchlist', {}) };
    shared.reply.then((d) => live && setData(d), failed);
    return () => {
      live = false;
    };
  }, [generation, failed]);
  return data;
}

function WatchTasks({ generation, reload, failed }: PopupPartProps) {
  const data = useWatchlist(generation, failed);
  if (!data) return <li hidden />;
  const doneAll = async () => {
    await ask('markTasksRead', { keys: data.tasks.map((task) => task.key) });
    reload();
  };
  return (
    <>
      {data.tasks.map((task) => (
        <li key={task.key} data-lupa="task" data-kind={task.kind} data-nm={task.id} data-value={task.to ?? ''}>
          <a href={productUrl(task)} target="_blank" rel="noreferrer">
            {task.name || `#${task.id}`}
          </a>
          : {t(`task_${task.kind.replace(/-/g, '_')}` as 'task_price_move')}
          {task.kind === 'price-move' && task.from !== null && task.to !== null && ` ${formatRub(task.from)} → ${formatRub(task.to)}`}
          {(task.kind === 'rating-drop' || task.kind === 'position-drop') && ` ${task.from ?? '—'} → ${task.to ?? '—'}`}
          {task.kind === 'new-negative' && task.to !== null && ` (${task.to}★)`}
          {task.kind === 'stock-low' && task.to !== null && ` (${t('daysLeft', formatNumber(task.to))})`}
        </li>
      ))}
      {data.tasks.length > 0 && (
        <li className="lupa-tasks-done">
          <button type="button" className="lupa-link" data-lupa="tasks-done" onClick={() => void doneAll()}>
            {t('popupDone')}
          </button>
        </li>
      )}
    </>
  );
}

function WatchSection({ generation, reload, failed }: PopupPartProps) {
  const data = useWatchlist(generation, failed);
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    setBusy(true);
    await ask('runRefresh', {}).catch(() => null);
    setBusy(false);
    reload();
  };
  return (
    <>
      <h2>
        {t('popupWatchlist')}{' '}
        <button type="button" className="lupa-link" data-lupa="watch-refresh" disabled={busy} onClick={() => void refresh()}>
          {busy ? t('refreshing') : t('popupRefresh')}
        </button>
      </h2>
      {data?.watchlist.length === 0 && <p className="lupa-muted">{t('popupNoWatch')}</p>}
      <table className="lupa-pos-table">
        <tbody>
          {data?.watchlist.map((row) => (
            <tr
              key={`${row.marketplace}:${row.id}`}
              data-lupa="watch-row"
              data-nm={row.id}
              data-marketplace={row.marketplace}
              data-value={row.priceNow ?? ''}
            >
              <td>
                {row.role === 'mine' ? '★ ' : ''}
                {row.name || `#${row.id}`} <span className="lupa-muted">{adapterOf(row.marketplace).short}</span>
              </td>
              <td className="lupa-num">{row.priceNow === null ? '—' : formatRub(row.priceNow)}</td>
              <td className="lupa-num lupa-muted" data-lupa="sales-per-day" data-value={row.salesPerDay ?? ''}>
                {row.salesPerDay === null ? '' : t('salesPerDay', formatNumber(row.salesPerDay))}
              </td>
              <td
                data-lupa="watch-change"
                data-value={row.priceChange ?? ''}
                className={row.priceChange && row.priceChange < 0 ? 'lupa-good' : 'lupa-bad'}
              >
                {row.priceChange ? `${row.priceChange > 0 ? '↑' : '↓'}${formatRub(Math.abs(row.priceChange))}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function WatchControl({ product }: { product: ProductRef }) {
  return (
    <WatchToggle
      key={`${product.marketplace}:${product.id}`}
      api={{
        get: () => ask('getWatch', product),
        set: (role) => ask('setWatch', { ...product, role }),
      }}
    />
  );
}

export const watchlistPopup: PopupPart = { name: 'watchlist', Tasks: WatchTasks, Section: WatchSection, ProductControl: WatchControl };
