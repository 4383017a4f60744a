// Every Wildberries URL Lupa builds, in one place, with the route each one takes.
// Shapes and hosts: ../shared/reference/wildberries.md (seen in public code of 2025–2026).

/** Moscow's delivery region; the user can pick another in the options page. */
export const DEFAULT_DEST = -1257786;

/** Search answers this many products a page. */
export const SEARCH_PAGE_SIZE = 100;

/** The detail API answers at most this many articles per call. */
export const MAX_DETAIL_BATCH = 100;

export const STOREFRONT_ORIGIN = 'https://www.wildberries.ru';

/** The product's page on the storefront, for the user to open. */
export const wbProductUrl = (nmId: string | number) => `${STOREFRONT_ORIGIN}/catalog/${nmId}/detail.aspx`;

/**
 * 'page': fetched by the content script from the storefront's own origin with the user's cookies
 * (the site's anti-bot tokens ride along); 'background': fetched by the service worker.
 * Each endpoint names its primary route; the client falls back to the other form when it fails.
 */
export type Route = 'page' | 'background';

const detailQuery = (ids: readonly number[], dest: number) =>
  `appType=1&curr=rub&dest=${dest}&spp=30&ab_testing=false&lang=ru&nm=${ids.join(';')}`;

export const wbEndpoints = {
  /** Same-origin form the site itself uses since public hosts began demanding anti-bot tokens. */
  detailPage: (ids: readonly number[], dest: number) =>
    `${STOREFRONT_ORIGIN}/__internal/u-card/cards/v4/detail?hide_vflags=4294967296&${detailQuery(ids, dest)}`,
  detailPublic: (ids: readonly number[], dest: number) => `https://card.wb.ru/cards/v4/detail?${detailQuery(ids, dest)}`,
  /** WB's live map of basket hosts by vol range (upstreams.ts). */
  upstreams: 'https://cdn.wbbasket.ru/api/v3/upstreams',
  cardInfo: (basket: number, nmId: number) => `${basketBase(basket, nmId)}/info/ru/card.json`,
  priceHistory: (basket: number, nmId: number) => `${basketBase(basket, nmId)}/info/price-history.json`,
  /** WB's review host resolver (2026): answers the origin serving a card's reviews. */
  feedbackHost: (root: number) => `https://feedback-bt.wildberries.ru/feedback/api/v2/host?imt=${root}`,
  /** A card's reviews on a resolved host (an origin the resolver gave, checked by feedbacks.ts). */
  feedbacksAt: (origin: string, root: number) => `${origin}/feedbacks/v2/${root}`,
  /** A card's reviews live on one of two shards; the first answering empty is not final. v1 is the old route. */
  feedbacks: (shard: 1 | 2, root: number, version: 1 | 2 = 2) => `https://feedbacks${shard}.wb.ru/feedbacks/v${version}/${root}`,
  /** How many questions buyers asked on a card; `take` and `skip` are required even for a count. */
  questionCount: (root: number) => `https://questions.wildberries.ru/api/v1/questions?imtId=${root}&take=30&skip=0&onlyCount=true`,
  /** The public search host, in the query form each version was seen with (searchQuery). */
  search: (version: SearchVersion, query: string, page: number, dest: number, sort = 'popular') =>
    `https://search.wb.ru/exactmatch/ru/common/v${version}/search?${searchQuery(version, query, page, dest, sort)}`,
  /** The site's own proxy of the search host (U-4), fetched from the storefront tab. */
  searchPage: (version: SearchVersion, query: string, page: number, dest: number, sort = 'popular') =>
    `${STOREFRONT_ORIGIN}/__internal/u-search/exactmatch/ru/common/v${version}/search?${searchQuery(version, query, page, dest, sort)}`,
} as const;

/**
 * Search API versions, newest first: v18 (2026-04, [RR]), v13 (2025-06, [PX]'s build), v9 (a live
 * capture of 2026-08, [VH]), v5. Several answer at once; Lupa takes the newest that answers.
 */
export const SEARCH_VERSIONS = [18, 13, 9, 5] as const;
export type SearchVersion = (typeof SEARCH_VERSIONS)[number];

/**
 * A search's query string as each version was seen sent (reference §1.3, §2.1): v13 as the site's
 * desktop app sent it (appType=32, hide_dtype, spp=32, uclusters); v18 with the extras the current
 * site sends (hide_dtype, hide_vflags); v9 and v5 with the base parameters.
 */
function searchQuery(version: SearchVersion, query: string, page: number, dest: number, sort: string): string {
  const q = encodeURIComponent(query);
  const s = encodeURIComponent(sort);
  if (version === 13)
    return `ab_testing=false&appType=32&curr=rub&dest=${dest}&hide_dtype=10&lang=ru&page=${page}&query=${q}&resultset=catalog&sort=${s}&spp=32&suppressSpellcheck=false&uclusters=0`;
  if (version === 18)
    return `ab_testing=false&appType=1&curr=rub&dest=${dest}&hide_dtype=10&hide_vflags=4294967296&lang=ru&page=${page}&query=${q}&resultset=catalog&sort=${s}&spp=30&suppressSpellcheck=false`;
  return `ab_testing=false&appType=1&curr=rub&dest=${dest}&lang=ru&page=${page}&query=${q}&resultset=catalog&sort=${s}&spp=30&suppressSpellcheck=false`;
}

/**
 * WB search's `x-queryid` header ([RR], since 2024-02): "qid", a client id, the unix time and the
 * time as yyyyMMddHHmmss (the site puts its `_wbauid` cookie where Lupa puts a random id).
 */
export function searchQueryId(clientId: string, at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
  return `qid${clientId}${Math.floor(at / 1000)}${stamp}`;
}

export const wbRoutes = {
  detail: { primary: 'page', fallback: 'background' },
  basket: { primary: 'background', fallback: null },
  feedbacks: { primary: 'background', fallback: null },
  questions: { primary: 'background', fallback: null },
  search: { primary: 'page', fallback: 'background' },
} as const satisfies Record<string, { primary: Route; fallback: Route | null }>;

export const volOf = (nmId: number) => Math.floor(nmId / 100_000);
export const partOf = (nmId: number) => Math.floor(nmId / 1_000);

function basketBase(basket: number, nmId: number): string {
  const host = `basket-${String(basket).padStart(2, '0')}.wbbasket.ru`;
  return `https://${host}/vol${volOf(nmId)}/part${partOf(nmId)}/${nmId}`;
}

/** Paths the content script may fetch on the storefront's origin for the background. */
export const PAGE_ROUTE_PREFIXES = ['/__internal/u-card/cards/', '/__internal/u-search/exactmatch/'] as const;
