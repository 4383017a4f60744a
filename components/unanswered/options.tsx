// The WB seller API token in the options page: saved only in the extension's secrets database
// (utils/secrets.ts), checked by the background, never read back into the page — only whether it works.
import { useState } from 'react';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging';
import { isPlausibleToken, setWbToken } from '../../utils/secrets';
import type { OptionsPart, OptionsPartProps } from '../parts';

function TokenSection({ say, fail }: OptionsPartProps) {
  const [token, setToken] = useState('');
  const [tokenState, setTokenState] = useState('');
  return (
    <>
      <h2>{t('optToken')}</h2>
      <p className="lupa-muted">{t('optTokenHint')}</p>
      <form
        className="lupa-row"
        onSubmit={(e) => {
          e.preventDefault();
          const value = token.trim();
          if (value && !isPlausibleToken(value)) return fail(t('optTokenShape'));
          void setWbToken(value || null)
            .then(() => ask('checkWbToken', {}))
            .then((result) => {
              setToken('');
              setTokenState(result.ok ? 'ok' : result.reason);
              if (result.ok) say(t('optTokenOk', result.unanswered.reviews, result.unanswered.questions));
              else if (result.reason === 'no-token') say(t('optTokenRemoved'));
              else fail(t(`optToken_${result.reason.replace(/-/g, '_')}` as 'optToken_bad_token'));
            })
            .catch(() => fail(t('state_lupa_unavailable')));
        }}
      >
        <input
          type="password"
          autoComplete="off"
          data-lupa="token-input"
          value={token}
          placeholder={t('optTokenPlaceholder')}
          onChange={(e) => setToken(e.target.value)}
        />
        <button type="submit" data-lupa="token-check" data-value={tokenState}>
          {t('optTokenCheck')}
        </button>
      </form>
    </>
  );
}

export const unansweredOptions: OptionsPart = { name: 'unanswered', Section: TokenSection };
