// The content script as a transport: when the background asks, fetch a same-origin URL with the
// user's cookies and hand back the raw body. It validates nothing and stores nothing — the
// background does — and it fetches only its own origin's allow-listed paths, so a forged message
// cannot turn it into a proxy.
import { answer, fromBackground } from './messaging';

/** Only this page's own origin, only the allow-listed paths (no `..` tricks: URL() has resolved them). */
export function pageFetchAllowed(url: string, origin: string, allowedPrefixes: readonly string[]): boolean {
  try {
    const target = new URL(url);
    return target.origin === origin && allowedPrefixes.some((prefix) => target.pathname.startsWith(prefix));
  } catch {
    return false;
  }
}

export function servePageFetch(allowedPrefixes: readonly string[]): () => void {
  return answer('pageFetch', fromBackground, async ({ url, headers }) => {
    const target = new URL(url);
    if (!pageFetchAllowed(url, location.origin, allowedPrefixes)) {
      throw new Error(`[lupa] page fetch refused for ${target.origin}${target.pathname}`);
    }
    // One known header only (WB search's query id), whatever else a message might carry.
    const queryId = headers?.['x-queryid'];
    const sent: Record<string, string> = { accept: 'application/json' };
    if (typeof queryId === 'string' && /^qid\d{1,64}$/.test(queryId)) sent['x-queryid'] = queryId;
    const response = await fetch(target, { credentials: 'include', headers: sent });
    return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
  });
}

/** The page's own JSON-LD, as text, for the background to validate (a fallback when JSON routes change). */
export function servePageEmbedded(): () => void {
  return answer('pageEmbedded', fromBackground, async () => ({
    ldJson: [...document.querySelectorAll('script[type="application/ld+json"]')]
      .slice(0, 20)
      .map((s) => (s.textContent ?? '').slice(0, 500_000)),
  }));
}
