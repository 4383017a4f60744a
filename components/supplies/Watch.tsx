// The acceptance watch: the seller ticks warehouses (those WB gives coefficients for), a box type,
// a date range and the highest coefficient they accept; the background polls once a minute and
// tells of each date that fits once. "Проверить сейчас" polls at once.
import { useState } from 'react';
import { t } from '../../utils/i18n';
import { isoDay } from '../../utils/marketplaces/wb/seller-supplies';
import { ask } from '../../utils/messaging';
import type { SuppliesReply } from '../../utils/supplies/protocol';
import type { AcceptanceWatchSetting } from '../../utils/supplies/tables';
import { Figure } from '../Figure';
import { problemText } from '../seller-problem';
import { NumberField } from './NumberField';

const DAY_MS = 86_400_000;
const dayOfIso = (text: string) => Math.floor(Date.parse(`${text}T00:00:00Z`) / DAY_MS);

export function AcceptanceWatchForm({ data, saved }: { data: SuppliesReply; saved: () => void }) {
  const [draft, setDraft] = useState<AcceptanceWatchSetting>(
    data.watch ?? { warehouses: [], box: null, from: data.today, to: data.today + 13, maxCoefficient: 0 },
  );
  const [found, setFound] = useState<{ n: number; at: number } | null>(null);
  const names = new Map(data.warehouses.map((w) => [w.id, w.name]));
  const offered = [...new Set(data.acceptance.map((a) => a.wh))].sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''));
  const boxes = [...new Map(data.acceptance.filter((a) => a.box >= 0).map((a) => [a.box, a.boxName]))];
  const read = data.imports.acceptance;
  const toggle = (wh: number) =>
    setDraft({
      ...draft,
      warehouses: draft.warehouses.includes(wh) ? draft.warehouses.filter((w) => w !== wh) : [...draft.warehouses, wh],
    });
  const store = async (watch: AcceptanceWatchSetting | null) => {
    await ask('saveAcceptanceWatch', { watch });
    saved();
  };
  const poll = async () => {
    const { fresh, read } = await ask('pollAcceptance', {});
    setFound({ n: fresh, at: read.startedAt });
    saved();
  };
  return (
    <section>
      <h2>{t('suppliesWatch')}</h2>
      <p className="lupa-muted">{t('suppliesWatchHint')}</p>
      {read?.problem && (
        <p className="lupa-note" data-lupa="acceptance-problem" data-value={read.problem.kind}>
          {problemText(read.problem)}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void store(draft);
        }}
      >
        <div className="lupa-watch-warehouses">
          {offered.map((wh) => (
            <label key={wh}>
              <input
                type="checkbox"
                data-lupa="watch-wh"
                data-wh={wh}
                checked={draft.warehouses.includes(wh)}
                onChange={() => toggle(wh)}
              />{' '}
              {names.get(wh) ?? `#${wh}`}
            </label>
          ))}
        </div>
        <label>
          {t('suppliesWatchBox')}{' '}
          <select
            data-lupa="watch-box"
            value={draft.box ?? ''}
            onChange={(e) => setDraft({ ...draft, box: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{t('suppliesAnyBox')}</option>
            {boxes.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>{' '}
        {(['from', 'to'] as const).map((end) => (
          <label key={end}>
            {t(end === 'from' ? 'suppliesWatchFrom' : 'suppliesWatchTo')}{' '}
            <input
              type="date"
              data-lupa={end === 'from' ? 'watch-from' : 'watch-to'}
              value={isoDay(draft[end])}
              onChange={(e) => e.target.value && setDraft({ ...draft, [end]: dayOfIso(e.target.value) })}
            />{' '}
          </label>
        ))}
        <NumberField
          label="suppliesWatchMax"
          name="watch-max"
          min={0}
          max={20}
          value={draft.maxCoefficient}
          onChange={(maxCoefficient) => setDraft({ ...draft, maxCoefficient })}
        />{' '}
        <button type="submit" data-lupa="watch-save" disabled={draft.warehouses.length === 0}>
          {t('suppliesWatchSave')}
        </button>{' '}
        {data.watch && (
          <button type="button" data-lupa="watch-stop" onClick={() => void store(null)}>
            {t('suppliesWatchStop')}
          </button>
        )}
      </form>
      {data.watch && (
        <p>
          <Figure name="acceptance-watch" value={data.watch.warehouses.length}>
            {t('suppliesWatchOn', data.watch.warehouses.length)}
          </Figure>{' '}
          <button type="button" data-lupa="watch-poll" onClick={() => void poll()}>
            {t('suppliesPollNow')}
          </button>{' '}
          {found !== null && (
            <Figure name="acceptance-found" value={found.n} data-at={found.at}>
              {t('suppliesFound', found.n)}
            </Figure>
          )}
        </p>
      )}
    </section>
  );
}
