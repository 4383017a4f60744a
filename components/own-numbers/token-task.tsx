// The popup's task for the WB token: 14 days before it expires (and once it has), renew it.
// Loaded apart from the popup's first screen (popup.tsx).
import { t } from '../../utils/i18n';
import type { PopupPartProps } from '../parts';
import { useAnswer } from '../use-answer';
import { DAY_MS, EXPIRY_WARNING_DAYS, formatDay } from './expiry';

const API_ACCESS = 'https://seller.wildberries.ru/api-integrations';

export function TokenTasks({ failed }: PopupPartProps) {
  const info = useAnswer('getSellerToken', {}, failed);
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
