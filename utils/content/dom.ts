// DOM helpers shared by every storefront's content script.
import { type FigureName, type FigureValue, setFigure } from '../figures';

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

/** An attribute value: null, undefined and false leave the attribute out, true sets it empty. */
export type Attr = string | number | boolean | null | undefined;
/** An element's attributes; `data-lupa` takes a figure name from the list (utils/figures.ts), so a typo fails tsc. */
export type Attrs = Record<string, Attr> & { 'data-lupa'?: FigureName | null | undefined | false };
/** A child: text (always a text node, never markup) or a node; null, undefined and false are skipped. */
export type Child = Node | string | number | null | undefined | false;

function fill<E extends Element>(e: E, attrs: Attrs | null | undefined, children: ReadonlyArray<Child | readonly Child[]>): E {
  if (attrs)
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      e.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) e.append(typeof child === 'number' ? String(child) : child);
  return e;
}

/** An HTML element with its attributes and children: Lupa's plain-DOM UI is built with this, text as text. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: ReadonlyArray<Child | readonly Child[]>
): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attrs, children);
}

/** A figure as a span: data-lupa names it, data-value holds the raw value (kopecks for money). */
export function fig(name: FigureName, value: FigureValue, attrs?: Attrs | null, ...children: Child[]): HTMLElement {
  return setFigure(h('span', attrs, ...children), name, value);
}

/** The same for an SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: ReadonlyArray<Child | readonly Child[]>
): SVGElementTagNameMap[K] {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
}

/**
 * A mutation burst that only put Lupa's own hosts (`lupa-*` elements) into the page: nothing of the
 * page's changed, so an observer looking for the page's changes has nothing to look at. A removal
 * is never only Lupa's: the page may have taken a host of Lupa's away.
 */
export const onlyLupaAdded = (records: readonly MutationRecord[]): boolean =>
  records.every((r) => r.removedNodes.length === 0 && [...r.addedNodes].every((n) => n.nodeName.startsWith('LUPA-')));
