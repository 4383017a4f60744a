// What a WB seller API token says about itself. The tokens are JWTs (../shared/reference/wildberries.md
// §3.1); their payload is read here, in the browser, and the token is sent nowhere for it. The
// signature is not checked (only WB can): a decoded token is what the token claims, and the API's
// own answer (401) stays the last word.
import { z } from 'zod';

/** `acc`: 1 Basic, 2 Test (sandbox), 3 Personal, 4 Service (reference §3.1). */
export const TOKEN_TYPES = { 1: 'basic', 2: 'test', 3: 'personal', 4: 'service' } as const;
export type TokenType = (typeof TOKEN_TYPES)[keyof typeof TOKEN_TYPES] | 'unknown';

/**
 * The categories of the `s` bitmask, bit by bit (1 << bit), named as the reference names them.
 * Bits 1–7 and 9–12 agree in several public decoders; bit 8 (Recommendations) was retired; bits 13
 * (Finance) and 14 (Users) follow the cabinet's order and are unverified. Bit 30 marks a read-only token.
 */
export const TOKEN_CATEGORIES = [
  { bit: 1, name: 'Content' },
  { bit: 2, name: 'Analytics' },
  { bit: 3, name: 'Prices & Discounts' },
  { bit: 4, name: 'Marketplace' },
  { bit: 5, name: 'Statistics' },
  { bit: 6, name: 'Promotion' },
  { bit: 7, name: 'Questions & Feedbacks' },
  { bit: 9, name: 'Buyers Chat' },
  { bit: 10, name: 'Supplies' },
  { bit: 11, name: 'Returns' },
  { bit: 12, name: 'Documents' },
  { bit: 13, name: 'Finance' },
  { bit: 14, name: 'Users' },
] as const;
export type TokenCategory = (typeof TOKEN_CATEGORIES)[number]['name'];
export const TokenCategorySchema = z.enum(TOKEN_CATEGORIES.map((c) => c.name) as [TokenCategory, ...TokenCategory[]]);
export const READ_ONLY_BIT = 30;

/** Every token WB makes lives 180 days (reference §3.1). */
export const TOKEN_LIFETIME_DAYS = 180;

const PayloadSchema = z.object({
  acc: z.number().int().optional(),
  s: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 31 - 1)
    .optional(),
  /** Seconds since the epoch. */
  exp: z.number().nonnegative().optional(),
  /** A sandbox token (older tokens say so here rather than in `acc`). */
  t: z.boolean().optional(),
});

export interface TokenClaims {
  type: TokenType;
  categories: TokenCategory[];
  readOnly: boolean;
  /** When it expires, ms; null when it does not say. */
  expires: number | null;
}

const base64UrlDecode = (part: string): string => {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** The categories a bitmask grants, in the reference's order. */
export const categoriesOf = (mask: number): TokenCategory[] =>
  TOKEN_CATEGORIES.filter((c) => Math.floor(mask / 2 ** c.bit) % 2 === 1).map((c) => c.name);

/** The claims of a WB API token, or null when it is not a JWT whose payload reads as one. */
export function decodeToken(token: string): TokenClaims | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  let json: unknown;
  try {
    json = JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    return null;
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const { acc, s, exp, t } = parsed.data;
  const type: TokenType = t === true ? 'test' : (acc !== undefined && TOKEN_TYPES[acc as keyof typeof TOKEN_TYPES]) || 'unknown';
  const mask = s ?? 0;
  return {
    type,
    categories: categoriesOf(mask),
    readOnly: Math.floor(mask / 2 ** READ_ONLY_BIT) % 2 === 1,
    expires: exp === undefined ? null : Math.round(exp * 1000),
  };
}

/** Personal and Service tokens share the higher budget; Basic (and unknown) ones the lower (reference §3.2). */
export const budgetOf = (type: TokenType): 'personal' | 'basic' =>
  type === 'personal' || type === 'service' || type === 'test' ? 'personal' : 'basic';
