// A content script's asks of one task travel as one `askMany` (utils/content/messaging.ts), and the
// background runs each through its own answer (utils/messaging.ts): one fails alone, a stranger's
// message name is refused, a lone ask goes as itself.
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ASK_BATCH_MAX } from '../../utils/ask-batch';
import { browser as contentBrowser } from '../../utils/content/browser';
import { ask } from '../../utils/content/messaging';
import { AskManyReplySchema } from '../../utils/messages';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

type Envelope = { type: string; data: { asks?: Array<{ type: string; data: unknown }> } & Record<string, unknown> };

function background(reply: (envelope: Envelope) => unknown) {
  const sent: Envelope[] = [];
  vi.spyOn(contentBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: Envelope) => {
    sent.push(envelope);
    return reply(envelope);
  }) as never);
  return sent;
}

test("the panel sections' asks of one task: one message out, each reply to its own ask, a failure to its own", async () => {
  const sent = background(({ data }) => ({
    res: {
      replies: (data.asks ?? []).map(({ type }) =>
        type === 'injectChunk' ? { ok: false, err: { name: 'Error', message: 'нет вкладки' } } : { ok: true, res: { type } },
      ),
    },
  }));
  const overview = ask('getProductOverview', { marketplace: 'wb', id: '146972802', mode: 'cached' });
  const chunk = ask('injectChunk', { chunk: 'panel' });
  const catalogue = ask('getCatalogue', {});
  await expect(overview).resolves.toEqual({ type: 'getProductOverview' });
  await expect(chunk).rejects.toThrow('нет вкладки');
  await expect(catalogue).resolves.toEqual({ type: 'getCatalogue' });
  expect(sent).toHaveLength(1);
  expect(sent[0]?.type).toBe('askMany');
  expect(sent[0]?.data.asks?.map((a) => a.type)).toEqual(['getProductOverview', 'injectChunk', 'getCatalogue']);
});

test('a lone ask goes as itself; asks of a later task go in a message of their own', async () => {
  const sent = background(({ type }) => ({ res: { type } }));
  await expect(ask('getCatalogue', {})).resolves.toEqual({ type: 'getCatalogue' });
  await expect(ask('injectChunk', { chunk: 'charts' })).resolves.toEqual({ type: 'injectChunk' });
  expect(sent.map((e) => e.type)).toEqual(['getCatalogue', 'injectChunk']);
});

test('more asks than a batch holds go in further batches; a lost batch fails each of its asks', async () => {
  const sent = background(({ data }) =>
    sent.length === 1 ? { res: { replies: (data.asks ?? []).map(() => ({ ok: true, res: 1 })) } } : undefined,
  );
  const asks = Array.from({ length: ASK_BATCH_MAX + 2 }, (_, i) =>
    ask('getProductOverview', { marketplace: 'wb', id: String(i + 1), mode: 'cached' }),
  );
  const settled = await Promise.allSettled(asks);
  expect(sent.map((e) => e.data.asks?.length)).toEqual([ASK_BATCH_MAX, 2]);
  expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(ASK_BATCH_MAX);
  expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(2);
});

test('the batch reply schema keeps a failure a failure', () => {
  const parsed = AskManyReplySchema.parse({
    replies: [
      { ok: false, err: { name: 'Error', message: 'x' }, res: 1 },
      { ok: true, res: null },
    ],
  });
  expect(parsed.replies[0]).toEqual({ ok: false, err: { name: 'Error', message: 'x' } });
  expect(AskManyReplySchema.safeParse({ replies: [{ err: { name: 'Error', message: 'x' } }] }).success).toBe(false);
});

test('the background runs each ask of a batch through its own answer: its sender check, its schemas, its failure', async () => {
  const { answer, runBatch } = await import('../../utils/messaging');
  const stops = [
    answer(
      'getCatalogue',
      () => true,
      async () => ({ messages: { refresh: 'Обновить' } }),
    ),
    answer(
      'getStorageNote',
      () => false,
      async () => null,
    ),
    answer(
      'injectChunk',
      () => true,
      async () => ({ ok: true as const }),
    ),
  ];
  try {
    const replies = await runBatch(
      [
        { type: 'getCatalogue', data: {} },
        { type: 'getStorageNote', data: {} },
        { type: 'injectChunk', data: { chunk: '../evil' } },
        { type: 'askMany', data: { asks: [] } },
        { type: 'deleteEverything', data: {} },
      ],
      { id: fakeBrowser.runtime.id, tab: { id: 7, url: 'https://www.wildberries.ru/catalog/146972802/detail.aspx' } as never },
    );
    expect(AskManyReplySchema.parse({ replies }).replies.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(replies[0]).toMatchObject({ ok: true, res: { messages: { refresh: 'Обновить' } } });
    expect(replies[1]).toMatchObject({ err: { message: expect.stringContaining('sender not allowed') } });
    expect(replies[2]).toMatchObject({ err: { name: 'ZodError' } });
    expect(replies[3]).toMatchObject({ err: { message: expect.stringContaining('no such message') } });
    expect(replies[4]).toMatchObject({ err: { message: expect.stringContaining('no such message') } });
  } finally {
    for (const stop of stops) stop();
  }
});
