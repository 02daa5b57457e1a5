import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateTls, serialNumber } from '../sim/ca';

describe("the simulated cloud's certificates", () => {
  it('have serial numbers OpenSSL accepts: positive, minimal DER, 16 bytes, whatever the random bytes', () => {
    // Every possible first byte, including those that made an earlier version write "illegal padding".
    for (let first = 0; first < 256; first++) {
      const serial = serialNumber((count) => String.fromCharCode(first) + '\u00ab'.repeat(count - 1));
      expect(serial).toMatch(/^[1-7][0-9a-f]{31}$/);
    }
  });

  it('parse as a CA and a leaf it issued for 127.0.0.1', () => {
    const tls = generateTls();
    const ca = new X509Certificate(tls.caPem);
    const leaf = new X509Certificate(tls.certPem);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(ca.ca).toBe(true);
  });
});
