// A timeout tied to the content script's context, without ctx.setTimeout's leak. WXT's version
// adds an 'abort' listener to the context's signal on every call and never removes it; the
// listener's closure shares its scope with the callback, so every callback ever scheduled — and
// every badge, panel and observer it reaches — stays alive for as long as the tab does (a manager
// walks through hundreds of cards in one tab). This one drops its listener when it fires or is cancelled.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Runs `run` after `ms` unless the context ends first; returns the cancel. */
export function later(ctx: ContentScriptContext, ms: number, run: () => void): () => void {
  let forget = (): void => undefined;
  const id = setTimeout(() => {
    forget();
    if (ctx.isValid) run();
  }, ms);
  forget = ctx.onInvalidated(() => clearTimeout(id));
  return () => {
    clearTimeout(id);
    forget();
  };
}
