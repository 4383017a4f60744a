// Controls only the user may work. A marketplace page's own scripts can reach Lupa's controls
// through the open shadow roots and fire events at them (element.click(), dispatchEvent,
// form.requestSubmit()), but only the browser makes trusted events (security.md S9). Controls
// that write the user's data — marking an item as one's own or a competitor's, linking
// competitors and twins, tracked queries, costs — and those that show the seller's own items act
// only on trusted events.
//
// Forms: a submit event is trusted even when a script asks for it (requestSubmit, a synthetic
// click on the submit button), so a form's work is done in its submit button's click handler —
// Enter in a field clicks that button with a trusted click — and the submit itself is only
// prevented (`preventSubmit`). Plain DOM and React alike; no imports, for the light cores.

type AnyEvent = Event | { nativeEvent: Event; preventDefault(): void };

/** Whether the browser made this event for the user (not a page script). */
export const byUser = (event: AnyEvent): boolean => ('nativeEvent' in event ? event.nativeEvent : event).isTrusted === true;

/** A handler that acts only on the user's own events; a script's events are cancelled and ignored. */
export function userOnly<E extends AnyEvent>(act: (event: E) => void): (event: E) => void {
  return (event) => {
    if (byUser(event)) act(event);
    else event.preventDefault();
  };
}

/** For a form's submit event: the work is done by its submit button's click (userOnly). */
export const preventSubmit = (event: { preventDefault(): void }) => event.preventDefault();
