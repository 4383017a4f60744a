// Seller API tokens: read and written only by the background and the options page. In Chrome the
// local storage area is closed to content scripts (setAccessLevel, called by the background at
// start); Firefox has no such switch, so there the token stays out of every message instead.
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

const TokenSchema = z.string().trim().min(20).max(4000);
const wbToken = storage.defineItem<string | null>('local:secret.wbFeedbacksToken', { fallback: null });

export async function getWbToken(): Promise<string | null> {
  const parsed = TokenSchema.safeParse(await wbToken.getValue());
  return parsed.success ? parsed.data : null;
}

export async function setWbToken(token: string | null): Promise<void> {
  await wbToken.setValue(token === null ? null : TokenSchema.parse(token));
}

export const isPlausibleToken = (token: string) => TokenSchema.safeParse(token).success;
