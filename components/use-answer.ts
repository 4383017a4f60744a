// A popup part's one ask of the background, made when the part mounts (and again when `failed`
// changes: a new popup load): the answer once it is in, `undefined` until then. No answer calls
// `failed` (the popup says Lupa is unavailable); an answer after the part went away is dropped.
import { useEffect, useRef, useState } from 'react';
import type { MessageName, ReplyOf, RequestOf } from '../utils/messages';
import { ask } from '../utils/messaging';

export function useAnswer<K extends MessageName>(name: K, request: RequestOf<K>, failed: () => void): ReplyOf<K> | undefined {
  const [answer, setAnswer] = useState<{ reply: ReplyOf<K> }>();
  const asked = useRef({ name, request });
  useEffect(() => {
    let live = true;
    ask(asked.current.name, asked.current.request).then((reply) => live && setAnswer({ reply }), failed);
    return () => {
      live = false;
    };
  }, [failed]);
  return answer?.reply;
}
