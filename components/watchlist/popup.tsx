// The watchlist in the popup: its tasks in the "today" list, grouped by kind (each kind's count,
// its newest few, "done" per kind and for all), the watched products — a virtualised list, with
// the change since the last look and "не найден" for cards the marketplace no longer returns — the
// last refresh's summary and when the next one runs, and the watch toggle under a product's summary.
// Opening the popup reads; it writes nothing.
import { useEffect, useState } from 'react';
import { formatAge, t, uiLanguage } from '../../utils/i18n';
import { adapterOf } from '../../utils/marketplaces';
import { productUrl } from '../../utils/marketplaces/refs';
import type { ReplyOf } from '../../utils/messages';
import { ask } from '../../utils/messaging';
import type { ProductRef } from '../../utils/model';
import { formatNumber, formatPct, formatRub } from '../../utils/money';
import { DomPart } from '../dom-part';
import type { PopupPart, PopupPartProps } from '../parts';
import { VirtualList } from '../VirtualList';
import { watchToggle } from './watch-toggle';

type Watchlist = ReplyOf<'getWatchlist'>;
type Task = Watchlist['tasks'][number];
type Row = Watchlist['watchlist'][number];
type Kind = Task['kind'];

/** Tasks shown per kind before "more". */
const SHOWN_PER_KIND = 3;
/** A watched product's row, px (one line: the name is cut with an ellipsis). */
const ROW_HEIGHT = 28;
/** The list's box, px: ten rows. */
const LIST_HEIGHT = 280;

/** The list and the tasks come in one answer: both parts of one popup load share it. */
let shared: { generation: number; reply: Promise<Watchlist> } | null = null;
function load(generation: number): Promise<Watchlist> {
  if (shared?.generation !== generation) {
    const reply = ask('getWatchlist', {});
    reply.catch(() => {}); // the parts that use it say so
    shared = { generation, reply };
  }
  return shared.reply;
}
function useWatchlist(generation: number, failed: () => void): Watchlist | null {
  const [data, setData] = useState<Watchlist | null>(null);
  useEffect(() => {
    let live = true;
    load(generation).then((d) => live && setData(d), failed);
    return () => {
      live = false;
    };
  }, [generation, failed]);
  return data;
}

const kindText = (kind: Kind) => t(`task_${kind.replace(/-/g, '_')}` as 'task_price_move');
const count = (n: number) => formatNumber(n);
const day = (ms: number) => new Date(ms).toLocaleDateString(uiLanguage() === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'short' });
/** "15:30", or "3 дек., 15:30" when not today. */
function when(ms: number): string {
  const at = new Date(ms);
  const today = at.toDateString() === new Date().toDateString();
  return at.toLocaleString(uiLanguage() === 'en' ? 'en-GB' : 'ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
    ...(today ? {} : { day: 'numeric', month: 'short' }),
  });
}

function TaskItem({ task }: { task: Task }) {
  return (
    <li data-lupa="task" data-kind={task.kind} data-nm={task.id} data-value={task.to ?? ''}>
      {/* A slot at a warehouse (the supplies' acceptance watch) is no product: its name says where and when. */}
      {task.kind === 'acceptance-free' ? (
        task.name
      ) : (
        <a href={productUrl(task)} target="_blank" rel="noreferrer">
          {task.name || `#${task.id}`}
        </a>
      )}
      : {kindText(task.kind)}
      {task.kind === 'price-move' && task.from !== null && task.to !== null && ` ${formatRub(task.from)} → ${formatRub(task.to)}`}
      {(task.kind === 'rating-drop' || task.kind === 'position-drop') && ` ${task.from ?? '—'} → ${task.to ?? '—'}`}
      {task.kind === 'new-negative' && task.to !== null && ` (${task.to}★)`}
      {task.kind === 'orders-drop' && ` ${t('ordersDropTask', formatNumber(task.from ?? 0), formatNumber(task.to ?? 0))}`}
      {task.kind === 'spp-change' && ` ${task.from === null ? '—' : formatPct(task.from)} → ${task.to === null ? '—' : formatPct(task.to)}`}
      {task.kind === 'acceptance-free' && task.to !== null && ` (×${task.to})`}
      {task.kind === 'stock-low' && task.to !== null && ` (${t('daysLeft', formatNumber(task.to))})`}
    </li>
  );
}

function TaskGroup({ kind, total, tasks, done }: { kind: Kind; total: number; tasks: Task[]; done: () => void }) {
  const [more, setMore] = useState(false);
  const shown = more ? tasks : tasks.slice(0, SHOWN_PER_KIND);
  return (
    <li className="lupa-task-group">
      <div className="lupa-task-kind">
        <span className="lupa-task-kind-name">{kindText(kind)}</span>{' '}
        <span className="lupa-count" data-lupa="task-count" data-kind={kind} data-value={total}>
          {count(total)}
        </span>{' '}
        <button type="button" className="lupa-link" data-lupa="task-kind-done" data-kind={kind} onClick={done}>
          {t('popupDone')}
        </button>
      </div>
      <ul>
        {shown.map((task) => (
          <TaskItem key={task.key} task={task} />
        ))}
      </ul>
      {tasks.length > shown.length && (
        <button type="button" className="lupa-link" onClick={() => setMore(true)}>
          {t('popupMoreTasks', count(tasks.length - shown.length))}
        </button>
      )}
      {more && total > tasks.length && <p className="lupa-muted">{t('popupTasksBeyond', count(total - tasks.length))}</p>}
    </li>
  );
}

function WatchTasks({ generation, reload, failed }: PopupPartProps) {
  const data = useWatchlist(generation, failed);
  if (!data) return <li hidden />;
  const done = async (kinds: Kind[]) => {
    await ask('markTasksRead', { keys: [], kinds });
    reload();
  };
  return (
    <>
      {data.taskCounts.map(({ kind, count: total }) => (
        <TaskGroup
          key={kind}
          kind={kind}
          total={total}
          tasks={data.tasks.filter((task) => task.kind === kind)}
          done={() => void done([kind])}
        />
      ))}
      {data.taskCounts.length > 0 && (
        <li className="lupa-tasks-done">
          <button type="button" className="lupa-link" data-lupa="tasks-done" onClick={() => void done(data.taskCounts.map((c) => c.kind))}>
            {t('popupDone')}
          </button>
        </li>
      )}
    </>
  );
}

/** The last refresh in one line, and when the next one runs. */
function RefreshSummary({ last, next }: { last: Watchlist['lastRefresh']; next: number | null }) {
  return (
    <p className="lupa-muted lupa-refresh-summary">
      {last === null ? (
        t('refreshNever')
      ) : (
        <>
          <span data-lupa="refresh-at" data-value={last.finishedAt}>
            {t('refreshLast', formatAge(Date.now() - last.finishedAt))}
          </span>{' '}
          <span data-lupa="refresh-checked" data-value={last.checked}>
            {t('refreshChecked', count(last.checked))}
          </span>
          {', '}
          <span data-lupa="refresh-changed" data-value={last.changed}>
            {t('refreshChanged', count(last.changed))}
          </span>
          {last.notFound > 0 && (
            <>
              {', '}
              <span data-lupa="refresh-not-found" data-value={last.notFound}>
                {t('refreshNotFound', count(last.notFound))}
              </span>
            </>
          )}
          {', '}
          <span
            data-lupa="refresh-problems"
            data-value={last.problems}
            data-problem={last.problem ?? ''}
            className={last.problems > 0 ? 'lupa-bad' : undefined}
          >
            {t('refreshProblems', count(last.problems))}
          </span>
          {(last.skipped ?? 0) > 0 && (
            <>
              {', '}
              <span data-lupa="refresh-skipped" data-value={last.skipped} data-reason="no-ozon-tab">
                {t('refreshSkipped', count(last.skipped ?? 0))}
              </span>
            </>
          )}
          {!last.complete && `, ${t('refreshUnfinished')}`}.
        </>
      )}
      {next !== null && (
        <>
          {' '}
          <span data-lupa="refresh-next" data-value={Math.round(next)}>
            {t('refreshNext', when(next))}
          </span>
        </>
      )}
    </p>
  );
}

function WatchRow({ row }: { row: Row }) {
  return (
    <div
      className="lupa-watch-row"
      data-lupa="watch-row"
      data-nm={row.id}
      data-marketplace={row.marketplace}
      data-value={row.priceNow ?? ''}
    >
      <span className="lupa-watch-name" title={row.name}>
        <span className="lupa-watch-title">
          {row.role === 'mine' ? '★ ' : ''}
          {row.name || `#${row.id}`}
        </span>{' '}
        {row.notFoundAt !== null && (
          <span className="lupa-bad lupa-watch-gone" data-lupa="watch-not-found" data-value={row.notFoundAt}>
            {t('watchNotFound', day(row.notFoundAt))}
          </span>
        )}
        <span className="lupa-muted"> {adapterOf(row.marketplace).short}</span>
      </span>
      <span className="lupa-num">{row.priceNow === null ? '—' : formatRub(row.priceNow)}</span>
      <span className="lupa-num lupa-muted" data-lupa="sales-per-day" data-value={row.salesPerDay ?? ''}>
        {row.salesPerDay === null ? '' : t('salesPerDay', formatNumber(row.salesPerDay))}
      </span>
      <span
        data-lupa="watch-change"
        data-value={row.priceChange ?? ''}
        className={`lupa-num ${row.priceChange && row.priceChange < 0 ? 'lupa-good' : 'lupa-bad'}`}
      >
        {row.priceChange ? `${row.priceChange > 0 ? '↑' : '↓'}${formatRub(Math.abs(row.priceChange))}` : ''}
      </span>
    </div>
  );
}

const rowKey = (row: Row) => `${row.marketplace}:${row.id}`;

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
        {t('popupWatchlist')}
        {data && data.watchlist.length > 0 && <span className="lupa-muted"> {count(data.watchlist.length)}</span>}{' '}
        <button type="button" className="lupa-link" data-lupa="watch-refresh" disabled={busy} onClick={() => void refresh()}>
          {busy ? t('refreshing') : t('popupRefresh')}
        </button>
      </h2>
      {data && data.watchlist.length > 0 && <RefreshSummary last={data.lastRefresh} next={data.nextRefreshAt} />}
      {data?.watchlist.length === 0 && <p className="lupa-muted">{t('popupNoWatch')}</p>}
      {data && data.watchlist.length > 0 && (
        <VirtualList
          className="lupa-watch-list"
          data-lupa="watch-list"
          data-value={data.watchlist.length}
          items={data.watchlist}
          itemKey={rowKey}
          estimate={ROW_HEIGHT}
          height={LIST_HEIGHT}
        >
          {(row) => <WatchRow row={row} />}
        </VirtualList>
      )}
    </>
  );
}

function WatchControl({ product }: { product: ProductRef }) {
  return (
    <DomPart
      key={`${product.marketplace}:${product.id}`}
      draw={(into) =>
        watchToggle(into, {
          get: () => ask('getWatch', product),
          set: (role) => ask('setWatch', { ...product, role }),
        })
      }
    />
  );
}

export const watchlistPopup: PopupPart = {
  name: 'watchlist',
  Tasks: WatchTasks,
  Section: WatchSection,
  ProductControl: WatchControl,
  preload: () => void load(0),
};
