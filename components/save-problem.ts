// What a control says when the background could not save what the user did: storage full (the
// quota guard freed what it could, utils/quota.ts) or no answer. The control keeps what the user
// entered either way. Light: the cabinet's plain-DOM controls use it too.
import type { MessageKey } from '../utils/content/i18n';
import { isStorageFull } from '../utils/storage-full';

export const saveProblem = (error: unknown): MessageKey => (isStorageFull(error) ? 'storageFull' : 'notSaved');
