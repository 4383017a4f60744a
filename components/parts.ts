// What a feature may add to Lupa's pages: a section of the product panel, parts of the popup and of
// the options page. Each feature exports its parts from components/<feature>/ and is listed once in
// the page's registry (components/product-panel/sections.ts, entrypoints/popup/parts.ts,
// entrypoints/options/parts.ts); the pages render whatever the registry holds, in its order.
import type { ComponentType } from 'react';
import type { LupaDb } from '../utils/db';
import type { MessageKey } from '../utils/i18n';
import type { Marketplace, ProductRef } from '../utils/model';

/** A section of the storefront product panel, shown once the product is known. */
export interface PanelSectionProps {
  marketplace: Marketplace;
  id: string;
  priceNow: number | null;
  /** The product's title as the marketplace gives it (text, never markup). */
  name: string;
}
/** A drawn section: told when the product's figures it takes change, and when the panel goes. */
export interface DrawnSection {
  update?(props: PanelSectionProps): void;
  unmount?(): void;
}
/**
 * A section of the product panel. It draws itself in plain DOM (utils/content/dom.ts) into an
 * element of its own under the panel's figures: the panel is a marketplace page's code, and a
 * framework there cost the page ~25 ms of script on every product page (issue 11).
 */
export interface PanelSection {
  name: string;
  draw(into: HTMLElement, props: PanelSectionProps): DrawnSection | undefined;
}

/** A popup part is remounted (a new `key`) when the popup reloads, so it loads afresh. */
export interface PopupPartProps {
  /** Which load of the popup this is: parts that share one answer load it once per generation. */
  generation: number;
  /** Asks every part to load again (after the user acted). */
  reload: () => void;
  /** The background did not answer: the popup says Lupa is unavailable. */
  failed: () => void;
}
export interface PopupPart {
  name: string;
  /** Items of the popup's "today" list: <li> elements; a hidden <li> while loading. */
  Tasks?: ComponentType<PopupPartProps>;
  /** A section of its own below the list. */
  Section?: ComponentType<PopupPartProps>;
  /** A control under a product's summary (the current tab's or a lookup's). */
  ProductControl?: ComponentType<{ product: ProductRef }>;
  /** Asks for the part's first load as the popup starts, before React first renders (generation 0). */
  preload?: () => void;
}

/** A CSV the options page's data section offers (the backup feature draws the buttons). */
export interface OptionsExport {
  label: MessageKey;
  /** The file name's stem: `lupa-watchlist` → `lupa-watchlist-2026-11-30.csv`. */
  file: string;
  make: (db: LupaDb) => Promise<string>;
}
export interface OptionsPartProps {
  db: LupaDb;
  say: (text: string) => void;
  fail: (text: string) => void;
  /** Every part's exports, for the part that draws them. */
  exports: readonly OptionsExport[];
}
export interface OptionsPart {
  name: string;
  Section?: ComponentType<OptionsPartProps>;
  /** Asks for the part's first load as the options page starts, before React first renders. */
  preload?: () => void;
  exports?: readonly OptionsExport[];
}
