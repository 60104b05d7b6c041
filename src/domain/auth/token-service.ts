import {
  type CryptoKey,
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
}

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

function createTokenService(signing: StoredKey, all: StoredKey[]): TokenService {
  const byKid = new Map(all.map((k) => [k.kid, k]));
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
      try {
        const { payload } = await jwtVerify<JWTPayload & { sid?: unknown }>(
          token,
          async (header) => {
            const key = header.kid ? byKid.get(header.kid) : undefined;
            if (!key) throw new Error('unknown key');
            return key.publicKey;
          },
          { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE, currentDate: now },
        );
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
        return { sub: payload.sub, sid: payload.sid };
      } catch {
        return null;
      }
    },
    publicJwks: () => all.map((k) => k.publicJwk),
  };
}
