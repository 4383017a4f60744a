// Taking an element out of the document takes the focus from whatever was focused in it, and a
// field's caret with it. Lupa moves its hosts beside the page's markup while the page renders (late,
// and again and again), so a seller typing in the panel as it moves inline would have the next keys
// go to the page. A move through here gives the focus and the caret back.

/** Runs `move` (which puts `host` elsewhere) and gives the focus back to what had it in `host`'s shadow root. */
export function moveKeepingFocus(host: Element, move: () => void): void {
  const active = host.shadowRoot?.activeElement;
  const focused = active instanceof HTMLElement ? active : null;
  const field = focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? focused : null;
  // Fields without a caret (checkboxes, numbers) say null here: only the focus comes back.
  const caret = field && { start: field.selectionStart, end: field.selectionEnd, direction: field.selectionDirection ?? undefined };
  move();
  if (!focused?.isConnected || host.shadowRoot?.activeElement === focused) return;
  focused.focus({ preventScroll: true });
  if (field && caret && caret.start !== null && caret.end !== null) field.setSelectionRange(caret.start, caret.end, caret.direction);
}
