// A storefront is a single-page app: a feature that follows the page (the panel, the badges, the
// summary) runs its sync now and on every client-side navigation. WXT's own watcher polls the URL;
// the Navigation API reports at once where the browser has it; history's back and forward too.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Calls `sync` now and after each navigation, for as long as the content script's context lives. */
export function followNavigation(ctx: ContentScriptContext, sync: () => void): void {
  sync();
  ctx.addEventListener(window, 'wxt:locationchange', sync);
  const nav = (window as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav as unknown as Window, 'navigatesuccess' as 'load', sync);
  ctx.addEventListener(window, 'popstate', sync);
}
