// Options: the settings (region, refresh and alert thresholds, position depth, data retention) and
// the features' parts (entrypoints/options/parts.ts): the token, own items and competitors, reply
// templates, exports, backup and restore; a link to the privacy page. Russian first, like every page of Lupa.
import { useEffect, useMemo, useState } from 'react';
import { LupaDb } from '../../utils/db';
import { t } from '../../utils/i18n';
import { DEFAULT_DEST } from '../../utils/marketplaces/wb/endpoints';
import { getSettings, type Settings, SettingsSchema, saveSettings } from '../../utils/settings';
import { OPTIONS_PARTS } from './parts';

/** Every part's CSV exports, drawn together in the data section. */
const exports = OPTIONS_PARTS.flatMap((part) => part.exports ?? []);

type NumberField = 'wbDest' | 'refreshMinutes' | 'priceMovePct' | 'ratingDrop' | 'positionDepth' | 'retentionDays' | 'priceWindowDays';
const FIELDS: Array<{ key: NumberField; label: string; hint?: string; step?: number }> = [
  { key: 'wbDest', label: 'optRegion', hint: 'optRegionHint' },
  { key: 'refreshMinutes', label: 'optRefresh' },
  { key: 'priceMovePct', label: 'optPriceMove', step: 0.5 },
  { key: 'ratingDrop', label: 'optRatingDrop', step: 0.05 },
  { key: 'priceWindowDays', label: 'optWindow' },
  { key: 'positionDepth', label: 'optDepth' },
  { key: 'retentionDays', label: 'optRetention' },
];

export function App() {
  const db = useMemo(() => new LupaDb(), []);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void getSettings().then(setSettings);
    return () => db.close();
  }, [db]);

  const say = (text: string) => {
    setProblem(null);
    setMessage(text);
  };
  const fail = (text: string) => {
    setMessage(null);
    setProblem(text);
  };

  if (!settings) return null;

  return (
    <main className="lupa-options lupa-page">
      <h1>
        <span className="lupa-logo">Lupa</span> — {t('optTitle')}
      </h1>
      <p className="lupa-muted">
        {/* PRIVACY.md, shipped in the package (entrypoints/privacy). */}
        <a href="/privacy.html" target="_blank" rel="noreferrer" data-lupa="privacy-link">
          {t('optPrivacy')}
        </a>
      </p>
      {message && (
        <p className="lupa-ok" data-lupa="options-message">
          {message}
        </p>
      )}
      {problem && (
        <p className="lupa-note" data-lupa="options-problem">
          {problem}
        </p>
      )}

      <form
        data-lupa="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = SettingsSchema.safeParse(settings);
          if (!parsed.success) return fail(t('optInvalid', parsed.error.issues[0]?.path.join('.') ?? ''));
          void saveSettings(parsed.data).then((saved) => {
            setSettings(saved);
            say(t('optSaved'));
          });
        }}
      >
        <h2>{t('optSettings')}</h2>
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span>{t(f.label as 'optRegion')}</span>
            <input
              type="number"
              name={f.key}
              step={f.step ?? 1}
              value={settings[f.key] ?? ''}
              // An empty region is the user's own (the site's or WB's geo service's); other fields must be numbers.
              onChange={(e) =>
                setSettings({
                  ...settings,
                  [f.key]: e.target.value === '' ? (f.key === 'wbDest' ? null : Number.NaN) : Number(e.target.value),
                })
              }
            />
            {f.hint && <small>{t(f.hint as 'optRegionHint', String(DEFAULT_DEST))}</small>}
          </label>
        ))}
        <button type="submit">{t('optSave')}</button>
      </form>

      {OPTIONS_PARTS.map(({ name, Section }) => (Section ? <Section key={name} db={db} say={say} fail={fail} exports={exports} /> : null))}
    </main>
  );
}
