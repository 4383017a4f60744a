// The toolbar popup: the current tab's product at a glance, a quick lookup by article or link,
// today's tasks from the watchlist, the watchlist with changes since the last look, positions.

import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Figure } from '../../components/Figure';
import { PositionsTable } from '../../components/positions/PositionsTable';
import { RatingFigures } from '../../components/RatingFigures';
import { WatchToggle } from '../../components/watchlist/WatchToggle';
import { type MessageKey, t } from '../../utils/i18n';
import { parseProductRef, productUrl } from '../../utils/marketplaces/refs';
import type { ProductOverview, ReplyOf } from '../../utils/messages';
import { ask } from '../../utils/messaging';
import type { ProductRef } from '../../utils/model';
import { formatRub } from '../../utils/money';

type Tracked = ReplyOf<'getTrackedPositions'>['products'];
/** The popup's lists, each from the feature that owns it: the watchlist, what waits for an answer, the storage note. */
type PopupData = ReplyOf<'getWatchlist'> & {
  unanswered: ReplyOf<'getUnanswered'>['wb'];
  unansweredOzon: ReplyOf<'getUnanswered'>['ozon'];
  storageFreed: ReplyOf<'getStorageNote'>;
};

/** A URL of either storefront, or a bare article: Wildberries first (summaryOf then tries Ozon). */
const productRef = (input: string) => parseProductRef(input, 'wb');

const WB_CABINET = 'https://seller.wildberries.ru/feedbacks-questions';
const OZON_CABINET = 'https://seller.ozon.ru/app/reviews';

/** What waits for an answer in the seller cabinets: each count is a task that opens its cabinet page. */
type Unanswered = { kind: string; count: (data: PopupData) => number | null | undefined; href: string; text: MessageKey };
const UNANSWERED: readonly Unanswered[] = [
  { kind: 'unanswered-reviews', count: (d) => d.unanswered?.reviews, href: `${WB_CABINET}/feedbacks`, text: 'unansweredReviews' },
  { kind: 'unanswered-questions', count: (d) => d.unanswered?.questions, href: `${WB_CABINET}/questions`, text: 'unansweredQuestions' },
  { kind: 'ozon-unanswered-reviews', count: (d) => d.unansweredOzon?.reviews, href: OZON_CABINET, text: 'unansweredOzonReviews' },
  {
    kind: 'ozon-unanswered-questions',
    count: (d) => d.unansweredOzon?.questions,
    href: `${OZON_CABINET}/questions`,
    text: 'unansweredOzonQuestions',
  },
];
const openCount = (u: Unanswered, data: PopupData) => u.count(data) ?? 0;

async function summaryOf(ref: ProductRef): Promise<ProductOverview | null> {
  const first = await ask('getProductOverview', { ...ref, mode: 'cached' });
  // A bare article unknown on Wildberries may be an Ozon one.
  if (!first.product && ref.marketplace === 'wb' && first.state === 'not-found') {
    const ozon = await ask('getProductOverview', { marketplace: 'ozon', id: ref.id, mode: 'cached' });
    return ozon.product ? ozon : first;
  }
  return first;
}

function Summary({ overview, label }: { overview: ProductOverview; label: string }) {
  const p = overview.product;
  if (!p) return <p className="lupa-note">{t('popupNotFound')}</p>;
  return (
    <section className="lupa-summary" data-lupa="summary" data-marketplace={p.marketplace} data-nm={p.id}>
      <div className="lupa-muted">{label}</div>
      <h2>{p.name}</h2>
      <p>
        <Figure name="price-now" value={p.priceNow} className="lupa-price">
          {p.priceNow === null ? t('outOfStock') : formatRub(p.priceNow)}
        </Figure>
        {' · '}
        <RatingFigures rating={p.rating} reviewCount={p.reviewCount} names={{ rating: 'rating', reviews: 'reviews' }} />
        {p.stockKnown && (
          <>
            {' · '}
            <Figure name="stock-total" value={p.stockTotal}>
              {p.stockTotal.toLocaleString('ru-RU')} шт.
            </Figure>
          </>
        )}
      </p>
      <WatchToggle
        key={`${p.marketplace}:${p.id}`}
        api={{
          get: () => ask('getWatch', { marketplace: p.marketplace, id: p.id }),
          set: (role) => ask('setWatch', { marketplace: p.marketplace, id: p.id, role }),
        }}
      />
    </section>
  );
}

export function App() {
  const [tab, setTab] = useState<ProductOverview | null>(null);
  const [found, setFound] = useState<ProductOverview | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [query, setQuery] = useState('');
  const [data, setData] = useState<PopupData | null>(null);
  const [products, setProducts] = useState<Tracked | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [watch, unanswered, storageFreed] = await Promise.all([
        ask('getWatchlist', {}),
        ask('getUnanswered', {}),
        ask('getStorageNote', {}),
      ]);
      setData({ ...watch, unanswered: unanswered.wb, unansweredOzon: unanswered.ozon, storageFreed });
      setProducts((await ask('getTrackedPositions', {})).products);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
    // The page the popup was opened over (`?tabId=` opens it for a given tab, as tests do).
    const forced = Number(new URLSearchParams(location.search).get('tabId'));
    const current = forced ? browser.tabs.get(forced) : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
    void current
      .then(async (t) => {
        const ref = t?.url ? productRef(t.url) : null;
        if (ref) setTab(await summaryOf(ref));
      })
      .catch(() => {});
  }, [load]);

  const lookup = async () => {
    const ref = productRef(query);
    setNotFound(!ref);
    setFound(ref ? await summaryOf(ref) : null);
  };

  const doneAll = async () => {
    if (!data) return;
    await ask('markTasksRead', { keys: data.tasks.map((task) => task.key) });
    await load();
  };

  const refresh = async () => {
    setBusy(true);
    await ask('runRefresh', {}).catch(() => null);
    await load();
    setBusy(false);
  };

  return (
    <main className="lupa-popup">
      <header>
        <strong className="lupa-logo">Lupa</strong>
        <form
          className="lupa-lookup"
          onSubmit={(e) => {
            e.preventDefault();
            void lookup();
          }}
        >
          <input data-lupa="lookup-input" value={query} placeholder={t('popupLookup')} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit">{t('popupFind')}</button>
        </form>
        <button type="button" className="lupa-link" title={t('popupOptions')} onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      {failed && <p className="lupa-note">{t('state_lupa_unavailable')}</p>}
      {notFound && <p className="lupa-note">{t('popupNotFound')}</p>}
      {found && <Summary overview={found} label={t('popupFind')} />}
      {tab && <Summary overview={tab} label={t('popupThisTab')} />}

      {data?.storageFreed && Date.now() - data.storageFreed.at < 7 * 86_400_000 && (
        <p className="lupa-note" data-lupa="storage-freed" data-value={data.storageFreed.removed}>
          {t('storageFreed')}
        </p>
      )}
      <h2>
        {t('popupToday')}{' '}
        {data && data.tasks.length > 0 && (
          <button type="button" className="lupa-link" data-lupa="tasks-done" onClick={() => void doneAll()}>
            {t('popupDone')}
          </button>
        )}
      </h2>
      {data?.tasks.length === 0 && !UNANSWERED.some((u) => openCount(u, data) > 0) && <p className="lupa-muted">{t('popupNoTasks')}</p>}
      <ul className="lupa-tasks">
        {data &&
          UNANSWERED.map((u) => {
            const n = openCount(u, data);
            return n > 0 ? (
              <li key={u.kind} data-lupa="task" data-kind={u.kind} data-value={n}>
                <a href={u.href} target="_blank" rel="noreferrer">
                  {t(u.text, n)}
                </a>
              </li>
            ) : null;
          })}
        {data?.tasks.map((task) => (
          <li key={task.key} data-lupa="task" data-kind={task.kind} data-nm={task.id} data-value={task.to ?? ''}>
            <a href={productUrl(task)} target="_blank" rel="noreferrer">
              {task.name || `#${task.id}`}
            </a>
            : {t(`task_${task.kind.replace(/-/g, '_')}` as 'task_price_move')}
            {task.kind === 'price-move' && task.from !== null && task.to !== null && ` ${formatRub(task.from)} → ${formatRub(task.to)}`}
            {(task.kind === 'rating-drop' || task.kind === 'position-drop') && ` ${task.from ?? '—'} → ${task.to ?? '—'}`}
            {task.kind === 'new-negative' && task.to !== null && ` (${task.to}★)`}
            {task.kind === 'stock-low' && task.to !== null && ` (${t('daysLeft', task.to.toLocaleString('ru-RU'))})`}
          </li>
        ))}
      </ul>

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
                {row.name || `#${row.id}`} <span className="lupa-muted">{row.marketplace === 'wb' ? 'WB' : 'Ozon'}</span>
              </td>
              <td className="lupa-num">{row.priceNow === null ? '—' : formatRub(row.priceNow)}</td>
              <td className="lupa-num lupa-muted" data-lupa="sales-per-day" data-value={row.salesPerDay ?? ''}>
                {row.salesPerDay === null ? '' : t('salesPerDay', row.salesPerDay.toLocaleString('ru-RU'))}
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
          <PositionsTable productId={p.productId} queries={p.queries} rows={p.rows} />
        </section>
      ))}
    </main>
  );
}
