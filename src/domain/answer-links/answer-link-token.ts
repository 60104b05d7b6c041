import { constantTimeEqual, randomToken } from '../auth/random-token.js';
import { sha256Hex } from '../shared/sha256.js';

// The token of a 回答用リンク: 32 random bytes, base64url in the URL. Only its SHA-256 is stored,
// so a copy of the database opens no link.

/** A new link token (shown once, never stored). */
export const newLinkToken = () => randomToken(32);

/** What the table stores of a token. */
export const hashLinkToken = (token: string) => sha256Hex(`answer-link:${token}`);

/** 43 base64url characters: anything else is refused before the database is asked. */
export const LINK_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

// CSRF on the link's form, bound to the token (the contact has no session): a double submit. The
// page sets a random nonce in a cookie and puts `<nonce>.<proof>` in the form, the proof being a
// hash of the nonce under the token. A cross-site form can neither read the cookie nor, without the
// token, make the proof; a nonce made for one link is no use on another.

/** A nonce for the cookie, and the form field that goes with it. */
export async function newFormProof(token: string): Promise<{ nonce: string; field: string }> {
  const nonce = randomToken(16);
  return { nonce, field: `${nonce}.${await proofOf(token, nonce)}` };
}

/** Whether the posted field matches the cookie's nonce under this token. */
export async function checkFormProof(
  token: string,
  cookieNonce: string | undefined,
  field: string | undefined,
): Promise<boolean> {
  if (!cookieNonce || !field) return false;
  const [nonce, proof] = field.split('.');
  if (!nonce || !proof || !constantTimeEqual(nonce, cookieNonce)) return false;
  return constantTimeEqual(proof, await proofOf(token, nonce));
}

const proofOf = (token: string, nonce: string) => sha256Hex(`answer-link-form:${token}:${nonce}`);
