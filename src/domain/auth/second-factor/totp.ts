import { Secret, TOTP } from 'otpauth';

// TOTP (RFC 6238) as every authenticator app knows it: SHA-1, six digits, 30-second steps. The
// otpauth library computes the HMAC in JavaScript, so this runs on Workers as on Node.

const ISSUER = 'Privacy-Governance';
const PERIOD_SECONDS = 30;

function totp(secret: string, label = '') {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/**
 * The time step of `code` if it is the code of `secret` now (one step of clock drift either way
 * is allowed) and later than `lastStep`, the step last accepted: a code is never accepted twice.
 */
export function acceptedStep(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const timestamp = now.getTime();
  const delta = totp(secret).validate({ token: code, timestamp, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The current code of a secret (for tests and the demo). */
export function currentCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
