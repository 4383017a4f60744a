// The planner's settings (window, target cover, default lead time) and, per warehouse of the plan,
// its lead time and WB's acceptance coefficients for the next 14 days by box type (free ones
// highlighted, closed ones said so). Box multiples are set per item in the plan's CSV round trip
// of the settings: here, one field per item that has rows.
import { useState } from 'react';
import { t } from '../../utils/i18n';
import { isoDay } from '../../utils/marketplaces/wb/seller-supplies';
import { ask } from '../../utils/messaging';
import { WINDOWS } from '../../utils/supplies/plan';
import type { SuppliesReply } from '../../utils/supplies/protocol';
import type { SupplySettings, SupplyWarehouse } from '../../utils/supplies/tables';
import { Figure } from '../Figure';
import { clampWhole, NumberField } from './NumberField';

const save = (settings: SupplySettings) => ask('saveSupplySettings', settings);

export function SettingsForm({ data, saved }: { data: SuppliesReply; saved: () => void }) {
  const [draft, setDraft] = useState(data.settings);
  const [done, setDone] = useState(false);
  const items = [...new Set(data.rows.map((r) => r.nm))];
  const submit = async () => {
    await save(draft);
    setDone(true);
    saved();
  };
  return (
    <form
      className="lupa-supply-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('suppliesWindow')}{' '}
        <select
          data-lupa="supply-window"
          value={draft.window}
          onChange={(e) => setDraft({ ...draft, window: Number(e.target.value) as SupplySettings['window'] })}
        >
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>{' '}
      <NumberField
        label="suppliesTarget"
        name="supply-target"
        min={1}
        max={365}
        value={draft.targetDays}
        onChange={(targetDays) => setDraft({ ...draft, targetDays })}
      />{' '}
      <NumberField
        label="suppliesDefaultLead"
        name="supply-lead-default"
        min={0}
        max={120}
        value={draft.defaultLeadDays}
        onChange={(defaultLeadDays) => setDraft({ ...draft, defaultLeadDays })}
      />
      {items.length > 0 && (
        <details>
          <summary>{t('suppliesColBox')}</summary>
          {items.map((nm) => (
            <label key={nm} className="lupa-supply-box">
              {nm}{' '}
              <input
                type="number"
                min={1}
                max={10_000}
                data-lupa="supply-box"
                data-nm={nm}
                value={draft.box[nm] ?? 1}
                onChange={(e) =>
                  setDraft({ ...draft, box: { ...draft.box, [nm]: clampWhole(e.target.value, 1, 10_000, draft.box[nm] ?? 1) } })
                }
              />
            </label>
          ))}
        </details>
      )}{' '}
      <button type="submit" data-lupa="supply-settings-save">
        {t('suppliesSave')}
      </button>
      {done && <span className="lupa-muted"> {t('suppliesSaved')}</span>}
    </form>
  );
}

export function WarehouseList({ data, warehouses, saved }: { data: SuppliesReply; warehouses: SupplyWarehouse[]; saved: () => void }) {
  const lead = async (wh: number, value: string) => {
    const n = clampWhole(value, 0, 120, Number.NaN);
    if (Number.isNaN(n)) return;
    await save({ ...data.settings, leadDays: { ...data.settings.leadDays, [String(wh)]: n } });
    saved();
  };
  return (
    <section>
      <h2>{t('suppliesWarehouses')}</h2>
      <ul className="lupa-supply-warehouses">
        {warehouses.map((w) => {
          const slots = data.acceptance.filter((a) => a.wh === w.id).sort((a, b) => a.box - b.box || a.day - b.day);
          return (
            <li key={w.id} data-wh={w.id}>
              <strong>{w.name}</strong> {w.region && <span className="lupa-muted">{w.region}</span>}{' '}
              <label>
                {t('suppliesColLead')}{' '}
                <input
                  type="number"
                  min={0}
                  max={120}
                  data-lupa="supply-lead"
                  data-wh={w.id}
                  defaultValue={data.settings.leadDays[String(w.id)] ?? data.settings.defaultLeadDays}
                  onBlur={(e) => void lead(w.id, e.target.value)}
                />
              </label>
              <div className="lupa-acceptance">
                {slots.map((a) => {
                  const free = a.open && a.coefficient === 0;
                  return (
                    <Figure
                      key={`${a.box}:${a.day}`}
                      name="acceptance-coef"
                      value={a.open ? a.coefficient : -1}
                      data-wh={a.wh}
                      data-date={isoDay(a.day)}
                      data-box={a.box}
                      data-free={free}
                      className={free ? 'lupa-free' : a.open ? '' : 'lupa-muted'}
                      title={`${a.boxName}, ${isoDay(a.day)}`}
                    >
                      {isoDay(a.day).slice(5)} {a.boxName}:{' '}
                      {a.open ? (free ? t('suppliesFree') : `×${a.coefficient}`) : t('suppliesClosed')}
                    </Figure>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
