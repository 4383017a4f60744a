// A part whose code is a chunk of its own (a dynamic import), fetched when the part first renders:
// the page's first screen does not wait for code it shows later or seldom. Until the chunk is in,
// the part shows `placeholder`; if it cannot load (the extension was updated meanwhile), nothing.
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, placeholder: ReactNode = null): ComponentType<P> {
  let loading: Promise<ComponentType<P> | null> | null = null;
  let loaded: ComponentType<P> | null = null;
  return function LazyPart(props: P) {
    const [Part, setPart] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Part) return;
      let live = true;
      loading ??= load().then(
        (part) => (loaded = part),
        () => null,
      );
      loading.then((part) => {
        if (live && part) setPart(() => part);
      });
      return () => {
        live = false;
      };
    }, [Part]);
    return Part ? <Part {...props} /> : placeholder;
  };
}
