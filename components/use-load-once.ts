// Loads a section's data once when it mounts; an answer that arrives after it went away is dropped.
import { useEffect, useRef } from 'react';

export function useLoadOnce<T>(load: () => Promise<T>, onLoaded: (value: T) => void, onFailed: () => void): void {
  const latest = useRef({ load, onLoaded, onFailed });
  latest.current = { load, onLoaded, onFailed };
  useEffect(() => {
    let alive = true;
    latest.current
      .load()
      .then((value) => alive && latest.current.onLoaded(value))
      .catch(() => alive && latest.current.onFailed());
    return () => {
      alive = false;
    };
  }, []);
}
