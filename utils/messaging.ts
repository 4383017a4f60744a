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

export function answer<K extends MessageName>(
  name: K,
  allow: SenderCheck,
  handle: (request: z.output<Protocol[K]['request']>, sender: Runtime.MessageSender) => Promise<ReplyOf<K>>,
): () => void {
  return messenger.onMessage(name, async ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || !allow(sender)) throw new Error(`[lupa] ${String(name)}: sender not allowed`);
    const request = protocol[name].request.parse(data);
    const reply = await handle(request as never, sender);
    return protocol[name].reply.parse(reply) as never;
  });
}
