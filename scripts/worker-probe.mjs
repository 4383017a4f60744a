// A bench probe (a TypeScript file next to this one) bundled as an IIFE and evaluated in the
// extension's service worker, where it leaves its exports on `globalThis[name]`: the bench then
// measures real Dexie in the real worker.
import { join } from 'node:path';
import { build as viteBuild } from 'vite';

/** `target`: a service worker or a page (anything with evaluate). */
export async function injectProbe(target, file, name) {
  const probe = await viteBuild({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: false, lib: { entry: join(import.meta.dirname, file), formats: ['iife'], name } },
  });
  await target.evaluate(probe[0].output[0].code);
}
