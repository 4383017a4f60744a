// Messaging as the content scripts see it: the same typed protocol, without zod. Every message is
// still checked against its schema, once each way, at the privileged end (utils/messaging.ts): the
// background parses each request it receives and each reply it sends, and each request it sends to
// a tab and the reply that comes back. Parsing the same objects again here only added zod (~90 KB)
// to every marketplace page. What a content script must check itself stays: who is asking
// (fromBackground) and what it is asked to do (page-fetch.ts's allow-list).
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { MessageName, ReplyOf, RequestOf } from '../messages';
import type { SenderCheck } from '../senders';

export { fromBackground } from '../senders';

type ProtocolMap = { [K in MessageName]: (data: RequestOf<K>) => ReplyOf<K> };

const messenger = defineExtensionMessaging<ProtocolMap>();

/** Ask the background; it validates the request and its own reply. */
export function ask<K extends MessageName>(name: K, data: RequestOf<K>): Promise<ReplyOf<K>> {
  return messenger.sendMessage(name, data as never) as Promise<ReplyOf<K>>;
}

/** Answer the background's requests (it validated what it sent and validates the reply). */
export function answer<K extends MessageName>(
  name: K,
  allow: SenderCheck,
  handle: (request: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ReplyOf<K>>,
): () => void {
  return messenger.onMessage(name, async ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || !allow(sender)) throw new Error(`[lupa] ${String(name)}: sender not allowed`);
    return (await handle(data as RequestOf<K>, sender)) as never;
  });
}
