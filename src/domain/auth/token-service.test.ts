import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadTokenService, type TokenService } from './token-service.js';

// Document signatures (e.g. erasure certificates) with the same ES256 keys as access tokens, kept
// apart by their `typ`.

async function keyAndService(kid: string) {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid };
  const tokens = await loadTokenService(undefined as never, { privateJwk: JSON.stringify(jwk) });
  return { tokens, jwk };
}

async function service(kid: string): Promise<TokenService> {
  return (await keyAndService(kid)).tokens;
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('document signatures', () => {
  it('verifies what it signed, and tells altered, foreign and other kinds of documents apart', async () => {
    const tokens = await service('k1');
    const jws = await tokens.signDocument(bytes('{"a":1}'), 'erasure-certificate+jws');
    const ok = await tokens.verifyDocument(jws, 'erasure-certificate+jws');
    expect(ok).toMatchObject({ status: 'valid', kid: 'k1' });
    expect(new TextDecoder().decode((ok as { payload: Uint8Array }).payload)).toBe('{"a":1}');

    const [h, , sig] = jws.split('.');
    const altered = `${h}.${Buffer.from('{"a":2}').toString('base64url')}.${sig}`;
    const bad = await tokens.verifyDocument(altered, 'erasure-certificate+jws');
    expect(bad.status).toBe('bad-signature');
    expect(new TextDecoder().decode((bad as { payload: Uint8Array }).payload)).toBe('{"a":2}');

    const foreign = await (await service('k2')).signDocument(bytes('{"a":1}'), 'erasure-certificate+jws');
    expect((await tokens.verifyDocument(foreign, 'erasure-certificate+jws')).status).toBe('unknown-key');
    expect((await tokens.verifyDocument(jws, 'something-else+jws')).status).toBe('malformed');
    expect((await tokens.verifyDocument('garbage', 'erasure-certificate+jws')).status).toBe('malformed');

    const access = await tokens.signAccessToken({ sub: 'u', sid: 's' }, new Date(), 60);
    expect((await tokens.verifyDocument(access, 'erasure-certificate+jws')).status).toBe('malformed');
    // and a document is never an access token
    expect(await tokens.verifyAccessToken(jws, new Date())).toBeNull();
  });
});

describe('access tokens verified before', () => {
  it('stay valid until their exp and no longer, and a changed token is checked afresh', async () => {
    const tokens = await service('k1');
    const issued = new Date('2026-11-22T09:00:00Z');
    const token = await tokens.signAccessToken({ sub: 'u', sid: 's' }, issued, 900);
    const at = (seconds: number) => new Date(issued.getTime() + seconds * 1000);
    expect(await tokens.verifyAccessToken(token, at(1))).toEqual({ sub: 'u', sid: 's' });
    expect(await tokens.verifyAccessToken(token, at(899))).toEqual({ sub: 'u', sid: 's' });
    expect(await tokens.verifyAccessToken(token, at(900))).toBeNull();
    expect(await tokens.verifyAccessToken(token, at(5000))).toBeNull();

    const [h, p, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    expect(await tokens.verifyAccessToken(`${h}.${longer}.${sig}`, at(1))).toBeNull();
    const foreign = await (await service('k1')).signAccessToken({ sub: 'u', sid: 's' }, issued, 900);
    expect(await tokens.verifyAccessToken(foreign, at(1))).toBeNull();
  });
});

describe('access tokens signed with the real key', () => {
  it('are refused without exp, iat, issuer or audience, or with another issuer or audience', async () => {
    const { tokens, jwk } = await keyAndService('k1');
    const key = await importJWK(jwk, 'ES256');
    const now = new Date('2026-11-22T09:00:00Z');
    const iat = Math.floor(now.getTime() / 1000);
    const forge = (omit: string[], extra: Record<string, unknown> = {}) => {
      const claims: Record<string, unknown> = {
        sub: 'u',
        sid: 's',
        iss: 'privacy-governance',
        aud: 'privacy-governance-api',
        iat,
        exp: iat + 900,
        ...extra,
      };
      for (const name of omit) delete claims[name];
      return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'JWT' }).sign(key);
    };
    // the control: all claims present is accepted, so the refusals below are about the claims
    expect(await tokens.verifyAccessToken(await forge([]), now)).toEqual({ sub: 'u', sid: 's' });
    for (const omit of [['exp'], ['iat'], ['iss'], ['aud'], ['sub'], ['sid'], ['exp', 'iat']]) {
      expect(await tokens.verifyAccessToken(await forge(omit), now), omit.join('+')).toBeNull();
    }
    expect(await tokens.verifyAccessToken(await forge([], { iss: 'someone-else' }), now)).toBeNull();
    expect(await tokens.verifyAccessToken(await forge([], { aud: 'another-api' }), now)).toBeNull();
    // issued in the future is not a token of ours either
    expect(
      await tokens.verifyAccessToken(await forge([], { iat: iat + 3600, exp: iat + 7200 }), now),
    ).toBeNull();
  });
});
