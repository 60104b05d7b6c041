import {
  base64url,
  CompactSign,
  type CryptoKey,
  compactVerify,
  decodeProtectedHeader,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

// Access tokens are short-lived ES256 JWTs (ES256 works in Node and in Workers' Web Crypto alike).
// Signing keys live in the database, so every server instance signs and verifies with the same
// keys; a key given in JWT_PRIVATE_JWK takes precedence.

const ALG = 'ES256';
const ISSUER = 'privacy-governance';
const AUDIENCE = 'privacy-governance-api';

export interface AccessClaims {
  sub: string;
  sid: string;
}

export interface TokenService {
  /** The key id new tokens are signed with. */
  kid: string;
  signAccessToken(claims: AccessClaims, now: Date, ttlSeconds: number): Promise<string>;
  /** Returns the claims, or null for any token that is not valid now (never throws). */
  verifyAccessToken(token: string, now: Date): Promise<AccessClaims | null>;
  /** Public keys, for anyone who verifies what this server signed. */
  publicJwks(): JWK[];
  /**
   * Signs a document (e.g. an erasure certificate's canonical content) as a compact JWS with the
   * same keys. `typ` names the kind of document, so that one kind is never taken for another
   * (an access token is never a certificate).
   */
  signDocument(payload: Uint8Array, typ: string): Promise<string>;
  /** Checks a compact JWS of kind `typ`; never throws. */
  verifyDocument(jws: string, typ: string): Promise<DocumentVerification>;
}

/**
 * - valid: signed by one of our keys, as a document of this kind;
 * - bad-signature: names one of our keys, but the content or signature was changed;
 * - unknown-key: names a key we do not have (the payload may still be readable);
 * - malformed: not a JWS, or a JWS of another kind.
 */
export type DocumentVerification =
  | { status: 'valid'; kid: string; payload: Uint8Array }
  | { status: 'bad-signature' | 'unknown-key'; kid: string | null; payload: Uint8Array | null }
  | { status: 'malformed' };

interface StoredKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** Loads the signing keys, creating one on first start (safe when two instances start at once). */
export async function loadTokenService(
  db: Kysely<Database>,
  options: { privateJwk?: string } = {},
): Promise<TokenService> {
  if (options.privateJwk) {
    const jwk = JSON.parse(options.privateJwk) as JWK;
    const kid = jwk.kid ?? 'env';
    const { d: _d, ...publicJwk } = jwk;
    const key = {
      kid,
      privateKey: (await importJWK(jwk, ALG)) as CryptoKey,
      publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey,
      publicJwk: { ...publicJwk, kid, alg: ALG },
    };
    return createTokenService(key, [key]);
  }

  let rows = await db
    .selectFrom('signing_keys')
    .selectAll()
    .where('alg', '=', ALG)
    .orderBy('created_at')
    .execute();
  if (!rows.some((r) => r.retired_at === null)) {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = crypto.randomUUID();
    await db
      .insertInto('signing_keys')
      .values({
        kid,
        alg: ALG,
        private_jwk: JSON.stringify(await exportJWK(privateKey)),
        public_jwk: JSON.stringify(await exportJWK(publicKey)),
      })
      .execute();
    rows = await db
      .selectFrom('signing_keys')
      .selectAll()
      .where('alg', '=', ALG)
      .orderBy('created_at')
      .execute();
  }
  const keys: StoredKey[] = [];
  for (const row of rows) {
    keys.push({
      kid: row.kid,
      privateKey: (await importJWK(row.private_jwk as JWK, ALG)) as CryptoKey,
      publicKey: (await importJWK(row.public_jwk as JWK, ALG)) as CryptoKey,
      publicJwk: { ...(row.public_jwk as JWK), kid: row.kid, alg: ALG },
    });
  }
  // The oldest active key signs, so instances that raced on first start agree.
  const active = rows.find((r) => r.retired_at === null)!;
  return createTokenService(keys.find((k) => k.kid === active.kid)!, keys);
}

/** No access token may be older than a session lasts at most. */
const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

/** How many verified access tokens a process remembers (about 3 MB at most). */
const VERIFIED_TOKENS = 10_000;

function createTokenService(signing: StoredKey, all: StoredKey[]): TokenService {
  const byKid = new Map(all.map((k) => [k.kid, k]));
  // A token's signature and claims never change, and this process's keys are loaded once: a token
  // verified before is valid again until its exp (checked against `now` as jose does, nbf too), so
  // the ES256 check (~0.2-0.3 ms, the largest CPU cost of a read's authentication) runs once per
  // token, not once per request. Revocation is unaffected: the session row is still read each time.
  const verified = new Map<string, { claims: AccessClaims; exp: number; nbf: number | undefined }>();
  return {
    kid: signing.kid,
    signAccessToken(claims, now, ttlSeconds) {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: ALG, kid: signing.kid, typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(signing.privateKey);
    },
    async verifyAccessToken(token, now) {
      const seconds = Math.floor(now.getTime() / 1000);
      const seen = verified.get(token);
      if (seen) return seen.exp > seconds && (seen.nbf ?? 0) <= seconds ? seen.claims : null;
      try {
        const { payload } = await jwtVerify<JWTPayload & { sid?: unknown }>(
          token,
          async (header) => {
            const key = header.kid ? byKid.get(header.kid) : undefined;
            if (!key) throw new Error('unknown key');
            return key.publicKey;
          },
          {
            algorithms: [ALG],
            issuer: ISSUER,
            audience: AUDIENCE,
            currentDate: now,
            // A token without exp would never expire, one without iat cannot be dated: ours always
            // carry both, so one that lacks them was not made by signAccessToken, whatever key signed it.
            requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub'],
            // With maxTokenAge jose also refuses an iat in the future. No access token outlives a
            // session (12 hours), so this bounds nothing that is legitimate.
            maxTokenAge: MAX_TOKEN_AGE_SECONDS,
          },
        );
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
        const claims = { sub: payload.sub, sid: payload.sid };
        if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
        verified.set(token, { claims, exp: payload.exp!, nbf: payload.nbf });
        return claims;
      } catch {
        return null;
      }
    },
    publicJwks: () => all.map((k) => k.publicJwk),
    signDocument(payload, typ) {
      return new CompactSign(payload)
        .setProtectedHeader({ alg: ALG, kid: signing.kid, typ })
        .sign(signing.privateKey);
    },
    async verifyDocument(jws, typ) {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(jws);
      } catch {
        return { status: 'malformed' };
      }
      if (header.typ !== typ || header.alg !== ALG) return { status: 'malformed' };
      const kid = typeof header.kid === 'string' ? header.kid : null;
      const key = kid ? byKid.get(kid) : undefined;
      const claimed = readPayload(jws);
      if (!key) return { status: 'unknown-key', kid, payload: claimed };
      try {
        const { payload } = await compactVerify(jws, key.publicKey, { algorithms: [ALG] });
        return { status: 'valid', kid: key.kid, payload };
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWSInvalid) {
          return { status: 'bad-signature', kid, payload: claimed };
        }
        return { status: 'malformed' };
      }
    },
  };
}

/** The payload of a compact JWS as it claims to be, before (or without) checking the signature. */
function readPayload(jws: string): Uint8Array | null {
  const parts = jws.split('.');
  if (parts.length !== 3) return null;
  try {
    return base64url.decode(parts[1]!);
  } catch {
    return null;
  }
}
