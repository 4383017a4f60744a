// The extension service worker's JS heap, read through the Chrome DevTools Protocol (a service
// worker has no `performance.memory`). A browser-level CDP session attaches to the worker's target;
// Playwright's CDPSession does not route a flat child session's messages, so the commands go the
// non-flat way: Target.sendMessageToTarget out, Target.receivedMessageFromTarget back. A service
// worker target has no Performance domain; Runtime.getHeapUsage gives V8's used heap
// (`usedSize`, what a page's JSHeapUsedSize is), HeapProfiler.collectGarbage a full GC.

const ANSWER_WITHIN_MS = 10_000;

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} workerUrl the worker's script URL (Playwright's `worker.url()`)
 * Throws with a short reason when the worker cannot be reached.
 */
export async function attachWorkerHeap(context, workerUrl) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context for a browser-level CDP session');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === workerUrl);
  if (!target) throw new Error(`no service_worker target at ${workerUrl}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });

  let lastId = 0;
  /** @type {Map<number, { resolve: (r: any) => void, reject: (e: Error) => void }>} */
  const pending = new Map();
  const failAll = (reason) => {
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  };
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${message.error.message} (${message.error.code})`));
    else waiting.resolve(message.result);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId === sessionId) failAll('the service worker went away');
  });

  /** One CDP command to the worker. */
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer from the worker within ${ANSWER_WITHIN_MS} ms`));
      }, ANSWER_WITHIN_MS);
      const done = (fn) => (value) => {
        clearTimeout(timer);
        fn(value);
      };
      pending.set(id, { resolve: done(resolve), reject: done(reject) });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e) => {
        pending.delete(id);
        done(reject)(e);
      });
    });

  /** @returns {Promise<number>} V8's used heap in the worker, bytes. */
  const used = async () => (await send('Runtime.getHeapUsage')).usedSize;

  return {
    used,
    /** The worker's used heap after a full garbage collection (bytes): what it holds. */
    async live() {
      await send('HeapProfiler.collectGarbage');
      return used();
    },
    /**
     * Reads the used heap every `everyMs` (one request at a time: the worker answers between its
     * tasks) until the returned stop() is called; stop() resolves to the peak and the sample count,
     * or throws if a reading failed (a peak with a gap would understate it).
     */
    sample(everyMs = 50) {
      let stopped = false;
      let peak = 0;
      let samples = 0;
      /** @type {Error | null} */
      let error = null;
      const loop = (async () => {
        while (!stopped) {
          const started = performance.now();
          try {
            peak = Math.max(peak, await used());
            samples++;
          } catch (e) {
            error = /** @type {Error} */ (e);
            return;
          }
          await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (performance.now() - started))));
        }
      })();
      return async () => {
        stopped = true;
        await loop;
        if (error) throw error;
        return { peak, samples };
      };
    },
    async detach() {
      failAll('detached');
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}

/**
 * Runs `run` while sampling the worker's used heap every `everyMs`. Resolves to run's result and
 * `heap`: the live heap before (after a GC), the peak while it ran, the live heap after (after a GC)
 * in bytes, or `{ reason }` when the heap could not be read. run's own errors propagate.
 * @template T
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} workerUrl
 * @param {() => Promise<T>} run
 * @returns {Promise<{ result: T, heap: { before: number, peak: number, samples: number, after: number } | { reason: string } }>}
 */
export async function heapDuring(context, workerUrl, run, everyMs = 50) {
  /** @type {Awaited<ReturnType<typeof attachWorkerHeap>> | undefined} */
  let probe;
  let before = 0;
  try {
    probe = await attachWorkerHeap(context, workerUrl);
    before = await probe.live();
  } catch (e) {
    await probe?.detach();
    return { result: await run(), heap: { reason: /** @type {Error} */ (e).message } };
  }
  const stop = probe.sample(everyMs);
  try {
    const result = await run();
    const heap = await stop()
      .then(async ({ peak, samples }) => ({ before, peak, samples, after: await probe.live() }))
      .catch((e) => ({ reason: /** @type {Error} */ (e).message }));
    return { result, heap };
  } finally {
    await stop().catch(() => {});
    await probe.detach();
  }
}
