// "Слова конкурентов": for a query the seller types, the words and phrases the top organic cards
// use that this card lacks (with how many of them use each), and the words only this card uses.
// Words come from the marketplace and are shown as text. Reading ten cards takes a moment: the
// section says so meanwhile, what was typed stays, and a newer query's answer wins over an older one.
import { useRef, useState } from 'react';
import { stateMessage, t } from '../../utils/content/i18n';
import type { SeoGapsReply } from '../../utils/seo-gaps/protocol';
import { preventSubmit, userOnly } from '../by-user';
import { Figure } from '../Figure';

/** The query a buyer would most likely type for this title: its first two words. */
export function titleQuery(title: string): string {
  const words = title.toLowerCase().match(/[\p{L}][\p{L}-]*/gu) ?? [];
  return words
    .filter((w) => w.length > 1)
    .slice(0, 2)
    .join(' ');
}

export function SeoSection({ title = '', compare }: { title?: string; compare: (query: string) => Promise<SeoGapsReply> }) {
  const [draft, setDraft] = useState(() => titleQuery(title));
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<SeoGapsReply | null>(null);
  const [failed, setFailed] = useState(false);
  /** Only the newest comparison is shown, whatever order the answers come in. */
  const asked = useRef(0);

  const run = async () => {
    const query = draft.trim();
    if (!query) return;
    const mine = ++asked.current;
    setBusy(true);
    try {
      const next = await compare(query);
      if (mine !== asked.current) return;
      setReply(next);
      setFailed(false);
    } catch {
      if (mine === asked.current) setFailed(true);
    } finally {
      if (mine === asked.current) setBusy(false);
    }
  };

  const words = reply?.missing.filter((m) => !m.phrase) ?? [];
  const phrases = reply?.missing.filter((m) => m.phrase) ?? [];
  const missingItem = (m: SeoGapsReply['missing'][number]) => (
    <Figure
      as="li"
      key={m.key}
      name="seo-missing"
      value={m.word}
      data-count={m.count}
      data-phrase={String(m.phrase)}
      title={t('seoOf', m.count, reply?.rivals ?? 0)}
    >
      {m.word} <span className="lupa-muted">{`${m.count}/${reply?.rivals ?? 0}`}</span>
    </Figure>
  );

  return (
    <div className="lupa-seo" data-lupa="seo-gaps">
      <form className="lupa-form" onSubmit={preventSubmit}>
        <input
          data-lupa="seo-query-input"
          value={draft}
          maxLength={120}
          placeholder={t('seoPlaceholder')}
          onChange={userOnly((e) => setDraft(e.target.value))}
        />
        <button type="submit" data-lupa="seo-compare" onClick={userOnly(() => void run())}>
          {t('seoCompare')}
        </button>
      </form>
      {busy && <p className="lupa-muted">{t('seoBusy')}</p>}
      {failed && <p className="lupa-note">{t('sectionUnavailable')}</p>}
      {reply?.problem && <p className="lupa-note">{stateMessage(reply.problem, 'wb')}</p>}
      {reply && !reply.problem && (
        <>
          <p>
            <Figure
              name="seo-rivals"
              value={reply.rivals}
              data-query={reply.query}
              data-skipped={reply.skipped}
              data-min={reply.minCount}
              className="lupa-muted"
            >
              {reply.rivals === 0 ? t('seoNoRivals') : t('seoRivals', reply.rivals, reply.query)}
              {reply.skipped > 0 && `; ${t('seoSkipped', reply.skipped)}`}
            </Figure>
          </p>
          {reply.rivals > 0 &&
            (reply.missing.length === 0 ? (
              <p className="lupa-good">{t('seoMissingNone', reply.minCount)}</p>
            ) : (
              <>
                <p>{t('seoMissing')}</p>
                <ul className="lupa-seo-list">{words.map(missingItem)}</ul>
                {phrases.length > 0 && <ul className="lupa-seo-list">{phrases.map(missingItem)}</ul>}
              </>
            ))}
          {reply.unique.length > 0 && (
            <p>
              {t('seoUnique')}{' '}
              {reply.unique.map((u, i) => (
                <span key={u.key}>
                  {i > 0 && ', '}
                  <Figure name="seo-unique" value={u.word}>
                    {u.word}
                  </Figure>
                </span>
              ))}
            </p>
          )}
        </>
      )}
    </div>
  );
}
