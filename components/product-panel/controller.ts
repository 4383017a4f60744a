// The panel's behaviour: show what the store has at once, refresh when it is old, update in place.
// Plain DOM (view.ts); the features' sections are handed a slot of their own once the product is
// known, and are told when the product's figures they take change.
import type { ProductOverview, ProductOverviewRequest } from '../../utils/messages';
import type { Marketplace } from '../../utils/model';
import type { PanelSectionProps } from '../parts';
import { type DrawnPriceChart, priceChart } from './price-chart';
import { drawPanel, drawRefreshing, type PanelStatus } from './view';

export type LoadOverview = (mode: ProductOverviewRequest['mode']) => Promise<ProductOverview>;

/** The features' sections, drawn into their slot (chunk.ts); none in component tests. */
export interface SectionsView {
  show(props: PanelSectionProps): void;
  unmount(): void;
}

export interface PanelOptions {
  marketplace: Marketplace;
  /** Loads this panel's product; a new article is a new panel. */
  load: LoadOverview;
  /** The first answer when the page already has it (the storefront's core asked): shown at once, not asked again. */
  initial?: { overview: ProductOverview | null; status: PanelStatus };
  floating: boolean;
  /** The wallet price the page itself shows (kopecks; WB), read off its markup; null when none. */
  walletPrice?: number | null;
  sections?: (slot: HTMLElement) => SectionsView;
}

export interface Panel {
  setFloating(floating: boolean): void;
  setWalletPrice(kopecks: number | null): void;
  unmount(): void;
}

const samePoints = (a: ReadonlyArray<{ at: number; price: number }>, b: ReadonlyArray<{ at: number; price: number }>) =>
  a.length === b.length && a.every((p, i) => p.at === b[i]?.at && p.price === b[i]?.price);

/** Draws the panel into `container` (replacing what is there: the core's first figures) and runs it. */
export function startPanel(container: HTMLElement, options: PanelOptions): Panel {
  const { marketplace, load, initial } = options;
  let overview: ProductOverview | null = initial?.overview ?? null;
  let status: PanelStatus = initial?.status ?? 'loading';
  let refreshing = false;
  let floating = options.floating;
  let walletPrice = options.walletPrice ?? null;
  let alive = true;

  const section = document.createElement('section');
  container.replaceChildren(section);
  const slot = document.createElement('div');
  slot.className = 'lupa-sections';
  let sections: SectionsView | null = null;
  let shown: PanelSectionProps | null = null;

  // One chart while its points stay the same (a pointed-at chart stays detailed across a refresh).
  let chart: { points: ReadonlyArray<{ at: number; price: number }>; drawn: DrawnPriceChart } | null = null;
  const chartFor = (points: ReadonlyArray<{ at: number; price: number }>, label: string) => {
    if (chart && samePoints(chart.points, points)) return chart.drawn;
    chart?.drawn.dispose();
    chart = { points, drawn: priceChart({ points, label }) };
    return chart.drawn;
  };

  const draw = () => {
    if (!alive) return;
    const root = section.getRootNode() as Document | ShadowRoot;
    const refreshFocused = root.activeElement?.getAttribute?.('data-lupa') === 'refresh';
    drawPanel(section, {
      marketplace,
      status,
      overview,
      refreshing,
      floating,
      walletPrice,
      now: Date.now(),
      onRefresh: () => void refresh('user'),
      chart: chartFor,
      slot,
    });
    if (refreshFocused) section.querySelector<HTMLElement>('[data-lupa="refresh"]')?.focus();
    const product = overview?.product;
    if (!product || !options.sections) return;
    const next: PanelSectionProps = { marketplace, id: product.id, priceNow: product.priceNow, name: product.name };
    if (shown && shown.id === next.id && shown.priceNow === next.priceNow && shown.name === next.name) return;
    shown = next;
    sections ??= options.sections(slot);
    sections.show(next);
  };

  /** Loads and draws the answer; `ending` ends a refresh in the same draw. */
  const run = async (mode: ProductOverviewRequest['mode'], ending = false) => {
    try {
      const next = await load(mode);
      if (!alive) return null;
      if (ending) refreshing = false;
      // A failed refresh keeps the data already shown; the state says what happened.
      overview = next.product || !overview ? next : { ...overview, state: next.state, detail: next.detail };
      status = next.state;
      draw();
      return next;
    } catch (error) {
      if (!alive) return null;
      if (ending) refreshing = false;
      console.warn('[lupa] product overview failed:', error instanceof Error ? error.message : error);
      status = 'lupa-unavailable';
      draw();
      return null;
    }
  };

  const refresh = async (mode: 'refresh' | 'user' = 'refresh') => {
    refreshing = true;
    if (!drawRefreshing(section, { marketplace, status, refreshing })) draw();
    await run(mode, true);
  };

  draw();
  if (initial) {
    if (initial.status === 'stale') void refresh();
  } else {
    void run('cached').then((first) => {
      if (first?.state === 'stale') void refresh();
    });
  }

  return {
    setFloating(next) {
      if (next === floating) return;
      floating = next;
      draw();
    },
    setWalletPrice(kopecks) {
      if (kopecks === walletPrice) return;
      walletPrice = kopecks;
      draw();
    },
    unmount() {
      alive = false;
      chart?.drawn.dispose();
      sections?.unmount();
      sections = null;
    },
  };
}
