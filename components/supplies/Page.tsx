// The «Поставки» page: the imports' progress, the planner's settings, the plan table (sortable,
// filtered by warehouse, virtualised), each warehouse's lead time and acceptance for 14 days (free
// dates highlighted), the acceptance watch, and a CSV of the plan for Excel. The plan is computed
// in the background; the page only sorts, filters and draws it.
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { csvFile } from '../../utils/csv';
import { t } from '../../utils/i18n';
import { isoDay } from '../../utils/marketplaces/wb/seller-supplies';
import { ask } from '../../utils/messaging';
import { formatNumber } from '../../utils/money';
import type { SuppliesReply, SupplyRow } from '../../utils/supplies/protocol';
import { Figure } from '../Figure';
import { categoryName, problemText } from '../seller-problem';
import { VirtualList } from '../VirtualList';
import { SettingsForm, WarehouseList } from './Warehouses';
import { AcceptanceWatchForm } from './Watch';

type SortKey = 'urgency' | 'nm' | 'wh' | 'stock' | 'perDay' | 'cover' | 'send';
const ROW_HEIGHT = 30;
const TABLE_HEIGHT = 560;

const compare: Record<SortKey, (a: SupplyRow, b: SupplyRow) => number> = {
  urgency: () => 0,
  nm: (a, b) => a.nm.localeCompare(b.nm, undefined, { numeric: true }),
  wh: (a, b) => a.wh - b.wh,
  stock: (a, b) => a.stock - b.stock,
  perDay: (a, b) => (a.perDay ?? -1) - (b.perDay ?? -1),
  cover: (a, b) => (a.cover ?? Number.POSITIVE_INFINITY) - (b.cover ?? Number.POSITIVE_INFINITY),
  send: (a, b) => (a.send ?? -1) - (b.send ?? -1),
};

export function useSupplies() {
  const [data, setData] = useState<SuppliesReply | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(
    () =>
      ask('getSupplies', {}).then(
        (d) => {
          setData(d);
          setFailed(false);
        },
        () => setFailed(true),
      ),
    [],
  );
  useEffect(() => void load(), [load]);
  /** When the page last started an import: followed until its last step (the coefficients) has run. */
  const [started, setStarted] = useState<number | null>(null);
  const running = Boolean(
    data &&
      ((data.imports.stocks?.state === 'running' && !data.imports.stocks.problem) ||
        (data.imports.orders?.state === 'running' && !data.imports.orders.problem) ||
        data.imports.acceptance?.state === 'running' ||
        (started !== null && (data.imports.acceptance?.startedAt ?? 0) < started)),
  );
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [running, load]);
  const start = useCallback(async () => {
    setStarted(Date.now());
    await ask('importSupplies', {});
    await load();
  }, [load]);
  return { data, failed, load, start };
}

function ImportState({ data, start }: { data: SuppliesReply; start: () => Promise<void> }) {
  const { stocks, orders, acceptance } = data.imports;
  const line = (step: typeof stocks | typeof acceptance, done: string) =>
    !step ? null : step.problem ? problemText(step.problem) : step.state === 'running' ? t('suppliesRunning') : done;
  return (
    <section>
      <p className="lupa-muted">{t('suppliesHint')}</p>
      {data.missing.length > 0 && (
        <p className="lupa-note" data-lupa="supplies-token" data-value={data.missing.join(',')}>
          {t('suppliesMissing', data.missing.map(categoryName).join(', '))}
        </p>
      )}
      <ul>
        <li>
          <Figure name="supplies-import" value={stocks?.state ?? null} data-step="stocks" data-problem={stocks?.problem?.kind ?? ''}>
            {line(stocks, t('suppliesStocksState', formatNumber(stocks?.rows ?? 0), isoDay(stocks?.day ?? 0))) ?? t('suppliesNoStocks')}
            {stocks && stocks.dropped > 0 && ` (${t('suppliesDropped', stocks.dropped)})`}
          </Figure>
        </li>
        <li>
          <Figure name="supplies-import" value={orders?.state ?? null} data-step="orders" data-problem={orders?.problem?.kind ?? ''}>
            {line(orders, t('suppliesOrdersState', formatNumber(orders?.rows ?? 0)))}
            {orders && orders.dropped > 0 && ` (${t('suppliesDropped', orders.dropped)})`}
          </Figure>
        </li>
        <li>
          <Figure
            name="supplies-import"
            value={acceptance?.state ?? null}
            data-step="acceptance"
            data-problem={acceptance?.problem?.kind ?? ''}
          >
            {line(acceptance, t('suppliesAcceptanceState', formatNumber(acceptance?.rows ?? 0)))}
            {acceptance && acceptance.dropped > 0 && ` (${t('suppliesDropped', acceptance.dropped)})`}
          </Figure>
        </li>
      </ul>
      <button type="button" data-lupa="supplies-import-start" onClick={() => void start()}>
        {t('suppliesImport')}
      </button>
    </section>
  );
}

const coverText = (r: SupplyRow) =>
  r.perDay === null ? t('suppliesUnknownPace') : r.cover === null ? t('suppliesNoSales') : formatNumber(r.cover, 1);

function PlanTable({ data, warehouse }: { data: SuppliesReply; warehouse: number | null }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'urgency', desc: false });
  const names = useMemo(() => new Map(data.warehouses.map((w) => [w.id, w.name])), [data.warehouses]);
  const rows = useMemo(() => {
    const shown = warehouse === null ? data.rows : data.rows.filter((r) => r.wh === warehouse);
    if (sort.key === 'urgency') return shown;
    const list = [...shown].sort(compare[sort.key]);
    return sort.desc ? list.reverse() : list;
  }, [data.rows, warehouse, sort]);
  const header = (key: SortKey, label: string) => (
    <button
      type="button"
      className="lupa-link"
      data-lupa="supply-sort"
      data-value={key}
      onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'send' || key === 'perDay' }))}
    >
      {label}
      {sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}
    </button>
  );
  return (
    <div className="lupa-supply-table" data-lupa="supply-table" data-value={rows.length}>
      <div className="lupa-supply-row lupa-supply-head">
        <span>{header('nm', t('suppliesColNm'))}</span>
        <span>{header('wh', t('suppliesColWh'))}</span>
        <span>{header('stock', t('suppliesColStock'))}</span>
        <span>{t('suppliesColTransit')}</span>
        <span>{header('perDay', t('suppliesColPace'))}</span>
        <span>{header('cover', t('suppliesColCover'))}</span>
        <span>{t('suppliesColLead')}</span>
        <span>{t('suppliesColBox')}</span>
        <span>{header('send', t('suppliesColSend'))}</span>
      </div>
      <VirtualRows rows={rows}>
        {(r) => (
          <div
            className={`lupa-supply-row${r.urgent ? ' lupa-urgent' : ''}`}
            data-lupa="supply-row"
            data-value={r.send ?? ''}
            data-nm={r.nm}
            data-wh={r.wh}
            data-urgent={r.urgent}
          >
            <span>{r.nm}</span>
            <span>{names.get(r.wh) ?? `#${r.wh}`}</span>
            <Figure name="stock-wh" value={r.stock}>
              {formatNumber(r.stock)}
            </Figure>
            <span title={`${t('suppliesColToClient')}: ${r.toClient}`}>{formatNumber(r.inTransit)}</span>
            <Figure name="orders-per-day-wh" value={r.perDay}>
              {r.perDay === null ? '—' : formatNumber(r.perDay, 2)}
            </Figure>
            <Figure name="cover-days" value={r.cover}>
              {coverText(r)}
              {r.urgent && <span className="lupa-bad"> {t('suppliesUrgent')}</span>}
            </Figure>
            <span>{r.leadDays}</span>
            <span>{r.box}</span>
            <Figure name="send-qty" value={r.send}>
              {r.send === null ? '—' : formatNumber(r.send)}
            </Figure>
          </div>
        )}
      </VirtualRows>
    </div>
  );
}

function VirtualRows({ rows, children }: { rows: SupplyRow[]; children: (r: SupplyRow) => ReactNode }) {
  return (
    <VirtualList items={rows} itemKey={(r) => `${r.nm}:${r.wh}`} estimate={ROW_HEIGHT} height={TABLE_HEIGHT}>
      {(r) => children(r)}
    </VirtualList>
  );
}

async function exportCsv(data: SuppliesReply) {
  const names = new Map(data.warehouses.map((w) => [w.id, w.name]));
  const text = await csvFile(
    [
      t('suppliesColNm'),
      t('suppliesColWh'),
      t('suppliesColStock'),
      t('suppliesColTransit'),
      t('suppliesColToClient'),
      t('suppliesColPace'),
      t('suppliesColCover'),
      t('suppliesColLead'),
      t('suppliesColBox'),
      t('suppliesColSend'),
    ],
    data.rows.map((r) => [
      r.nm,
      names.get(r.wh) ?? r.wh,
      r.stock,
      r.inTransit,
      r.toClient,
      r.perDay === null ? '' : String(r.perDay).replace('.', ','),
      r.cover === null ? '' : String(r.cover).replace('.', ','),
      r.leadDays,
      r.box,
      r.send ?? '',
    ]),
  );
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `lupa-supplies-${isoDay(data.today)}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SuppliesPage() {
  const { data, failed, load, start } = useSupplies();
  const [warehouse, setWarehouse] = useState<number | null>(null);
  if (failed) return <p className="lupa-bad">{t('state_lupa_unavailable')}</p>;
  if (!data) return <p className="lupa-muted">{t('suppliesRunning')}</p>;
  const planned = new Set(data.rows.map((r) => r.wh));
  const inPlan = data.warehouses.filter((w) => planned.has(w.id));
  return (
    <main className="lupa-supplies">
      <h1>{t('suppliesTitle')}</h1>
      <ImportState data={data} start={start} />
      <SettingsForm data={data} saved={load} />
      {data.unknownOrders > 0 && (
        <p className="lupa-note" data-lupa="supplies-unknown-orders" data-value={data.unknownOrders}>
          {t('suppliesUnknownOrders', data.unknownOrders)}
        </p>
      )}
      <p>
        <label>
          {t('suppliesColWh')}{' '}
          <select
            data-lupa="supply-filter"
            value={warehouse ?? ''}
            onChange={(e) => setWarehouse(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('suppliesAllWh')}</option>
            {inPlan.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" data-lupa="supplies-export" onClick={() => void exportCsv(data)}>
          {t('suppliesExport')}
        </button>
      </p>
      <PlanTable data={data} warehouse={warehouse} />
      <WarehouseList data={data} warehouses={inPlan} saved={load} />
      <AcceptanceWatchForm data={data} saved={load} />
    </main>
  );
}
