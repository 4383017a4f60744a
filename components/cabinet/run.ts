// One seller cabinet's content script: which page is open decides what Lupa adds — each cabinet
// control (components/cabinet/controls.ts) says on which pages it works. The cabinet is an SPA:
// one observer notices new rows and client-side navigation alike, and each element is handled
// once. Never throws into the page; a selector that finds nothing adds nothing.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadCatalogue } from '../../utils/content/catalogue';
import type { CabinetPage, CabinetSpec } from '../../utils/marketplaces/cabinet';

export interface CabinetControl {
  name: string;
  pages: ReadonlyArray<CabinetPage['type']>;
  /** Adds the control to what is new on the page; `done` holds the elements already handled. */
  scan: (ctx: ContentScriptContext, spec: CabinetSpec, page: CabinetPage, done: WeakSet<Element>) => Promise<void>;
}

/** The value a field shows: an input's value, or an element's text. */
export const shownValue = (el: Element | null) => (el ? (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')) : '');

export function runCabinet(ctx: ContentScriptContext, spec: CabinetSpec, controls: readonly CabinetControl[]): void {
  const done = new Map(controls.map((c) => [c.name, new WeakSet<Element>()]));

  // The page's text from the background, asked at once (utils/content/catalogue.ts).
  const text = loadCatalogue();
  const scan = async () => {
    await text;
    const page = spec.detect(location.href);
    for (const control of controls) {
      if (!control.pages.includes(page.type)) continue;
      await control
        .scan(ctx, spec, page, done.get(control.name) as WeakSet<Element>)
        .catch((e: unknown) => console.warn(`[lupa] cabinet ${control.name}:`, e instanceof Error ? e.message : e));
    }
  };

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => void scan(), 100);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(() => observer.disconnect());
  schedule();
}
