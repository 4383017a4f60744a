// The WB delivery region: the user's choice, else their own (the site's record in the tab, WB's
// geo service), Moscow only as the last resort.
import { expect, test } from 'vitest';
import { DEFAULT_DEST } from '../../utils/marketplaces/wb/endpoints';
import { createWbRegion, destFromSiteGeo, destFromXinfo, type LearnedRegion } from '../../utils/marketplaces/wb/geo';
import { Net, type Transport } from '../../utils/net';
import { geoInfo, siteGeo } from '../fixtures/wb/catalog.mjs';

/** Regions seen in WB's requests (reference §1.1): the one the site keeps, the one the geo service gives. */
const SITE_REGION = 123585462;
const SERVICE_REGION = 12354108;

/** WB's geo service, answering a region (or a status), and counting its calls. */
function geoService(answer: { status: number; body: string } = { status: 200, body: JSON.stringify(geoInfo(SERVICE_REGION)) }) {
  const calls: string[] = [];
  const transport: Transport = async (url) => {
    calls.push(url);
    return { ...answer, retryAfter: null };
  };
  return { calls, transport };
}

function setup(opts: { chosen?: number | null; service?: ReturnType<typeof geoService>; clock?: { now: number } } = {}) {
  const service = opts.service ?? geoService();
  const kept: { value?: LearnedRegion } = {};
  const clock = opts.clock ?? { now: Date.now() };
  const make = () =>
    createWbRegion({
      net: new Net({ defaults: { retries: 0, minIntervalMs: 0 } }),
      background: service.transport,
      chosen: async () => opts.chosen ?? null,
      learned: {
        get: async () => kept.value,
        set: async (r) => {
          kept.value = r;
        },
      },
      now: () => clock.now,
    });
  return { region: make(), restart: make, service, kept, clock };
}

test('dest is read from xinfo, the first of a list counting', () => {
  expect(destFromXinfo('appType=1&curr=rub&dest=-1257786&spp=30')).toBe(-1257786);
  expect(destFromXinfo('appType=1&curr=rub&dest=-1029256,-102269,-2162196&regions=80,64')).toBe(-1029256);
  expect(destFromXinfo('appType=1&curr=rub&spp=30')).toBeNull();
  expect(destFromSiteGeo(JSON.stringify(siteGeo(SITE_REGION)))).toBe(SITE_REGION);
  expect(destFromSiteGeo('{"data":{"xinfo":"curr=rub"}}')).toBeNull();
  expect(destFromSiteGeo('не json')).toBeNull();
  expect(destFromSiteGeo(null)).toBeNull();
});

test('the region the user chose wins, and nothing is asked', async () => {
  const { region, service } = setup({ chosen: -1255987 });
  expect(await region({ siteRegion: async () => JSON.stringify(siteGeo(SITE_REGION)) })).toBe(-1255987);
  expect(service.calls).toEqual([]);
});

test("none chosen: the site's own record in the tab comes first, and is kept for requests without a tab", async () => {
  const { region, service, kept } = setup();
  expect(await region({ siteRegion: async () => JSON.stringify(siteGeo(SITE_REGION)) })).toBe(SITE_REGION);
  expect(kept.value).toMatchObject({ dest: SITE_REGION, source: 'site' });
  expect(await region()).toBe(SITE_REGION);
  expect(service.calls).toEqual([]);
});

test("no tab and nothing kept: WB's geo service gives the user's region, kept a day", async () => {
  const clock = { now: Date.now() };
  const { region, restart, service } = setup({ clock });
  expect(await region()).toBe(SERVICE_REGION);
  expect(service.calls).toEqual(['https://user-geo-data.wildberries.ru/get-geo-info?currency=RUB&locale=ru']);
  expect(await restart()()).toBe(SERVICE_REGION);
  expect(service.calls).toHaveLength(1);
  clock.now += 25 * 60 * 60 * 1000;
  await restart()();
  expect(service.calls).toHaveLength(2);
});

test.each([
  ['answers 500', { status: 500, body: '{}' }],
  ['answers without a region', { status: 200, body: JSON.stringify({ xinfo: 'appType=1&curr=rub', currency: 'RUB' }) }],
  ['answers HTML', { status: 200, body: '<html>Почти готово…</html>' }],
])('the geo service %s and nothing is known: Moscow, and the service is not asked again for a while', async (_what, answer) => {
  const service = geoService(answer);
  const { region } = setup({ service });
  expect(await region({ siteRegion: async () => null })).toBe(DEFAULT_DEST);
  await region();
  expect(service.calls).toHaveLength(1);
});

test("a tab's record is read once, then not again for a while; a new tab's is read at once", async () => {
  const clock = { now: Date.now() };
  const { region } = setup({ clock });
  let reads = 0;
  const tab = (id: number, dest: number | null) => ({
    tabId: id,
    siteRegion: async () => {
      reads++;
      return dest === null ? null : JSON.stringify(siteGeo(dest));
    },
  });
  expect(await region(tab(1, null))).toBe(SERVICE_REGION);
  expect(await region(tab(1, SITE_REGION))).toBe(SERVICE_REGION);
  expect(reads).toBe(1);
  // The user picked an address on the site in another tab.
  expect(await region(tab(2, SITE_REGION))).toBe(SITE_REGION);
  clock.now += 11 * 60 * 1000;
  expect(await region(tab(1, -1255987))).toBe(-1255987);
  expect(reads).toBe(3);
});
