// Whether a URL is on a marketplace's own site: https, and the host exactly one of a list
// ("www.ozon.ru.evil.example" and "wildberries.ru@evil.example" are not).

/** The URL, parsed, when it is https on one of `hosts`; null otherwise (or when it is no URL). */
export function urlOnHost(url: string | URL, hosts: readonly string[]): URL | null {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return u.protocol === 'https:' && hosts.includes(u.hostname) ? u : null;
  } catch {
    return null;
  }
}

export const isOnHost = (url: string | URL, hosts: readonly string[]): boolean => urlOnHost(url, hosts) !== null;
