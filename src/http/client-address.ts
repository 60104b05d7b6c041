// The client's address behind reverse proxies, found as Express's `trust proxy = <hops>` finds it.
// Each proxy appends the address it received the request from to X-Forwarded-For, so only the
// right-most <hops> entries were written by proxies we run; whatever is left of them came from
// the client and may be anything. Reading from the right, the socket's peer (our nearest proxy)
// and the <hops - 1> entries after it are trusted proxies; the next one is the client.

/** IPv4 or IPv6 as proxies write them; anything else is not an address a proxy of ours wrote. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:.]{2,45})$/;

/**
 * @param socketAddress the peer of the TCP connection
 * @param forwardedFor the X-Forwarded-For header as received
 * @param trustedHops how many proxies in front of the server append to X-Forwarded-For (0: none)
 */
export function clientAddress(
  socketAddress: string | null,
  forwardedFor: string | undefined,
  trustedHops: number,
): string | null {
  if (trustedHops <= 0 || !forwardedFor) return socketAddress;
  const hops = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .reverse();
  // [socket peer, right-most entry, …, left-most entry]: the first untrusted one is the client;
  // with fewer entries than trusted hops, the left-most (the furthest a proxy of ours saw).
  const chain = [socketAddress, ...hops];
  const index = Math.min(trustedHops, chain.length - 1);
  for (let i = index; i > 0; i--) {
    // An entry that is no address cannot have been written by a proxy of ours: take the one
    // that reported it instead.
    if (ADDRESS.test(chain[i] ?? '')) return chain[i]!;
  }
  return socketAddress;
}

/**
 * TRUST_PROXY: the number of proxy hops to trust. `true` (what it used to take) means one proxy,
 * the common case; `false` or nothing means none: the socket's peer is the client.
 */
export function parseTrustedHops(value: string | undefined): number {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be a number of proxy hops (0-10), or true/false; got ${value}`);
  }
  return hops;
}
