// Messaging as the content scripts see it: the same typed protocol and the same envelope as the
// privileged side's @webext-core/messaging (`{ id, type, data, timestamp }` out, `{ res }` or
// `{ err }` back), written on the browser's own runtime API so that neither that library nor the
// webextension-polyfill it needs rides on every marketplace page. No zod either: every message is
// checked against its schema, once each way, at the privileged end (utils/messaging.ts). What a
// content script must check itself stays: who is asking (fromBackground) and what it is asked to
// do (page-fetch.ts's allow-list).
import type { Runtime } from 'webextension-polyfill';
import { ASK_BATCH_MAX } from '../ask-batch';
import type { MessageName, ReplyOf, RequestOf } from '../messages';
import type { SenderCheck } from '../senders';
import { browser } from './browser';

export { fromBackground } from '../senders';

interface Envelope {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}
/** An error as @webext-core/messaging (de)serialises it. */
interface SentError {
  name: string;
  message: string;
  stack: string;
}
type Reply = { res: unknown; err?: undefined } | { err: SentError; res?: undefined };

let nextId = Math.floor(Math.random() * 10_000);

const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' &&
  message !== null &&
  typeof (message as Envelope).type === 'string' &&
  typeof (message as Envelope).timestamp === 'number';

function received(err: unknown): Error {
  const sent = (typeof err === 'object' && err !== null ? err : {}) as Partial<SentError>;
  const error = new Error(typeof sent.message === 'string' ? sent.message : String(err));
  if (typeof sent.name === 'string') error.name = sent.name;
  return error;
}

async function send(type: string, data: unknown): Promise<unknown> {
  const envelope: Envelope = { id: nextId++, type, data, timestamp: Date.now() };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
  if (!reply) throw new Error('No response');
  if (reply.err != null) throw received(reply.err);
  return reply.res;
}

interface Pending {
  type: string;
  data: unknown;
  resolve: (res: unknown) => void;
  reject: (error: unknown) => void;
}
let batch: Pending[] = [];

/**
 * Sends the asks made in this task: one alone as itself, more as one `askMany` (the panel's
 * sections ask for their state in the same task: one message out, one task back, one render).
 */
function flush(): void {
  const asks = batch;
  batch = [];
  for (let from = 0; from < asks.length; from += ASK_BATCH_MAX) {
    const part = asks.slice(from, from + ASK_BATCH_MAX);
    if (part.length === 1) {
      const [only] = part as [Pending];
      send(only.type, only.data).then(only.resolve, only.reject);
      continue;
    }
    send('askMany', { asks: part.map(({ type, data }) => ({ type, data })) }).then(
      (res) => {
        const replies = (res as { replies?: unknown } | null)?.replies;
        part.forEach((ask, i) => {
          const reply = Array.isArray(replies) ? (replies[i] as { ok?: boolean; res?: unknown; err?: unknown } | undefined) : undefined;
          if (reply?.ok === true) ask.resolve(reply.res);
          else ask.reject(reply?.ok === false ? received(reply.err) : new Error('No response'));
        });
      },
      (error: unknown) => {
        for (const ask of part) ask.reject(error);
      },
    );
  }
}

/** Ask the background; it validates the request and its own reply. Asks of one task travel together. */
export function ask<K extends MessageName>(name: K, data: RequestOf<K>): Promise<ReplyOf<K>> {
  return new Promise((resolve, reject) => {
    if (batch.length === 0) queueMicrotask(flush);
    batch.push({ type: name, data, resolve: resolve as (res: unknown) => void, reject });
  });
}

/** Answer the background's requests (it validated what it sent and validates the reply). */
export function answer<K extends MessageName>(
  name: K,
  allow: SenderCheck,
  handle: (request: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ReplyOf<K>>,
): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: Reply) => void): true | undefined => {
    if (!isEnvelope(message) || message.type !== name) return undefined;
    const run = async () => {
      if (sender.id !== browser.runtime.id || !allow(sender)) throw new Error(`[lupa] ${String(name)}: sender not allowed`);
      return handle(message.data as RequestOf<K>, sender);
    };
    run().then(
      (res) => sendResponse({ res }),
      (error: unknown) =>
        sendResponse({
          err: {
            name: error instanceof Error ? error.name : 'Error',
            message: error instanceof Error ? error.message : String(error),
            stack: '',
          },
        }),
    );
    return true; // the answer comes later, through sendResponse (Chromium and Firefox alike)
  };
  const onMessage = browser.runtime.onMessage as unknown as {
    addListener(l: typeof listener): void;
    removeListener(l: typeof listener): void;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
