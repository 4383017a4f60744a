// The extension API as the browser itself gives it, for content scripts and the chunks they load:
// Firefox's `browser`, Chromium's `chrome` (promise-based in MV3). Content scripts use only
// `runtime` (messages, id) and `i18n`, which need no polyfill, so none is carried onto marketplace
// pages (wxt.config.ts also points WXT's own content-script runtime here).
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Browser;
