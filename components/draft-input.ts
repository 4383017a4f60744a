// A text field whose draft only the user writes (components/by-user.ts): the draft is taken from the
// user's own 'input' events; a page script's change (its value setter and an 'input'/'change' event)
// is undone, the field showing the user's draft again, as a React field bound to the draft did. The
// field is made once and kept while its part lives, so a redraw around it keeps focus and text.
import { type Attrs, h } from '../utils/content/dom';
import { userOnly } from './by-user';

export interface DraftInput {
  input: HTMLInputElement;
  /** The user's draft. */
  draft(): string;
  /** Sets the draft and the field (after the draft was saved: ''). */
  set(draft: string): void;
  /** Puts the draft back into the field if a script set its value without an event (on a redraw). */
  restore(): void;
}

export function draftInput(attrs: Attrs): DraftInput {
  const input = h('input', attrs);
  let draft = input.value;
  for (const type of ['input', 'change']) {
    input.addEventListener(type, (event) => {
      let kept = false;
      userOnly(() => {
        draft = input.value;
        kept = true;
      })(event);
      if (!kept && input.value !== draft) input.value = draft;
    });
  }
  return {
    input,
    draft: () => draft,
    set(next) {
      draft = next;
      input.value = next;
    },
    restore() {
      if (input.value !== draft) input.value = draft;
    },
  };
}
