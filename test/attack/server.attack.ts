import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttackClient, type Figures, newFigures } from './attack-client.js';
import { type AttackWorld, buildAttackWorld, DEMO } from './attack-world.js';
import { bodyAttacks } from './body-attacks.js';
import { type Harvest, harvest } from './harvest.js';
import { sweepBodyIds, sweepPathIds } from './id-sweep.js';
import { type OpenApiDoc, operationsOf, randomSource } from './openapi.js';
import { queryAttacks } from './query-attacks.js';
import { type RunningServer, startServer } from './run-server.js';
import { signInAttacks } from './sign-in-attacks.js';
import { tokenAttacks } from './token-attacks.js';
import { transportAttacks } from './transport-attacks.js';

// The attack suite (npm run test:attack): the real server started as `npm start` starts it, on
// PGlite or (with DATABASE_URL) on PostgreSQL, attacked over HTTP as an outsider would. It counts
// requests, operations covered, 5xx, leaks and forged tokens accepted, prints them, and fails on
// any 5xx, leak or forged token accepted (and on missing security headers or a throttle bypassed).

const PASSWORD = 'attack-suite demo password';
const SEED = Number(process.env.ATTACK_SEED ?? 20261207);

describe('attacking the started server over HTTP', () => {
  let server: RunningServer;
  let http: AttackClient;
  let doc: OpenApiDoc;
  let world: AttackWorld;
  const figures: Figures = newFigures();
  const r = randomSource(SEED);
  const sees: Record<string, Harvest> = {};
  let realJwk: Awaited<ReturnType<typeof exportJWK>>;

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    realJwk = { ...(await exportJWK(privateKey)), kid: 'attack-suite' };
    server = await startServer({
      DEMO_PASSWORD: PASSWORD,
      JWT_PRIVATE_JWK: JSON.stringify(realJwk),
      // the suite plays the one reverse proxy in front of the server
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
    });
    http = new AttackClient(server.url, figures);
    doc = (await http.send('GET', '/api/openapi.json')).body;
    world = await buildAttackWorld(http, PASSWORD);
  }, 240_000);

  afterAll(async () => {
    const ops = doc ? operationsOf(doc) : [];
    const covered = ops.filter((o) => figures.covered.has(o.key)).length;
    const logged = server
      ? server
          .output()
          .split('\n')
          .filter((l) => /"level":(50|60)/.test(l)).length
      : 0;
    console.log(
      [
        '',
        `attack suite on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} (seed ${SEED})`,
        `  requests:                ${figures.requests}`,
        `  operations covered:      ${covered} of ${ops.length}`,
        `  5xx:                     ${figures.serverErrors.length}`,
        `  leaks:                   ${figures.leaks.length}`,
        `  forged tokens accepted:  ${figures.forgedAccepted.length}`,
        `  missing security headers: ${figures.missingHeaders.length}`,
        `  other failures:          ${figures.failures.length}`,
        `  errors the server logged: ${logged}`,
        `  operations not reached:  ${
          ops
            .filter((o) => !figures.covered.has(o.key))
            .map((o) => o.key)
            .join(', ') || 'none'
        }`,
        ...[
          ...figures.serverErrors,
          ...figures.leaks,
          ...figures.forgedAccepted,
          ...figures.missingHeaders,
          ...figures.failures,
        ]
          .slice(0, 40)
          .map((line) => `    ${line}`),
        '',
      ].join('\n'),
    );
    await server?.stop();
  }, 60_000);

  it('accepts no forged, altered, expired or revoked token', async () => {
    const tried = await tokenAttacks(http, { realJwk, email: DEMO.officer, password: PASSWORD });
    expect(tried).toBeGreaterThan(20);
    expect(figures.forgedAccepted).toEqual([]);
  }, 120_000);

  it('throttles concurrent and rotated guessing, and keeps the owner able to sign in', async () => {
    await signInAttacks(http, { email: DEMO.manager, password: PASSWORD });
    expect(figures.failures).toEqual([]);
  }, 180_000);

  it('answers a foreign id, in a path or a body, exactly like an unknown one', async () => {
    const owners = ['admin', 'officer', 'contractor', 'subcontractor', 'nerimaOfficer', 'nerimaCompany'];
    for (const who of owners) sees[who] = await harvest(http, doc, world.tokens[who]!);
    const universe = owners.map((who) => sees[who]!);
    // other wards' staff and company, and companies of the same ward as their victims
    for (const who of [
      'nerimaOfficer',
      'nerimaManager',
      'nerimaCompany',
      'otherContractor',
      'subcontractor',
    ]) {
      sees[who] ??= await harvest(http, doc, world.tokens[who]!);
      const attacker = { name: who, token: world.tokens[who]!, sees: sees[who]! };
      await sweepPathIds(http, doc, attacker, universe, r);
      await sweepBodyIds(http, doc, attacker, universe, r);
    }
    expect(figures.leaks).toEqual([]);
  }, 600_000);

  it('answers hostile bodies, transport and queries without a 5xx', async () => {
    const callers = ['admin', 'officer', 'contractor'].map((who) => ({
      token: world.tokens[who]!,
      sees: sees[who]!,
    }));
    await bodyAttacks(http, doc, callers, r);
    await transportAttacks(http, operationsOf(doc), world.tokens.officer!);
    for (const caller of callers) await queryAttacks(http, doc, caller, r);
    expect(figures.serverErrors).toEqual([]);
    expect(figures.failures).toEqual([]);
  }, 600_000);

  it('sends the security headers on every answer, pages and API alike', async () => {
    for (const path of [
      '/',
      '/api/docs',
      '/api/openapi.json',
      '/assets/app.css',
      '/no-such-page',
      '/api/v1/none',
      '/contracts',
    ]) {
      await http.send('GET', path);
    }
    expect(figures.missingHeaders).toEqual([]);
    expect(figures.serverErrors).toEqual([]);
  });
});
