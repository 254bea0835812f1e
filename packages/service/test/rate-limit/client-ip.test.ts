import { describe, expect, it } from 'vitest';
import { ipBucket } from '../../src/api/client-ip.ts';

describe('per-IP buckets', () => {
  it('counts IPv4 (also IPv4-mapped IPv6) per address and IPv6 per /64', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('2001:db8:85a3:0042:1000:8a2e:0370:7334')).toBe('2001:db8:85a3:42::/64');
    expect(ipBucket('2001:db8:85a3:42::1')).toBe('2001:db8:85a3:42::/64');
    expect(ipBucket('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
  });
});
