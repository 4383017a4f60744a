// Options: region, refresh and alert thresholds, position depth, data retention; exports, a full
// backup and restore, clearing all data. Russian first, like every page of Lupa.
import { useEffect, useMemo, useState } from 'react';
import { LupaDb } from '../../utils/db';
import { t } from '../../utils/i18n';
import { DEFAULT_DEST } from '../../utils/marketplaces/wb/endpoints';
import { ask } from '../../utils/messaging';
import { isPlausibleToken, setWbToken } from '../../utils/secrets';
import { getSettings, type Settings, SettingsSchema, saveSettings } from '../../utils/settings';
import { Competitors } from './Competitors';
import { backup, clearAll, download, historyCsv, restore, watchlistCsv } from './data';
import { Templates } from './Templates';

const today = () => new Date().toISOString().slice(0, 10);

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
  /** The token itself is never read back into the page: only whether it works. */
  const [token, setToken] = useState('');
  const [tokenState, setTokenState] = useState('');

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
    <main className="lupa-options">
      <h1>
        <span className="lupa-logo">Lupa</span> — {t('optTitle')}
      </h1>
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
              value={settings[f.key]}
              onChange={(e) => setSettings({ ...settings, [f.key]: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
            />
            {f.hint && <small>{t(f.hint as 'optRegionHint', String(DEFAULT_DEST))}</small>}
          </label>
        ))}
        <button type="submit">{t('optSave')}</button>
      </form>

      <h2>{t('optToken')}</h2>
      <p className="lupa-muted">{t('optTokenHint')}</p>
      <form
        className="lupa-row"
        onSubmit={(e) => {
          e.preventDefault();
          const value = token.trim();
          if (value && !isPlausibleToken(value)) return fail(t('optTokenShape'));
          void setWbToken(value || null)
            .then(() => ask('checkWbToken', {}))
            .then((result) => {
              setToken('');
              setTokenState(result.ok ? 'ok' : result.reason);
              if (result.ok) say(t('optTokenOk', result.unanswered.reviews, result.unanswered.questions));
              else if (result.reason === 'no-token') say(t('optTokenRemoved'));
              else fail(t(`optToken_${result.reason.replace(/-/g, '_')}` as 'optToken_bad_token'));
            })
            .catch(() => fail(t('state_lupa_unavailable')));
        }}
      >
        <input
          type="password"
          autoComplete="off"
          data-lupa="token-input"
          value={token}
          placeholder={t('optTokenPlaceholder')}
          onChange={(e) => setToken(e.target.value)}
        />
        <button type="submit" data-lupa="token-check" data-value={tokenState}>
          {t('optTokenCheck')}
        </button>
      </form>

      <h2>{t('ownItemsTitle')}</h2>
      <Competitors onMessage={(ok, text) => (ok ? say(text) : fail(text))} />

      <h2>{t('optTemplates')}</h2>
      <Templates onSaved={say} />

      <h2>{t('optData')}</h2>
      <p className="lupa-row">
        <button type="button" onClick={() => void watchlistCsv(db).then((text) => download(text, `lupa-watchlist-${today()}.csv`))}>
          {t('optExportWatch')}
        </button>
        <button type="button" onClick={() => void historyCsv(db).then((text) => download(text, `lupa-price-history-${today()}.csv`))}>
          {t('optExportHistory')}
        </button>
      </p>
      <p className="lupa-row">
        <button
          type="button"
          data-lupa="backup"
          onClick={() => void backup(db).then((blob) => download(blob, `lupa-backup-${today()}.json`, 'application/json'))}
        >
          {t('optBackup')}
        </button>
        <label className="lupa-file">
          {t('optRestore')}
          <input
            type="file"
            accept="application/json,.json"
            data-lupa="restore"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              restore(db, file)
                .then(() => say(t('optRestored')))
                .catch((error: unknown) => fail(t('optRestoreFailed', error instanceof Error ? error.message.slice(0, 200) : '')));
              e.target.value = '';
            }}
          />
        </label>
      </p>
      <p>
        <button
          type="button"
          className="lupa-danger"
          data-lupa="clear-all"
          onClick={() => {
            if (!confirm(t('optClearConfirm'))) return;
            void clearAll(db).then(() => say(t('optCleared')));
          }}
        >
          {t('optClear')}
        </button>
      </p>
    </main>
  );
}
