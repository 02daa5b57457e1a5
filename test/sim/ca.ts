import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import forge from 'node-forge';

export interface SimTls {
  caPem: string;
  certPem: string;
  keyPem: string;
  /** base64 sha256 of the leaf's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  spkiHash: string;
}

// Node generates the RSA keys natively; forge only builds and signs the certificates (fast).
function rsaKeyPair(): { privatePem: string; publicPem: string; spkiDer: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    spkiDer: publicKey.export({ type: 'spki', format: 'der' }),
  };
}

/**
 * A 16-byte positive serial number in minimal DER form (RFC 5280 §4.1.2.2): the first byte is
 * 0x10–0x7f, so the INTEGER needs no leading zero and has none. (A leading 0x00 before a byte
 * below 0x80 is "illegal padding" to OpenSSL, which then refuses the whole certificate.)
 */
export function serialNumber(random: (count: number) => string = forge.random.getBytesSync): string {
  const bytes = random(16).split('');
  bytes[0] = String.fromCharCode(0x10 + (bytes[0]!.charCodeAt(0) % 0x70));
  return forge.util.bytesToHex(bytes.join(''));
}

export function generateTls(): SimTls {
  const now = new Date();
  const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000);
  const notBefore = new Date(now.getTime() - 5 * 60 * 1000);

  const caKeys = rsaKeyPair();
  const caKey = forge.pki.privateKeyFromPem(caKeys.privatePem);
  const ca = forge.pki.createCertificate();
  ca.publicKey = forge.pki.publicKeyFromPem(caKeys.publicPem);
  ca.serialNumber = serialNumber();
  ca.validity.notBefore = notBefore;
  ca.validity.notAfter = tomorrow;
  const caSubject = [{ name: 'commonName', value: 'SAM Desk Simulated Cloud CA' }];
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKey, forge.md.sha256.create());

  const leafKeys = rsaKeyPair();
  const leaf = forge.pki.createCertificate();
  leaf.publicKey = forge.pki.publicKeyFromPem(leafKeys.publicPem);
  leaf.serialNumber = serialNumber();
  leaf.validity.notBefore = notBefore;
  leaf.validity.notAfter = tomorrow;
  leaf.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  leaf.setIssuer(caSubject);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leaf.sign(caKey, forge.md.sha256.create());

  const tls = {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(leaf),
    keyPem: leafKeys.privatePem,
    spkiHash: createHash('sha256').update(leafKeys.spkiDer).digest('base64'),
  };
  // What OpenSSL will refuse later (in a client's trust store, or in the server) is refused here, plainly.
  const caCertificate = new X509Certificate(tls.caPem);
  if (!new X509Certificate(tls.certPem).checkIssued(caCertificate)) throw new Error('The simulator made a certificate its own CA did not issue.');
  createSecureContext({ key: tls.keyPem, cert: tls.certPem, ca: tls.caPem });
  return tls;
}
