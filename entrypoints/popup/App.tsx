// The toolbar popup: the current tab's product at a glance, a quick lookup by article or link, the
// storage note, and the features' parts (entrypoints/popup/parts.ts): today's tasks, the watchlist,
// positions. The popup itself knows none of them.
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DomPart } from '../../components/dom-part';
import { Figure } from '../../components/Figure';
import { ratingFigures } from '../../components/rating-figures';
import { t } from '../../utils/i18n';
import { productRefCandidates } from '../../utils/marketplaces/refs';
import type { ProductOverview, ReplyOf } from '../../utils/messages';
import { ask } from '../../utils/messaging';
import type { ProductRef } from '../../utils/model';
import { formatNumber, formatRub } from '../../utils/money';
import { POPUP_PARTS } from './parts';

/**
 * The product a link names, or a bare article's product on the first marketplace that knows it
 * (Wildberries first): the first answer with a product, else the first answer.
 */
async function summaryOf(refs: readonly ProductRef[]): Promise<ProductOverview | null> {
  let first: ProductOverview | null = null;
  for (const ref of refs) {
    const answer = await ask('getProductOverview', { ...ref, mode: 'cached' });
    if (answer.product) return answer;
    first ??= answer;
    if (answer.state !== 'not-found') break; // unknown for another reason (offline, blocked): say that
  }
  return first;
}

function Summary({ overview, label }: { overview: ProductOverview; label: string }) {
  const p = overview.product;
  if (!p) return <p className="lupa-note">{t('popupNotFound')}</p>;
  return (
    <section className="lupa-summary" data-lupa="summary" data-marketplace={p.marketplace} data-nm={p.id}>
      <div className="lupa-muted">{label}</div>
      <h2>{p.name}</h2>
      <p>
        <Figure name="price-now" value={p.priceNow} className="lupa-price">
          {p.priceNow === null ? t('outOfStock') : formatRub(p.priceNow)}
        </Figure>
        {' · '}
        <DomPart
          as="span"
          draw={(into) => void into.append(...ratingFigures(p.rating, p.reviewCount, 'rating', 'reviews'))}
          deps={[p.rating, p.reviewCount]}
        />
        {p.stockKnown && (
          <>
            {' · '}
            <Figure name="stock-total" value={p.stockTotal}>
              {formatNumber(p.stockTotal)} шт.
            </Figure>
          </>
        )}
      </p>
      {POPUP_PARTS.map(({ name, ProductControl }) =>
        ProductControl ? (
          <ProductControl key={`${name}:${p.marketplace}:${p.id}`} product={{ marketplace: p.marketplace, id: p.id }} />
        ) : null,
      )}
    </section>
  );
}

export function App() {
  const [tab, setTab] = useState<ProductOverview | null>(null);
  const [found, setFound] = useState<ProductOverview | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [query, setQuery] = useState('');
  const [storageFreed, setStorageFreed] = useState<ReplyOf<'getStorageNote'>>(null);
  const [failed, setFailed] = useState(false);
  /** Each reload remounts the parts (a new key), so each loads afresh. */
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const fail = useCallback(() => setFailed(true), []);

  const load = useCallback(async () => {
    try {
      setStorageFreed(await ask('getStorageNote', {}));
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
    // The page the popup was opened over (`?tabId=` opens it for a given tab, as tests do).
    const forced = Number(new URLSearchParams(location.search).get('tabId'));
    const current = forced ? browser.tabs.get(forced) : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
    void current
      .then(async (t) => {
        const refs = t?.url ? productRefCandidates(t.url) : [];
        if (refs.length > 0) setTab(await summaryOf(refs));
      })
      .catch(() => {});
  }, [load]);

  const lookup = async () => {
    const refs = productRefCandidates(query);
    setNotFound(refs.length === 0);
    setFound(refs.length > 0 ? await summaryOf(refs) : null);
  };

  return (
    <main className="lupa-popup">
      <header>
        <strong className="lupa-logo">Lupa</strong>
        <form
          className="lupa-lookup"
          onSubmit={(e) => {
            e.preventDefault();
            void lookup();
          }}
        >
          <input data-lupa="lookup-input" value={query} placeholder={t('popupLookup')} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit">{t('popupFind')}</button>
        </form>
        <button type="button" className="lupa-link" title={t('popupOptions')} onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      {failed && <p className="lupa-note">{t('state_lupa_unavailable')}</p>}
      {notFound && <p className="lupa-note">{t('popupNotFound')}</p>}
      {found && <Summary overview={found} label={t('popupFind')} />}
      {tab && <Summary overview={tab} label={t('popupThisTab')} />}

      {storageFreed && Date.now() - storageFreed.at < 7 * 86_400_000 && (
        <p className="lupa-note" data-lupa="storage-freed" data-value={storageFreed.removed}>
          {t('storageFreed')}
        </p>
      )}
      <h2>{t('popupToday')}</h2>
      <ul className="lupa-tasks">
        {POPUP_PARTS.map(({ name, Tasks }) =>
          Tasks ? <Tasks key={`${name}:${generation}`} generation={generation} reload={reload} failed={fail} /> : null,
        )}
      </ul>
      {/* Shown by the stylesheet when the list above is empty (every part loaded, none has a task). */}
      <p className="lupa-muted lupa-no-tasks">{t('popupNoTasks')}</p>
      {POPUP_PARTS.map(({ name, Section }) =>
        Section ? <Section key={`${name}:${generation}`} generation={generation} reload={reload} failed={fail} /> : null,
      )}
    </main>
  );
}
