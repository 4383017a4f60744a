// A Transport that answers like the fixture marketplace, in-process, for unit tests of the client
// and services (the e2e tests use the real HTTPS server).
import type { RawResponse, Transport } from '../../utils/net';
import * as ozon from '../fixtures/ozon/catalog.mjs';
import { basketOfArticle, fillerCardJson } from '../fixtures/wb/card-text.mjs';
import * as wb from '../fixtures/wb/catalog.mjs';
import { detailResponseAll, regionShift, searchPage } from '../fixtures/wb/search.mjs';

export interface FakeMarket {
  transport: Transport;
  calls: string[];
  /** Moves the placed products up the search results (a later scan sees them elsewhere). */
  shift: { value: number };
  /** Make the next `times` requests whose URL matches answer this instead. */
  fail(match: RegExp, response: Partial<RawResponse> | 'network', times?: number): void;
}

export function fakeMarket(now: () => number = Date.now): FakeMarket {
  const calls: string[] = [];
  const shift = { value: 0 };
  const faults: Array<{ match: RegExp; response: Partial<RawResponse> | 'network'; times: number }> = [];
  const ok = (body: unknown): RawResponse =>
    body === null ? { status: 404, body: '{}', retryAfter: null } : { status: 200, body: JSON.stringify(body), retryAfter: null };
  const transport: Transport = async (url) => {
    calls.push(url);
    const fault = faults.find((f) => f.times > 0 && f.match.test(url));
    if (fault) {
      fault.times--;
      if (fault.response === 'network') throw new TypeError('Failed to fetch');
      return { status: 200, body: '', retryAfter: null, ...fault.response };
    }
    const u = new URL(url);
    if (u.pathname.endsWith('/cards/v4/detail')) return ok(detailResponseAll((u.searchParams.get('nm') ?? '').split(';').map(Number)));
    const search = /\/exactmatch\/ru\/common\/v(\d+)\/search$/.exec(u.pathname);
    if (search)
      return ok(
        searchPage(
          u.searchParams.get('query') ?? '',
          Number(u.searchParams.get('page')),
          Number(search[1]),
          shift.value + regionShift(Number(u.searchParams.get('dest'))),
        ),
      );
    if (u.hostname === 'cdn.wbbasket.ru' && u.pathname === '/api/v3/upstreams') return ok(wb.upstreams());
    if (u.hostname === 'www.ozon.ru' && u.pathname === '/api/entrypoint-api.bx/page/json/v2') {
      const target = new URL(u.searchParams.get('url') ?? '/', 'https://www.ozon.ru');
      if (target.pathname === '/search/')
        return ok(ozon.searchPageJson(target.searchParams.get('text') ?? '', Number(target.searchParams.get('page') ?? 1)));
      const sku = Number(/^\/product\/(?:[^/]*-)?(\d+)\//.exec(target.pathname)?.[1]);
      const p = ozon.bySku.get(sku);
      if (!p) return ok(null);
      return ok(target.pathname.endsWith('/reviews/') ? ozon.reviewsPageJson(p, target.searchParams.get('sort')) : ozon.productPageJson(p));
    }
    let m = /^basket-(\d+)\.wbbasket\.ru$/.exec(u.hostname);
    if (m) {
      const f = /\/(\d+)\/info\/(ru\/card\.json|price-history\.json)$/.exec(u.pathname);
      const p = f ? wb.byId.get(Number(f[1])) : undefined;
      if (!p && f?.[2] === 'ru/card.json' && basketOfArticle(Number(f[1])) === Number(m[1])) return ok(fillerCardJson(Number(f[1])));
      if (!p || p.basket !== Number(m[1])) return ok(null);
      return ok(f?.[2] === 'ru/card.json' ? wb.cardJson(p) : wb.priceHistory(p, now()));
    }
    if (u.hostname === 'feedback-bt.wildberries.ru') return ok([`https://${wb.feedbackViewHost(Number(u.searchParams.get('imt')))}`]);
    if (/^feedback-view-\d+\.wb\.ru$/.test(u.hostname)) {
      const root = Number(u.pathname.split('/').pop());
      if (u.hostname !== wb.feedbackViewHost(root)) return ok(null);
      const p = wb.byRoot.get(root);
      return ok(wb.feedbacksResponse(p, p?.reviews.shard ?? 1, now()));
    }
    m = /^feedbacks([12])\.wb\.ru$/.exec(u.hostname);
    if (m) return ok(wb.feedbacksResponse(wb.byRoot.get(Number(u.pathname.split('/').pop())), Number(m[1]), now()));
    if (u.hostname === 'questions.wildberries.ru') {
      const p = wb.byRoot.get(Number(u.searchParams.get('imtId')));
      return ok(
        wb.questionsResponse(p, {
          onlyCount: u.searchParams.get('onlyCount') === 'true',
          take: Number(u.searchParams.get('take') ?? 0),
          skip: Number(u.searchParams.get('skip') ?? 0),
        }),
      );
    }
    return ok(null);
  };
  return {
    transport,
    calls,
    shift,
    fail(match, response, times = 1) {
      faults.push({ match, response, times });
    },
  };
}
