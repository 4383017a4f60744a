// jsdom makes every event a script event (isTrusted is false), so a component test plays the user's
// own events by letting components/by-user.ts's userOnly through while `user.trusted` is true; set
// it false and the real userOnly sees a page script's event. In a test file:
//   vi.mock('../../components/by-user', async (original) => (await import('./user-events')).userOnlyWhenTrusted(original));
import type * as ByUser from '../../components/by-user';

export const user = { trusted: true };

export async function userOnlyWhenTrusted(original: <T>() => Promise<T>): Promise<typeof ByUser> {
  const real = await original<typeof ByUser>();
  const userOnly: typeof real.userOnly = (handler) => (event) => (user.trusted ? handler(event) : real.userOnly(handler)(event));
  return { ...real, userOnly };
}
