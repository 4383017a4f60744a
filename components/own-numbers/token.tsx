// What the saved WB token can do, read from the token itself (in the background, no request): its
// type, categories and expiry, what each category gives in Lupa and what is missing, and warnings
// (a Basic token's low limits, a sandbox token, expiry). The token field itself is the options
// page's one token field; this section follows whatever is saved there.
import { useEffect, useRef, useState } from 'react';
import { type MessageKey, t } from '../../utils/i18n';
import type { TokenCategory } from '../../utils/marketplaces/wb/seller-token';
import { ask } from '../../utils/messaging';
import type { SellerTokenInfo } from '../../utils/own-numbers/protocol';
import { onSecretsChanged } from '../../utils/secrets';
import { Figure } from '../Figure';
import type { OptionsPart, OptionsPartProps } from '../parts';
import { categoryName } from '../seller-problem';
import { CatalogueBlock, useOwnCatalogue } from './catalogue';
import { DAY_MS, EXPIRY_WARNING_DAYS, formatDay } from './expiry';

/** The categories Lupa uses, what each gives, and whether Lupa uses it yet. */
const USES: ReadonlyArray<{ category: TokenCategory; gives: MessageKey; soon?: boolean }> = [
  { category: 'Questions & Feedbacks', gives: 'ownGives_Questions_Feedbacks' },
  { category: 'Prices & Discounts', gives: 'ownGives_Prices_Discounts' },
  { category: 'Statistics', gives: 'ownGives_Statistics', soon: true },
  { category: 'Analytics', gives: 'ownGives_Analytics', soon: true },
];

type Warning = { kind: 'basic' | 'unknown' | 'test' | 'expired' | 'expiring'; text: string };

export function warningsOf(info: Extract<SellerTokenInfo, { state: 'read' }>, now: number): Warning[] {
  const out: Warning[] = [];
  if (info.expires !== null && info.expires <= now) out.push({ kind: 'expired', text: t('ownTokenWarn_expired') });
  else if (info.expires !== null && info.expires - now <= EXPIRY_WARNING_DAYS * DAY_MS)
    out.push({ kind: 'expiring', text: t('ownTokenWarn_expiring', Math.ceil((info.expires - now) / DAY_MS)) });
  if (info.type === 'basic' || info.type === 'unknown' || info.type === 'test')
    out.push({ kind: info.type, text: t(`ownTokenWarn_${info.type}`) });
  return out;
}

/** The saved token's claims, asked again whenever the token is saved or removed. */
export function useSellerToken(onSaved?: (info: SellerTokenInfo) => void): SellerTokenInfo | null {
  const [info, setInfo] = useState<SellerTokenInfo | null>(null);
  const saved = useRef(onSaved);
  saved.current = onSaved;
  useEffect(() => {
    let live = true;
    const load = (changed: boolean) =>
      void ask('getSellerToken', {}).then(
        (i) => {
          if (!live) return;
          setInfo(i);
          if (changed) saved.current?.(i);
        },
        () => live && setInfo(null),
      );
    load(false);
    const stop = onSecretsChanged(() => load(true));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return info;
}

export function TokenClaims({ info, now = Date.now() }: { info: SellerTokenInfo; now?: number }) {
  if (info.state === 'none') return <p className="lupa-muted">{t('ownTokenNone')}</p>;
  if (info.state === 'unreadable')
    return (
      <p className="lupa-note" data-lupa="token-warning" data-value="unreadable">
        {t('ownTokenUnreadable')}
      </p>
    );
  const granted = new Set(info.categories);
  return (
    <>
      <p className="lupa-muted">{t('ownTokenLocal')}</p>
      <dl className="lupa-claims">
        <dt>{t('ownTokenType')}</dt>
        <dd>
          <Figure name="token-type" value={info.type}>
            {t(`ownTokenType_${info.type}`)}
            {info.readOnly ? ` (${t('ownTokenReadOnly')})` : ''}
          </Figure>
        </dd>
        <dt>{t('ownTokenCategories')}</dt>
        <dd>
          <Figure name="token-categories" value={info.categories.join(',')}>
            {info.categories.length > 0 ? info.categories.map(categoryName).join(', ') : t('ownTokenNoCategories')}
          </Figure>
        </dd>
        <dd>
          <Figure name="token-expires" value={info.expires}>
            {info.expires === null ? t('ownTokenNoExpiry') : t('ownTokenExpires', formatDay(info.expires))}
          </Figure>
        </dd>
      </dl>
      {warningsOf(info, now).map((w) => (
        <p key={w.kind} className="lupa-note" data-lupa="token-warning" data-value={w.kind}>
          {w.text}
        </p>
      ))}
      <h3>{t('ownTokenGives')}</h3>
      <ul className="lupa-token-uses">
        {USES.map((u) => (
          <li
            key={u.category}
            data-lupa="token-category"
            data-value={granted.has(u.category) ? 'granted' : 'missing'}
            data-category={u.category}
          >
            <strong>
              {granted.has(u.category) ? '✓' : '✗'} «{categoryName(u.category)}»
            </strong>
            : {t(u.gives)}
            {u.soon ? ` (${t('ownTokenSoon')})` : ''}
            {granted.has(u.category) ? '' : ` — ${t('ownTokenMissing')}`}
          </li>
        ))}
      </ul>
    </>
  );
}

function TokenSection(_props: OptionsPartProps) {
  const catalogue = useOwnCatalogue();
  // A newly saved token that can read prices loads the own items at once ("Сохранить и проверить").
  const info = useSellerToken((saved) => {
    if (saved.state === 'read' && saved.categories.includes('Prices & Discounts')) void catalogue.start();
  });
  return (
    <section data-part="own-numbers">
      <h2>{t('ownToken')}</h2>
      {info && <TokenClaims info={info} />}
      {info && info.state !== 'none' && <CatalogueBlock {...catalogue} />}
    </section>
  );
}

export const ownNumbersOptions: OptionsPart = { name: 'own-numbers', Section: TokenSection };
