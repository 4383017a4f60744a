// The background's side of the chunks (table.ts): injects the one asked for into the asking tab's
// frame, in the content scripts' isolated world (scripting.executeScript's default), never the page's.
import { browser } from 'wxt/browser';
import { answer, type SenderCheck } from '../messaging';
import { CHUNKS } from './table';

export function answerChunkInjection(allow: SenderCheck): void {
  answer('injectChunk', allow, async ({ chunk }, sender) => {
    const tabId = sender.tab?.id as number;
    // The chunks are added by wxt.config.ts's build hook: WXT's list of public paths does not know them.
    const files = [`/${CHUNKS[chunk].file}`] as never;
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files });
    return { ok: true as const };
  });
}
