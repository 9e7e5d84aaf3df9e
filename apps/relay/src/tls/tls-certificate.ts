import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import { SettingError } from '../config-setting.js';

/** The PEM files the relay serves HTTPS and WSS with (`--tls-cert`, `--tls-key`). */
export interface TlsFiles {
  /** The certificate, followed by its intermediates (a full chain, as ACME clients write it). */
  readonly certFile: string;
  /** Its private key, unencrypted. */
  readonly keyFile: string;
}

/** TLS 1.0 and 1.1 are refused (ANSSI, RFC 8996). */
export const MIN_TLS_VERSION = 'TLSv1.2';

/** What the relay logs of a certificate: never the key, nor the certificate's bytes. */
export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly validTo: string;
  /** SHA-256 of the leaf certificate, colon-separated hex, as `openssl x509 -fingerprint -sha256` prints it. */
  readonly fingerprint256: string;
  readonly expired: boolean;
}

export interface TlsMaterial {
  /** For `https.createServer` and `server.setSecureContext`. */
  readonly options: SecureContextOptions;
  readonly summary: CertificateSummary;
}

/** Both files or neither: a certificate without its key (or the reverse) is a mistake, not plain HTTP. */
export function tlsFiles(certFile: string | undefined, keyFile: string | undefined): TlsFiles | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined)
    throw new SettingError('tls-cert', 'a TLS key was given without its certificate: set --tls-cert (CONTACT_DESK_TLS_CERT) too');
  if (keyFile === undefined)
    throw new SettingError('tls-key', 'a TLS certificate was given without its key: set --tls-key (CONTACT_DESK_TLS_KEY) too');
  return { certFile: resolve(certFile), keyFile: resolve(keyFile) };
}

function readPem(file: string, what: 'tls-cert' | 'tls-key'): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SettingError(what, `the TLS ${what === 'tls-cert' ? 'certificate' : 'key'} ${file} cannot be read (${reason})`);
  }
}

function parseKey(pem: Buffer, file: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    const encrypted = /passphrase|encrypted/i.test((error as Error).message) || pem.includes('ENCRYPTED');
    throw new SettingError(
      'tls-key',
      encrypted ? `the TLS key ${file} is encrypted with a passphrase, which the relay cannot enter` : `${file} holds no PEM private key`,
    );
  }
}

/**
 * Reads and checks the certificate and key: each parses, the key is the certificate's, and
 * OpenSSL takes them together. Throws a `SettingError` naming the file at fault.
 */
export function loadTls(files: TlsFiles, now = Date.now()): TlsMaterial {
  const cert = readPem(files.certFile, 'tls-cert');
  const key = readPem(files.keyFile, 'tls-key');
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(cert);
  } catch {
    throw new SettingError('tls-cert', `${files.certFile} holds no PEM certificate`);
  }
  if (!leaf.checkPrivateKey(parseKey(key, files.keyFile))) {
    throw new SettingError('tls-key', `the TLS key ${files.keyFile} is not the key of the certificate ${files.certFile}`);
  }
  const options: SecureContextOptions = { cert, key, minVersion: MIN_TLS_VERSION };
  try {
    createSecureContext(options);
  } catch (error) {
    throw new SettingError('tls-cert', `OpenSSL refused ${files.certFile} with its key: ${(error as Error).message}`);
  }
  return {
    options,
    summary: {
      subject: leaf.subject.replaceAll('\n', ', '),
      issuer: leaf.issuer.replaceAll('\n', ', '),
      validTo: new Date(leaf.validTo).toISOString(),
      fingerprint256: leaf.fingerprint256,
      expired: new Date(leaf.validTo).getTime() < now,
    },
  };
}
