import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedHops } from './client-address.js';

describe('the client address behind trusted proxies', () => {
  const cases: Array<[string | undefined, number, string | null]> = [
    // no proxy trusted: the socket's peer, whatever the header says
    ['203.0.113.9', 0, '10.0.0.1'],
    [undefined, 1, '10.0.0.1'],
    // one proxy: the entry it appended, not what the client wrote to its left
    ['203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6, 203.0.113.9', 1, '203.0.113.9'],
    ['1.1.1.1, 6.6.6.6 , 203.0.113.9', 1, '203.0.113.9'],
    // two proxies (a load balancer behind a CDN): the second from the right
    ['6.6.6.6, 198.51.100.7, 203.0.113.9', 2, '198.51.100.7'],
    // fewer entries than trusted hops: the left-most there is
    ['203.0.113.9', 3, '203.0.113.9'],
    // IPv6
    ['2001:db8::1', 1, '2001:db8::1'],
    // garbage where a proxy of ours should have written an address: the proxy that reported it
    ['6.6.6.6, <script>', 1, '10.0.0.1'],
    ['6.6.6.6, not an address, 203.0.113.9', 2, '203.0.113.9'],
  ];
  it.each(cases)('X-Forwarded-For %s with %i trusted hop(s) → %s', (header, hops, expected) => {
    expect(clientAddress('10.0.0.1', header, hops)).toBe(expected);
  });

  it('reads TRUST_PROXY as a number of hops; true is one hop', () => {
    expect(parseTrustedHops(undefined)).toBe(0);
    expect(parseTrustedHops('false')).toBe(0);
    expect(parseTrustedHops('true')).toBe(1);
    expect(parseTrustedHops('2')).toBe(2);
    expect(() => parseTrustedHops('yes')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustedHops('-1')).toThrow(/TRUST_PROXY/);
  });
});
