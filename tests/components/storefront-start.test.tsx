// The storefront core's start (utils/content/storefront.ts): the page's text is asked for first, in a
// message of its own; the features' early asks (the product's overview) leave beside it, before its
// answer; the features themselves start only once the text is in, so nothing of theirs is drawn
// without it.
import { afterEach, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser as contentBrowser } from '../../utils/content/browser';
import { ask } from '../../utils/content/messaging';
import { runStorefront, type StorefrontFeature } from '../../utils/content/storefront';
import { adapterOf } from '../../utils/marketplaces';

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).__lupaCatalogueLoading;
});

const ctx = { isValid: true, onInvalidated: () => () => undefined, addEventListener: () => undefined } as unknown as ContentScriptContext;

test('the overview is asked beside the page’s text, not after its answer; the features start once the text is in', async () => {
  const sent: string[] = [];
  let giveText: (() => void) | null = null;
  vi.spyOn(contentBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { type: string }) => {
    sent.push(envelope.type);
    if (envelope.type === 'getCatalogue') {
      await new Promise<void>((resolve) => {
        giveText = resolve;
      });
      return { res: { messages: { retry: 'Повторить' } } };
    }
    return { res: null };
  }) as never);
  const started: string[] = [];
  const panel: StorefrontFeature = Object.assign(() => void started.push('panel'), {
    early: () => void ask('getProductOverview', { marketplace: 'wb', id: '146972802', mode: 'cached' }).catch(() => null),
  });
  const badges: StorefrontFeature = () => void started.push('badges');

  runStorefront(ctx, adapterOf('wb'), [panel, badges]);
  await vi.waitFor(() => expect(sent).toEqual(['getCatalogue', 'getProductOverview']));
  expect(started).toEqual([]);

  (giveText as unknown as () => void)();
  await vi.waitFor(() => expect(started).toEqual(['panel', 'badges']));
  expect(sent).toEqual(['getCatalogue', 'getProductOverview']);
});
