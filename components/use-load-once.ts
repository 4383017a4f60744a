// Loads a section's data once when it mounts. An answer that arrives after the section went away,
// or after the user already changed the data (call the returned `changed()` first), is dropped:
// a slow first load must not overwrite what the user just did.
import { useCallback, useEffect, useRef } from 'react';

export function useLoadOnce<T>(load: () => Promise<T>, onLoaded: (value: T) => void, onFailed: () => void): () => void {
  const latest = useRef({ load, onLoaded, onFailed });
  latest.current = { load, onLoaded, onFailed };
  const stale = useRef(false);
  useEffect(() => {
    stale.current = false;
    latest.current
      .load()
      .then((value) => !stale.current && latest.current.onLoaded(value))
      .catch(() => !stale.current && latest.current.onFailed());
    return () => {
      stale.current = true;
    };
  }, []);
  return useCallback(() => {
    stale.current = true;
  }, []);
}
