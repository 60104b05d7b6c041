// Signing as the Standard Webhooks specification does (standardwebhooks.com): the secret is
// `whsec_` and base64 of random bytes; the signed content is `<webhook-id>.<webhook-timestamp>.<body>`;
// `webhook-signature` is `v1,<base64 HMAC-SHA256>`, several separated by spaces while a rotated
// secret is still honoured. Web Crypto only, so the Worker signs alike.

const SECRET_PREFIX = 'whsec_';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A new endpoint secret: 24 random bytes, shown once to whoever registers or rotates it. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(24)));
}

async function hmac(secret: string, content: string): Promise<string> {
  const raw = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(raw),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(content));
  return toBase64(new Uint8Array(mac));
}

/** The `webhook-signature` header's value for one message, signed with every secret given. */
export async function signWebhook(
  secrets: readonly string[],
  message: { id: string; timestamp: number; body: string },
): Promise<string> {
  const content = `${message.id}.${message.timestamp}.${message.body}`;
  const signatures = await Promise.all(secrets.map(async (s) => `v1,${await hmac(s, content)}`));
  return signatures.join(' ');
}

/**
 * What a receiver does (and the tests do): recompute the signature with its secret and accept the
 * message when one of the header's v1 signatures matches and the timestamp is within tolerance.
 */
export async function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  options: { now: Date; toleranceSeconds?: number },
): Promise<boolean> {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp)) return false;
  const skew = Math.abs(options.now.getTime() / 1000 - timestamp);
  if (skew > (options.toleranceSeconds ?? 300)) return false;
  const expected = await hmac(secret, `${headers.id}.${timestamp}.${body}`);
  return headers.signature
    .split(' ')
    .some((s) => s.startsWith('v1,') && constantTimeEqual(s.slice(3), expected));
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
