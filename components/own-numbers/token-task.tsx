// The popup's task for the WB token: 14 days before it expires (and once it has), renew it.
// Loaded apart from the popup's first screen (popup.tsx).
import { useEffect, useState } from 'react';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging';
import type { SellerTokenInfo } from '../../utils/own-numbers/protocol';
import type { PopupPartProps } from '../parts';
import { DAY_MS, EXPIRY_WARNING_DAYS, formatDay } from './expiry';

const API_ACCESS = 'https://seller.wildberries.ru/api-integrations';

export function TokenTasks({ failed }: PopupPartProps) {
  const [info, setInfo] = useState<SellerTokenInfo | null>(null);
  useEffect(() => {
    let live = true;
    ask('getSellerToken', {}).then((i) => live && setInfo(i), failed);
    return () => {
      live = false;
    };
  }, [failed]);
  if (!info) return <li hidden />;
  if (info.state !== 'read' || info.expires === null) return null;
  const now = Date.now();
  if (info.expires - now > EXPIRY_WARNING_DAYS * DAY_MS) return null;
  return (
    <li data-lupa="task" data-kind="token-expiring" data-value={info.expires}>
      <a href={API_ACCESS} target="_blank" rel="noreferrer">
        {t(info.expires <= now ? 'ownTaskTokenExpired' : 'ownTaskTokenExpiring', formatDay(info.expires))}
      </a>
    </li>
  );
}
