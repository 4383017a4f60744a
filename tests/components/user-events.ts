// jsdom makes every event a script event (isTrusted is false), so a component test plays the user's
// own events by letting userOnly through, and a page script's with `user.trusted = false`:
//   vi.mock('../../components/by-user', async () => (await import('./user-events')).byUserMock);
import { vi } from 'vitest';
import type * as ByUser from '../../components/by-user';

const real = await vi.importActual<typeof ByUser>('../../components/by-user');

/** Whose events the test plays now: the user's (true) or a page script's. Set back after each test. */
export const user = { trusted: true };

export const byUserMock: typeof ByUser = {
  ...real,
  userOnly: (act) => (event) => (user.trusted ? act(event) : real.userOnly(act)(event)),
};
