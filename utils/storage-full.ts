// The name of the error a write of the user's data ends with when the browser's storage stays full
// after Lupa freed what it could (utils/quota.ts). Errors cross the messaging by name and message,
// so the pages and content scripts tell it from other failures by this name. No imports: the light
// content-script cores read it too.
export const STORAGE_FULL = 'LupaStorageFull';

/** Whether a failed write failed because storage is full (the user is told so, and their input kept). */
export const isStorageFull = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === STORAGE_FULL;
