// The options page's side of the backup worker (worker.ts): one worker per task, ended with it.
import { BackupProblem, type ProblemCode } from './format';
import type { BackupContents, Progress } from './restore';

export type WorkerRequest = { kind: 'backup' } | { kind: 'check'; file: File } | { kind: 'restore'; file: File; contents: BackupContents };
export type WorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'backup'; file: Blob }
  | { kind: 'checked'; contents: BackupContents }
  | { kind: 'restored' }
  | { kind: 'problem'; code: ProblemCode; detail: BackupProblem['detail'] }
  | { kind: 'failed'; message: string };

function run(request: WorkerRequest, onProgress: Progress): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const end = () => worker.terminate();
    worker.onmessage = ({ data: reply }: MessageEvent<WorkerReply>) => {
      if (reply.kind === 'progress') return onProgress(reply.done, reply.total);
      end();
      if (reply.kind === 'problem') reject(new BackupProblem(reply.code, reply.detail));
      else if (reply.kind === 'failed') reject(new Error(reply.message));
      else resolve(reply);
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || 'backup worker failed'));
    };
    worker.postMessage(request);
  });
}

export async function backupInWorker(onProgress: Progress): Promise<Blob> {
  const reply = await run({ kind: 'backup' }, onProgress);
  return (reply as Extract<WorkerReply, { kind: 'backup' }>).file;
}

export async function checkInWorker(file: File, onProgress: Progress): Promise<BackupContents> {
  const reply = await run({ kind: 'check', file }, onProgress);
  return (reply as Extract<WorkerReply, { kind: 'checked' }>).contents;
}

export async function restoreInWorker(file: File, contents: BackupContents, onProgress: Progress): Promise<void> {
  await run({ kind: 'restore', file, contents }, onProgress);
}
