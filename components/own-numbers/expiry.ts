// When the WB token's expiry becomes a task: 14 days before it (tokens live 180 days).
export { formatDay } from '../seller-problem';

export const DAY_MS = 86_400_000;
/** A task and a warning this many days before the token expires. */
export const EXPIRY_WARNING_DAYS = 14;
