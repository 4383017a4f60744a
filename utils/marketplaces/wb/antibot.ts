// WB's anti-bot gate as Lupa meets it (reference §4): the site's `__internal` routes answer 498
// when the page's `x_wbaas_token` cookie is missing or expired (utils/net.ts: 'token-expired'), and
// a challenge page may come in place of JSON with status 200. Both are walls, not changed formats.

/** How long a WB host that put up its wall is left alone (the user's "Обновить" lifts it at once). */
export const WB_BLOCK_BACKOFF_MS = 10 * 60 * 1000;

/**
 * Whether a body is WB's challenge page rather than data: HTML naming its anti-bot service or a
 * check. An HTML page without these (a maintenance notice, an error page) is not a challenge.
 */
export function isWbChallenge(body: string): boolean {
  const head = body.slice(0, 20_000);
  if (!/^\s*</.test(head)) return false;
  return /__wbaas|x_wbaas|antibot|anti-bot|captcha|challenge|не робот|почти готово|проверяем браузер/i.test(head);
}
