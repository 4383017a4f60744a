// Typed messaging (@webext-core/messaging) with the zod protocol, for the background and the
// extension pages: a sender validates what it sends and what comes back; a receiver checks who sent
// it and validates the request and its own reply. Content scripts use content/messaging.ts (no zod):
// the background's checks cover their messages in both directions.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { type MessageName, type Protocol, protocol, type ReplyOf, type RequestOf } from './messages';
import type { SenderCheck } from './senders';

export { fromBackground, fromStorefrontTab, type SenderCheck } from './senders';

type ProtocolMap = { [K in MessageName]: (data: RequestOf<K>) => ReplyOf<K> };

const messenger = defineExtensionMessaging<ProtocolMap>();

export async function ask<K extends MessageName>(name: K, data: RequestOf<K>, tabId?: number): Promise<ReplyOf<K>> {
  const request = protocol[name].request.parse(data) as RequestOf<K>;
  const reply = await (tabId === undefined
    ? messenger.sendMessage(name, request as never)
    : messenger.sendMessage(name, request as never, tabId));
  return protocol[name].reply.parse(reply) as ReplyOf<K>;
}

type Checked = (data: unknown, sender: Runtime.MessageSender) => Promise<unknown>;
/** Every answer of this context by name, sender check and schemas included: a batch runs them as they are. */
const answers = new Map<string, Checked>();

export function answer<K extends MessageName>(
  name: K,
  allow: SenderCheck,
  handle: (request: z.output<Protocol[K]['request']>, sender: Runtime.MessageSender) => Promise<ReplyOf<K>>,
): () => void {
  const run: Checked = async (data, sender) => {
    if (sender.id !== browser.runtime.id || !allow(sender)) throw new Error(`[lupa] ${String(name)}: sender not allowed`);
    const request = protocol[name].request.parse(data);
    const reply = await handle(request as never, sender);
    return protocol[name].reply.parse(reply);
  };
  answers.set(name, run);
  const stop = messenger.onMessage(name, ({ data, sender }) => run(data, sender) as never);
  return () => {
    if (answers.get(name) === run) answers.delete(name);
    stop();
  };
}

/**
 * A content script's asks of one task, sent as one message (`askMany`): each runs through its own
 * answer — the same sender check and schemas as alone — and fails alone.
 */
export function answerBatches(allow: SenderCheck): () => void {
  return answer('askMany', allow, async ({ asks }, sender) => ({ replies: await runBatch(asks, sender) }));
}

/** Each ask of a batch through the answer registered for its name, one failing alone. */
export function runBatch(asks: ReadonlyArray<{ type: string; data: unknown }>, sender: Runtime.MessageSender) {
  return Promise.all(
    asks.map(async ({ type, data }) => {
      try {
        const run = type === 'askMany' ? undefined : answers.get(type);
        if (!run) throw new Error(`[lupa] ${type}: no such message`);
        return { ok: true as const, res: await run(data, sender) };
      } catch (error) {
        return {
          ok: false as const,
          err: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
        };
      }
    }),
  );
}
