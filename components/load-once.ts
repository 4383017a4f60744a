// Loads a plain-DOM part's data once. An answer that arrives after the part went away, or after the
// user already changed the data (call the returned `stop()` first), is dropped: a slow first load
// must not overwrite what the user just did.
export function loadOnce<T>(load: () => Promise<T>, onLoaded: (value: T) => void, onFailed: () => void): () => void {
  let stale = false;
  load().then(
    (value) => {
      if (!stale) onLoaded(value);
    },
    () => {
      if (!stale) onFailed();
    },
  );
  return () => {
    stale = true;
  };
}
