// DOM helpers shared by every storefront's content script.

/** The first element any of the selectors finds; a selector the engine rejects is skipped. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // A selector the engine rejects must not take the overlay down; try the next.
    }
  }
  return null;
}

/**
 * Every element the first working selector finds (fallback semantics: the first selector that finds
 * anything wins; one the engine rejects is skipped).
 */
export function queryAllFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    try {
      const found = root.querySelectorAll(selector);
      if (found.length > 0) return [...found];
    } catch {
      // try the next form
    }
  }
  return [];
}

/** An element with an open shadow root holding the given stylesheet: Lupa's UI, apart from the page's. */
export function shadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
  return { host, root };
}
