import { base64url, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { AttackClient } from './attack-client.js';
import { clientOf, signIn } from './attack-world.js';

// Forged access tokens against the session route, as Bearer and as the pages' cookie: unsigned,
// algorithm confusion, a foreign key under the real kid, changed claims, and tokens signed with
// the server's real key (the suite gave the server its JWT_PRIVATE_JWK) but without exp, iat,
// issuer or audience, expired, or issued in the future. A revoked session's token and a reused
// refresh token are refused too. Any 2xx is a forged token accepted.

const enc = (value: object) => base64url.encode(JSON.stringify(value));

/** Signs a JWS by hand (jose will not sign a header it would not accept, such as an unknown crit). */
async function signRaw(key: CryptoKey, header: object, payload: object): Promise<string> {
  const input = `${enc(header)}.${enc(payload)}`;
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

export async function tokenAttacks(
  http: AttackClient,
  input: { realJwk: JWK; email: string; password: string },
): Promise<number> {
  const real = await importJWK(input.realJwk, 'ES256');
  const kid = input.realJwk.kid!;
  const genuine = await signIn(http, input.email, input.password);
  const [, payload] = genuine.split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!)));
  const now = Math.floor(Date.now() / 1000);
  const sign = (body: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT(body).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT', ...header }).sign(real);
  const without = (name: string) => {
    const copy = { ...claims };
    delete copy[name];
    return copy;
  };
  const { privateKey: foreignKey, publicKey: foreignPublic } = await generateKeyPair('ES256');
  const { d: _d, ...publicJwk } = input.realJwk;

  const forged: Array<[string, string]> = [
    ['alg none', `${enc({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    ['alg None', `${enc({ alg: 'None', typ: 'JWT', kid })}.${payload}.`],
    [
      'HS256 keyed with the public JWK',
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid })
        .sign(new TextEncoder().encode(JSON.stringify(publicJwk))),
    ],
    [
      'HS256 with a guessed secret',
      await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('secret')),
    ],
    [
      'a foreign key under the real kid',
      await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid }).sign(foreignKey),
    ],
    [
      'a foreign key offered in the header',
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', jwk: await exportJWK(foreignPublic) })
        .sign(foreignKey),
    ],
    [
      'jku pointing elsewhere',
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', jku: 'http://127.0.0.1:1/jwks', kid: 'x' })
        .sign(foreignKey),
    ],
    [
      'kid path traversal',
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: '../../../../etc/passwd' })
        .sign(foreignKey),
    ],
    [
      'payload changed, signature kept',
      `${genuine.split('.')[0]}.${enc({ ...claims, sub: crypto.randomUUID() })}.${genuine.split('.')[2]}`,
    ],
    ['signature cut', genuine.split('.').slice(0, 2).join('.')],
    [
      'signature of another token',
      `${genuine.split('.').slice(0, 2).join('.')}.${(await sign({ ...claims, sid: 'x' })).split('.')[2]}`,
    ],
    ['real key, no exp', await sign(without('exp'))],
    ['real key, no iat', await sign(without('iat'))],
    ['real key, no issuer', await sign(without('iss'))],
    ['real key, no audience', await sign(without('aud'))],
    ['real key, another issuer', await sign({ ...claims, iss: 'someone-else' })],
    ['real key, another audience', await sign({ ...claims, aud: 'another-api' })],
    ['real key, expired', await sign({ ...claims, iat: now - 7200, exp: now - 3600 })],
    ['real key, issued in the future', await sign({ ...claims, iat: now + 3600, exp: now + 7200 })],
    ['real key, unknown session', await sign({ ...claims, sid: crypto.randomUUID() })],
    ['real key, another user on this session', await sign({ ...claims, sub: crypto.randomUUID() })],
    [
      'real key, crit header',
      await signRaw(real as CryptoKey, { alg: 'ES256', kid, crit: ['x-must'], 'x-must': 1 }, claims),
    ],
    ['garbage', 'not.a.token'],
    ['very long', `${genuine}${'A'.repeat(20_000)}`],
  ];

  // a signed-out session's token, and a refresh token used twice
  const out = await http.send('POST', '/api/v1/auth/sign-in', {
    json: { email: input.email, password: input.password },
    headers: { 'x-forwarded-for': clientOf(input.email) },
  });
  await http.send('POST', '/api/v1/auth/sign-out', {
    token: out.body.accessToken,
    op: 'POST /api/v1/auth/sign-out',
  });
  forged.push(['a signed-out session', out.body.accessToken]);
  const rotated = await http.send('POST', '/api/v1/auth/refresh', {
    json: { refreshToken: out.body.refreshToken },
    op: 'POST /api/v1/auth/refresh',
  });
  if (rotated.status === 200) http.figures.forgedAccepted.push('a signed-out session could be refreshed');

  const again = await http.send('POST', '/api/v1/auth/sign-in', {
    json: { email: input.email, password: input.password },
    headers: { 'x-forwarded-for': clientOf(input.email) },
  });
  const first = await http.send('POST', '/api/v1/auth/refresh', {
    json: { refreshToken: again.body.refreshToken },
  });
  const reused = await http.send('POST', '/api/v1/auth/refresh', {
    json: { refreshToken: again.body.refreshToken },
  });
  if (first.status !== 200) http.figures.failures.push(`a genuine refresh failed: ${first.status}`);
  if (reused.status === 200) http.figures.forgedAccepted.push('a refresh token was accepted twice');
  const afterReuse = await http.send('GET', '/api/v1/auth/session', { token: first.body.accessToken });
  if (afterReuse.status === 200)
    http.figures.forgedAccepted.push('a session survived the reuse of its refresh token');

  for (const [what, token] of forged) {
    for (const via of ['bearer', 'cookie'] as const) {
      const res = await http.send('GET', '/api/v1/auth/session', {
        ...(via === 'bearer' ? { token } : { headers: { cookie: `pg_access=${token}` } }),
        op: 'GET /api/v1/auth/session',
      });
      if (res.status < 300) http.figures.forgedAccepted.push(`${what} (${via}) → ${res.status}`);
    }
  }
  // the control: the genuine token is accepted, so the refusals above are about the forgeries
  const control = await http.send('GET', '/api/v1/auth/session', { token: genuine });
  if (control.status !== 200) http.figures.failures.push(`the genuine token was refused: ${control.status}`);
  return forged.length;
}
