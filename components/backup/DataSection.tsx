// The options page's data section: every feature's CSV exports, a full backup to a file and its
// restore, and deleting everything. Backup and restore run in a worker of this page (utils/backup/
// worker.ts), a page of rows or a piece of the file at a time, while the page draws their progress;
// a restore first checks the whole file and shows what it holds, and replaces the data only when
// the user confirms.
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { backupInWorker, checkInWorker, restoreInWorker } from '../../utils/backup/client';
import { download, historyCsv, wipeAll } from '../../utils/backup/data';
import { BackupProblem } from '../../utils/backup/format';
import type { BackupContents } from '../../utils/backup/restore';
import { hasMessage, t, uiLanguage } from '../../utils/i18n';
import { formatNumber } from '../../utils/money';
import type { OptionsPart, OptionsPartProps } from '../parts';

const today = () => new Date().toISOString().slice(0, 10);
const tableLabel = (name: string) => {
  const key = `table_${name}`;
  return hasMessage(key) ? t(key) : name;
};
const day = (at: number) => new Date(at).toLocaleDateString(uiLanguage() === 'ru' ? 'ru-RU' : 'en-GB');
/** Shown after the page reloads itself once everything was deleted. */
const CLEARED = '#cleared';

/** Why a file was not restored, in the user's words. */
export function problemText(error: unknown): string {
  if (!(error instanceof BackupProblem)) return error instanceof Error ? error.message.slice(0, 200) : String(error);
  const { table = '', row = 0, line = 0, what = '', issue } = error.detail;
  switch (error.code) {
    case 'too-big':
      return t('restore_too_big', what);
    case 'damaged':
      return t('restore_damaged', line || '—');
    case 'unknown-table':
      return t('restore_unknown_table', table);
    case 'bad-row': {
      const why = issue
        ? `${issue.path.join('.')} — ${uiLanguage() === 'ru' ? (z.locales.ru().localeError(issue as never) ?? issue.message) : issue.message}`
        : '';
      return t('restore_bad_row', tableLabel(table), row, why);
    }
    case 'bad-control':
      return t('restore_bad_control', what);
    case 'unsupported-type':
      return t('restore_unsupported_type', tableLabel(table), row, what);
    default:
      return t(`restore_${error.code.replace(/-/g, '_')}` as 'restore_not_backup');
  }
}

type Work =
  | { kind: 'idle' }
  | { kind: 'backup'; done: number }
  | { kind: 'check'; done: number }
  | { kind: 'confirm'; file: File; contents: BackupContents }
  | { kind: 'write'; done: number };

/** A progress bar: data-value is the share done, 0‥1. */
function Bar({ of, done, phase, label }: { of: 'backup' | 'restore'; done: number; phase?: 'check' | 'write'; label: string }) {
  const share = Math.round(done * 1000) / 1000;
  return (
    <p className="lupa-progress">
      <span>{label}</span>
      <progress
        data-lupa={of === 'backup' ? 'backup-progress' : 'restore-progress'}
        data-value={share}
        data-phase={phase}
        max={1}
        value={share}
      />
    </p>
  );
}

function Summary({ contents, onConfirm, onCancel }: { contents: BackupContents; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="lupa-restore" data-lupa="restore-summary" data-value={contents.rows}>
      <p>
        <strong>
          {contents.createdAt === null ? t('optRestoreOld') : t('optRestoreMade', new Date(contents.createdAt).toLocaleString('ru-RU'))}
        </strong>
      </p>
      <ul>
        {contents.tables
          .filter((table) => table.rows > 0)
          .map((table) => (
            <li key={table.name} data-lupa="restore-table" data-table={table.name} data-value={table.rows}>
              {tableLabel(table.name)}: {formatNumber(table.rows)}
            </li>
          ))}
      </ul>
      <p>{t('optRestoreRows', formatNumber(contents.rows))}</p>
      {contents.from !== null && contents.to !== null && <p>{t('optRestoreSpan', day(contents.from), day(contents.to))}</p>}
      {contents.skipped > 0 && <p>{t('optRestoreSkipped', contents.skipped)}</p>}
      <p className="lupa-note">{t('optRestoreAsk')}</p>
      <p className="lupa-row">
        <button type="button" className="lupa-danger" data-lupa="restore-confirm" onClick={onConfirm}>
          {t('optRestoreConfirm')}
        </button>
        <button type="button" data-lupa="restore-cancel" onClick={onCancel}>
          {t('optRestoreCancel')}
        </button>
      </p>
    </div>
  );
}

function DataSection({ db, say, fail, exports }: OptionsPartProps) {
  const [work, setWork] = useState<Work>({ kind: 'idle' });
  const busy = work.kind !== 'idle';

  useEffect(() => {
    if (location.hash !== CLEARED) return;
    history.replaceState(null, '', location.pathname + location.search);
    say(t('optCleared'));
  }, [say]);

  const makeBackup = async () => {
    setWork({ kind: 'backup', done: 0 });
    try {
      const file = await backupInWorker((done, total) => setWork({ kind: 'backup', done: total ? done / total : 1 }));
      download(file, `lupa-backup-${today()}.jsonl`, file.type);
      say(t('optBackupDone', formatNumber(file.size / 1024 / 1024, 1)));
    } catch (error) {
      fail(problemText(error));
    } finally {
      setWork({ kind: 'idle' });
    }
  };

  const check = async (file: File) => {
    setWork({ kind: 'check', done: 0 });
    try {
      const contents = await checkInWorker(file, (done, total) => setWork({ kind: 'check', done: done / total }));
      setWork({ kind: 'confirm', file, contents });
    } catch (error) {
      setWork({ kind: 'idle' });
      fail(t('optRestoreFailed', problemText(error)));
    }
  };

  const replace = async (file: File, contents: BackupContents) => {
    setWork({ kind: 'write', done: 0 });
    try {
      await restoreInWorker(file, contents, (done, total) => setWork({ kind: 'write', done: done / total }));
      say(t('optRestored'));
    } catch (error) {
      fail(t('optRestoreFailed', problemText(error)));
    } finally {
      setWork({ kind: 'idle' });
    }
  };

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
        <button type="button" data-lupa="backup" disabled={busy} onClick={() => void makeBackup()}>
          {t('optBackup')}
        </button>
        <label className="lupa-file" aria-disabled={busy}>
          {t('optRestore')}
          <input
            type="file"
            accept=".jsonl,.json,application/json,application/x-ndjson"
            data-lupa="restore"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void check(file);
            }}
          />
        </label>
      </p>
      {work.kind === 'backup' && <Bar of="backup" done={work.done} label={t('optBackupMaking')} />}
      {work.kind === 'check' && <Bar of="restore" phase="check" done={work.done} label={t('optRestoreChecking')} />}
      {work.kind === 'write' && <Bar of="restore" phase="write" done={work.done} label={t('optRestoreWriting')} />}
      {work.kind === 'confirm' && (
        <Summary
          contents={work.contents}
          onConfirm={() => void replace(work.file, work.contents)}
          onCancel={() => {
            setWork({ kind: 'idle' });
            say(t('optRestoreCancelled'));
          }}
        />
      )}
      <p>
        <button
          type="button"
          className="lupa-danger"
          data-lupa="clear-all"
          disabled={busy}
          onClick={() => {
            if (!confirm(t('optClearConfirm'))) return;
            void wipeAll(db)
              .then(() => {
                // The other sections (token, templates, settings) show what they read at load: read them again.
                location.hash = CLEARED;
                location.reload();
              })
              .catch((error: unknown) => fail(problemText(error)));
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
