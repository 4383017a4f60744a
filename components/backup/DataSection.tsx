// The options page's data section: every feature's CSV exports, a full backup to a file and its
// restore, and clearing all data.
import { backup, clearAll, download, historyCsv, restore } from '../../utils/backup/data';
import { t } from '../../utils/i18n';
import type { OptionsPart, OptionsPartProps } from '../parts';

const today = () => new Date().toISOString().slice(0, 10);

function DataSection({ db, say, fail, exports }: OptionsPartProps) {
  return (
    <>
      <h2>{t('optData')}</h2>
      <p className="lupa-row">
        {exports.map(({ label, file, make }) => (
          <button key={file} type="button" onClick={() => void make(db).then((text) => download(text, `${file}-${today()}.csv`))}>
            {t(label)}
          </button>
        ))}
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
    </>
  );
}

export const backupOptions: OptionsPart = {
  name: 'backup',
  Section: DataSection,
  exports: [{ label: 'optExportHistory', file: 'lupa-price-history', make: historyCsv }],
};
