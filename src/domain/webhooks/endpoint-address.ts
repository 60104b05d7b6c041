import type { Message } from '../shared/errors.js';

/** How endpoints may be reached: chosen by each entry (Node, Worker), not inside the domain. */
export interface WebhookSettings {
  /** WEBHOOK_ALLOW_PRIVATE=1: a receiver on a private or loopback address, over http too (tests, demo). */
  allowPrivate: boolean;
  /** The host's addresses (Node: DNS); absent (Worker), only literal addresses are checked. */
  resolveHost?: (host: string) => Promise<string[]>;
  /** The app's public address, prefixed to a record's page in a payload (PUBLIC_BASE_URL). */
  publicBaseUrl?: string;
  /** Delivers queued webhooks soon after a commit (Node); absent, the scheduler's tick does. */
  deliverSoon?: () => void;
}

function ipv4Private(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Loopback, private, link-local, shared, multicast or unspecified: not the internet. */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (IPV4.test(a)) return ipv4Private(a);
  if (!a.includes(':')) return false;
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(a);
  if (mapped) return ipv4Private(mapped[1]!);
  if (a.startsWith('::ffff:')) return true; // a mapped address in hex form: refuse rather than decode
  return (
    a === '::' ||
    a === '::1' ||
    /^f[cd]/.test(a) || // unique local fc00::/7
    /^fe[89ab]/.test(a) || // link-local fe80::/10
    a.startsWith('ff') // multicast
  );
}

const refusal = (en: string, ja: string): Message => ({ en, ja });

/**
 * Why an endpoint's address is refused, or null: https only (http and private addresses only with
 * WEBHOOK_ALLOW_PRIVATE=1), no credentials in it, and no host that is or resolves to a loopback or
 * private address — a webhook must not become a way to reach the servers' own network.
 */
export async function refuseEndpointUrl(raw: string, settings: WebhookSettings): Promise<Message | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refusal('Not a URL', 'URL の形式ではありません');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && settings.allowPrivate))
    return refusal('The endpoint must use https', '送信先は https で始まる URL にしてください');
  if (url.username || url.password)
    return refusal(
      'The URL may not carry a user name or password',
      'URL に利用者名やパスワードを含めないでください',
    );
  if (settings.allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local = host === 'localhost' || host.endsWith('.localhost');
  let addresses: string[];
  try {
    addresses = IPV4.test(host) || host.includes(':') ? [host] : ((await settings.resolveHost?.(host)) ?? []);
  } catch {
    return refusal('The host name does not resolve', 'ホスト名を解決できません');
  }
  if (local || addresses.some(isPrivateAddress))
    return refusal(
      'The endpoint is on a loopback or private address',
      '送信先がループバック又はプライベートアドレスです',
    );
  return null;
}
