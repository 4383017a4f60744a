// Who may send which message (security.md S5). No zod here: content scripts import this too.
import type { Runtime } from 'webextension-polyfill';

export type SenderCheck = (sender: Runtime.MessageSender) => boolean;

/** Messages from our own content scripts on a marketplace storefront tab. */
export const fromStorefrontTab =
  (isStorefront: (url: string) => boolean): SenderCheck =>
  (sender) =>
    sender.tab?.id !== undefined && typeof sender.tab.url === 'string' && isStorefront(sender.tab.url);

/** Messages from the background (no tab) to a content script. */
export const fromBackground: SenderCheck = (sender) => sender.tab === undefined;
