// A chunk (table.ts), loaded once per page on first use: the background injects it into this
// content script's isolated world, where it leaves its exports on its global.
import { ask } from '../content/messaging';
import { CHUNKS, type ChunkName } from './table';

const loading = new Map<ChunkName, Promise<unknown>>();
const present = (name: ChunkName) => (globalThis as Record<string, unknown>)[CHUNKS[name].global];

export function loadChunk<T>(name: ChunkName): Promise<T> {
  const here = present(name);
  if (here) return Promise.resolve(here as T);
  let pending = loading.get(name);
  if (!pending) {
    pending = ask('injectChunk', { chunk: name })
      .then(() => {
        const loaded = present(name);
        if (!loaded) throw new Error(`${name} chunk did not load`);
        return loaded;
      })
      .catch((error: unknown) => {
        loading.delete(name); // an updated or reloaded extension: let the next use try again
        throw error;
      });
    loading.set(name, pending);
  }
  return pending as Promise<T>;
}
