// When the WB token's expiry becomes a task: 14 days before it (tokens live 180 days).
import { t, uiLanguage } from '../../utils/i18n';
import { dayIn } from './problem';

export const DAY_MS = 86_400_000;
/** A task and a warning this many days before the token expires. */
export const EXPIRY_WARNING_DAYS = 14;

export const formatDay = (ms: number) => dayIn({ t, uiLanguage }, ms);
