// What the saved WB token says about itself, read in the background from the token (no request).
import { decodeToken } from '../marketplaces/wb/seller-token';
import { getWbToken } from '../secrets';
import type { SellerTokenInfo } from './protocol';

/** The saved token's claims; the token itself stays here. */
export async function sellerTokenInfo(): Promise<SellerTokenInfo> {
  const token = await getWbToken();
  if (!token) return { state: 'none' };
  const claims = decodeToken(token);
  return claims ? { state: 'read', ...claims } : { state: 'unreadable' };
}
