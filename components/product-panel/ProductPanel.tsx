// The product panel: what a seller wants to know about a competitor's card at a glance.
// Presentational only; data arrives as a validated ProductOverview.

import type { ReactNode } from 'react';
import type { FigureName } from '../../utils/figures';
import { formatAge, type MessageKey, stateMessage, t } from '../../utils/i18n';
import type { ProductOverview } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';
import { formatNumber, formatPct, formatRub } from '../../utils/money';
import { sharePct } from '../../utils/stats';
import { Figure } from '../Figure';
import { PriceChart } from '../PriceChart';

/** What the panel is in: the background's state, or one only the page side can know. */
export type PanelStatus = ProductOverview['state'] | 'loading' | 'lupa-unavailable';

export interface ProductPanelProps {
  marketplace: Marketplace;
  status: PanelStatus;
  overview: ProductOverview | null;
  refreshing: boolean;
  floating: boolean;
  /** The wallet price the page itself shows (kopecks; WB), read off its markup; null when none. */
  walletPrice?: number | null;
  now: number;
  onRefresh: () => void;
  /** Extra sections under the figures (search positions), each from its own feature folder. */
  children?: ReactNode;
}

const dateFmt = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', year: 'numeric' });

/** A change-log value as the seller reads it. */
function changeText(field: string, v: string | number | boolean | null): string {
  if (v === null) return '—';
  if (field === 'price') return formatRub(Number(v));
  if (field === 'discount') return `${v}%`;
  if (field === 'stock') return v ? t('inStock') : t('outOfStock');
  return String(v);
}

/** The price window's low, median and high, in this order. */
const PRICE_STATS = [
  { label: 'priceMin', name: 'price-min', of: 'min' },
  { label: 'priceMedian', name: 'price-median', of: 'median' },
  { label: 'priceMax', name: 'price-max', of: 'max' },
] as const satisfies ReadonlyArray<{ label: MessageKey; name: FigureName; of: 'min' | 'median' | 'max' }>;

function Money({ name, kopecks, className }: { name: FigureName; kopecks: number | null; className?: string }) {
  return (
    <Figure name={name} value={kopecks} className={className}>
      {kopecks === null ? '—' : formatRub(kopecks)}
    </Figure>
  );
}

export function ProductPanel({
  marketplace,
  status,
  overview,
  refreshing,
  floating,
  walletPrice = null,
  now,
  onRefresh,
  children,
}: ProductPanelProps) {
  const product = overview?.product ?? null;
  const history = overview?.priceHistory;
  const reviews = overview?.reviews;
  const stats = history?.stats ?? null;
  const summary = reviews?.summary ?? null;
  const problem = status !== 'fresh' && status !== 'stale' && status !== 'loading';
  /** An estimate with the correction from the seller's own orders, where there is one. */
  const calibrated = (perDay: number) => (overview?.calibration ? Math.round(perDay * overview.calibration.factor * 10) / 10 : perDay);

  return (
    <section className={floating ? 'lupa-panel lupa-floating' : 'lupa-panel'} aria-label="Lupa">
      <header className="lupa-head">
        <strong className="lupa-logo">{t('panelTitle')}</strong>
        <Figure name="state" value={status} className={`lupa-state ${problem ? 'lupa-state--problem' : ''}`} role="status">
          {refreshing && !problem ? t('refreshing') : stateMessage(status, marketplace)}
        </Figure>
        {product && (
          <Figure name="data-age" value={product.fetchedAt} className="lupa-age">
            {t('updated', formatAge(now - product.fetchedAt))}
          </Figure>
        )}
        <button type="button" className="lupa-refresh" data-lupa="refresh" onClick={onRefresh} disabled={refreshing}>
          {t('refresh')}
        </button>
      </header>
      {floating && <p className="lupa-note">{t('floating')}</p>}

      {product && (
        <>
          <div className="lupa-prices">
            {product.priceNow === null ? (
              <Figure name="price-now" value={null} className="lupa-price-now lupa-out">
                {t('outOfStock')}
              </Figure>
            ) : (
              <Money name="price-now" kopecks={product.priceNow} className="lupa-price-now" />
            )}
            {product.priceBefore !== null && (
              <Figure
                name="price-before"
                value={product.priceBefore}
                className={product.priceBefore !== product.priceNow ? 'lupa-strike' : 'lupa-muted'}
              >
                {product.priceBefore !== product.priceNow ? formatRub(product.priceBefore) : t('noDiscount')}
              </Figure>
            )}
            {product.priceCard !== null && (
              <Figure name="price-card" value={product.priceCard} className="lupa-card" title={t('priceCard')}>
                {t('priceCard')}: {formatRub(product.priceCard)}
              </Figure>
            )}
            {walletPrice !== null && (
              <Figure name="price-wallet" value={walletPrice} className="lupa-wallet" title={t('priceWalletHint')}>
                {t('priceWallet')}: {formatRub(walletPrice)}
              </Figure>
            )}
            {product.discountPct !== null && (
              <Figure name="discount" value={product.discountPct} className="lupa-discount">
                −{product.discountPct}%
              </Figure>
            )}
          </div>

          <h3>{t('priceHistory')}</h3>
          {history?.problem && <p className="lupa-note">{t('sectionUnavailable')}</p>}
          {stats ? (
            <>
              <PriceChart points={history?.points ?? []} label={t('priceHistory')} />
              <dl className="lupa-stats">
                {PRICE_STATS.map(({ label, name, of }) => (
                  <div key={name}>
                    <dt>{t(label)}</dt>
                    <dd>
                      <Money name={name} kopecks={stats[of]} />
                    </dd>
                  </div>
                ))}
              </dl>
              <Figure
                name="price-lowest"
                value={stats.lowestInWindow}
                data-window={stats.windowDays}
                className={stats.lowestInWindow ? 'lupa-good' : 'lupa-muted'}
              >
                {stats.lowestInWindow ? t('lowestInDays', stats.windowDays) : t('notLowestInDays', stats.windowDays)}
              </Figure>
              <Figure name="price-points" value={stats.points} className="lupa-muted lupa-points">
                {' · '}
                {t('pricePoints', stats.points)}
              </Figure>
            </>
          ) : (
            <p className="lupa-muted">{t('noHistory')}</p>
          )}

          {product.stockKnown ? (
            <>
              <h3>{t('stock')}</h3>
              <p>
                {t('stockTotal')}:{' '}
                <Figure name="stock-total" value={product.stockTotal}>
                  {formatNumber(product.stockTotal)}
                </Figure>
              </p>
              {product.stockByWarehouse.length > 0 && (
                <table className="lupa-stock">
                  <tbody>
                    {product.stockByWarehouse.map((w) => (
                      <tr key={w.warehouseId} data-lupa="stock-warehouse" data-wh={w.warehouseId} data-value={w.qty}>
                        <td>{w.name}</td>
                        <td className="lupa-num">{formatNumber(w.qty)}</td>
                        <td className="lupa-muted">{w.deliveryHours !== null ? t('deliveryHours', w.deliveryHours) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          ) : (
            <p>
              {t('availability')}:{' '}
              <Figure
                name="availability"
                value={product.priceNow !== null}
                className={product.priceNow !== null ? 'lupa-good' : 'lupa-bad'}
              >
                {product.priceNow !== null ? t('inStock') : t('outOfStock')}
              </Figure>
            </p>
          )}

          {product.stockKnown && (
            <p>
              {t('sales')}:{' '}
              {overview?.sales ? (
                <>
                  <Figure
                    name="sales-per-day"
                    value={calibrated(overview.sales.perDay)}
                    data-confidence={overview.sales.confidence}
                    data-raw={overview.sales.perDay}
                  >
                    {t('salesPerDay', formatNumber(calibrated(overview.sales.perDay)))}
                  </Figure>{' '}
                  <Figure
                    name="sales-range"
                    value={`${calibrated(overview.sales.low)}-${calibrated(overview.sales.high)}`}
                    className="lupa-muted"
                  >
                    ({formatNumber(calibrated(overview.sales.low))}–{formatNumber(calibrated(overview.sales.high))})
                  </Figure>{' '}
                  {overview.calibration ? (
                    <Figure
                      name="sales-calibration"
                      value={overview.calibration.factor}
                      data-items={overview.calibration.items}
                      data-error={overview.calibration.errorPct}
                      data-subject={overview.calibration.subject ?? ''}
                      className="lupa-muted"
                    >
                      ·{' '}
                      {t(
                        overview.calibration.subject ? 'salesCalibratedSubject' : 'salesCalibrated',
                        overview.calibration.items,
                        overview.calibration.errorPct,
                      )}
                    </Figure>
                  ) : (
                    <Figure name="sales-calibration" value={null} className="lupa-muted">
                      · {t('salesNotCalibrated')}
                    </Figure>
                  )}
                  {overview.sales.reasons.length > 0 && (
                    <span className="lupa-muted">
                      {' '}
                      · {overview.sales.reasons.map((r) => t(`salesWhy_${r.replace(/-/g, '_')}` as 'salesWhy_few_days')).join(', ')}
                    </span>
                  )}
                </>
              ) : (
                <Figure name="sales-per-day" value={null} className="lupa-muted">
                  {t('salesUnknown')}
                </Figure>
              )}
            </p>
          )}

          <h3>{t('reviews')}</h3>
          <p>
            {t('rating')}:{' '}
            <Figure name="rating" value={product.rating}>
              {product.rating === null ? '—' : `${formatNumber(product.rating)}★`}
            </Figure>{' '}
            · {t('reviews')}:{' '}
            <Figure name="reviews" value={product.reviewCount}>
              {formatNumber(product.reviewCount)}
            </Figure>
            {summary && summary.questions !== undefined && (
              <>
                {' '}
                · {t('questions')}:{' '}
                <Figure name="questions" value={summary.questions}>
                  {summary.questions === null ? '—' : formatNumber(summary.questions)}
                </Figure>
              </>
            )}
          </p>
          {reviews?.problem && <p className="lupa-note">{t('sectionUnavailable')}</p>}
          {product.reviewCount === 0 && <p className="lupa-muted">{t('noReviews')}</p>}
          {summary && (
            <>
              <ul className="lupa-dist">
                {[5, 4, 3, 2, 1].map((stars) => {
                  const n = summary.distribution[stars - 1] ?? 0;
                  const pct =
                    sharePct(
                      n,
                      summary.distribution.reduce((a, b) => a + b, 0),
                    ) ?? 0;
                  return (
                    <Figure as="li" key={stars} name="review-dist" data-stars={stars} value={n}>
                      <span>{stars}★</span>
                      <span className="lupa-bar">
                        <span style={{ width: `${pct}%` }} />
                      </span>
                      <span className="lupa-num">{formatNumber(n)}</span>
                    </Figure>
                  );
                })}
              </ul>
              {summary.distributionOf !== undefined && (
                <Figure as="div" name="review-dist-of" value={summary.distributionOf} className="lupa-muted">
                  {t('distributionOf', formatNumber(summary.distributionOf), formatNumber(summary.count))}
                </Figure>
              )}
              <p>
                {t('negativeShare')}:{' '}
                <Figure name="negative-share" value={sharePct(summary.recentNegative, summary.recentCount)}>
                  {summary.recentCount > 0 ? formatPct(sharePct(summary.recentNegative, summary.recentCount) ?? 0) : '—'}
                </Figure>{' '}
                <span className="lupa-muted">
                  {t(summary.distributionOf !== undefined ? 'negativeShareOfShown' : 'negativeShareOf', summary.recentCount)}
                </span>
              </p>
              {summary.lastNegative.length > 0 && (
                <>
                  <h4>{t('lastNegative')}</h4>
                  <ul className="lupa-negative">
                    {summary.lastNegative.map((r) => (
                      <li key={r.id} data-lupa="negative-review" data-value={r.rating} data-answered={String(r.answered)}>
                        <span className="lupa-muted">
                          {r.rating}★ · {dateFmt.format(r.createdAt)} {r.author ? `· ${r.author}` : ''}
                        </span>
                        <q>{r.text}</q>
                        {r.answered === null ? (
                          <span className="lupa-muted">{t('answerUnknown')}</span>
                        ) : (
                          <span className={r.answered ? 'lupa-good' : 'lupa-bad'}>{r.answered ? t('answered') : t('notAnswered')}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}

          {product.seller && (
            <>
              <h3>{t('seller')}</h3>
              <p>
                <Figure name="seller" value={product.seller.name} data-seller-id={product.seller.id}>
                  {product.seller.name || `#${product.seller.id}`}
                </Figure>
                {product.seller.rating !== null && (
                  <>
                    {' · '}
                    <Figure name="seller-rating" value={product.seller.rating}>
                      {formatNumber(product.seller.rating)}★
                    </Figure>{' '}
                    <span className="lupa-muted">{t('sellerRating')}</span>
                  </>
                )}
              </p>
            </>
          )}
        </>
      )}
      {product && overview && overview.changes.length > 0 && (
        <>
          <h3>{t('changeLog')}</h3>
          <ul className="lupa-changes">
            {overview.changes.map((c) => (
              <li key={`${c.at}:${c.field}`} data-lupa="change-event" data-field={c.field} data-value={c.to === null ? '' : String(c.to)}>
                <span className="lupa-muted">{dateFmt.format(c.at)}</span> {t(`change_${c.field}`)}: {changeText(c.field, c.from)} →{' '}
                {changeText(c.field, c.to)}
              </li>
            ))}
          </ul>
        </>
      )}
      {product && children}
    </section>
  );
}
