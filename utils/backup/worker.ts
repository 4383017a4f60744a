// The backup's own thread: a dedicated worker the options page starts for a backup or a restore,
// so that reading 700 000 rows, checking each and writing them never holds the page (its only
// work is drawing the progress). IndexedDB and Blobs are the page's here too (same origin); the
// chosen file comes in as a File, the backup goes out as a Blob, both without copying.
import '../zod-setup';
import { LupaDb } from '../db';
import { backup } from './backup';
import type { WorkerReply, WorkerRequest } from './client';
import { BackupProblem } from './format';
import { checkBackup, restoreBackup } from './restore';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (reply: WorkerReply) => void;
};

/** How often the page is told the progress. */
const PROGRESS_MS = 50;

scope.onmessage = async ({ data: request }) => {
  // The page redraws its bar on each message: one every PROGRESS_MS at most, and the last.
  let told = Number.NEGATIVE_INFINITY;
  const progress = (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - told < PROGRESS_MS) return;
    told = now;
    scope.postMessage({ kind: 'progress', done, total });
  };
  const db = new LupaDb();
  try {
    if (request.kind === 'backup') scope.postMessage({ kind: 'backup', file: await backup(db, { onProgress: progress }) });
    else if (request.kind === 'check')
      scope.postMessage({ kind: 'checked', contents: await checkBackup(request.file, { onProgress: progress }) });
    else {
      await restoreBackup(db, request.file, request.contents, { onProgress: progress });
      scope.postMessage({ kind: 'restored' });
    }
  } catch (error) {
    scope.postMessage(
      error instanceof BackupProblem
        ? { kind: 'problem', code: error.code, detail: error.detail }
        : { kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error) },
    );
  } finally {
    db.close();
  }
};
