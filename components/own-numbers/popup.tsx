// The popup's part: the WB token's expiry task (token-task.tsx), a chunk of its own loaded once the
// popup has started (components/lazy-part.tsx), so that the popup's first rows do not wait for it.
import { lazyPart } from '../lazy-part';
import type { PopupPart } from '../parts';

export const ownNumbersPopup: PopupPart = {
  name: 'own-numbers',
  Tasks: lazyPart(() => import('./token-task').then((m) => m.TokenTasks), <li hidden />),
};
