import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import { toString as qrToString } from 'qrcode';
import { SECOND_FACTOR, normaliseRecoveryCode, normaliseTotpCode } from '@lantern/shared-domain';

/**
 * TOTP (otplib: RFC 6238, SHA-1, 6 digits, 30 s, as authenticator apps expect), the QR code of the
 * otpauth:// URL (qrcode, rendered here as SVG: nothing leaves the server), secrets encrypted at
 * rest with AES-256-GCM, and recovery codes kept only as an HMAC.
 */

const TOLERANCE_SECONDS = SECOND_FACTOR.window * SECOND_FACTOR.periodSeconds;

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUrl(secret: string, accountName: string): string {
  return generateURI({
    issuer: SECOND_FACTOR.issuer,
    label: accountName,
    secret,
    digits: SECOND_FACTOR.digits,
    period: SECOND_FACTOR.periodSeconds,
  });
}

export function qrSvg(url: string): Promise<string> {
  return qrToString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The code for `atMs` (demo tooling and tests). */
export function totpCode(secret: string, atMs: number = Date.now()): string {
  return generateSync({
    secret,
    digits: SECOND_FACTOR.digits,
    period: SECOND_FACTOR.periodSeconds,
    epoch: Math.floor(atMs / 1000),
  });
}

/** The time step a typed code matches (one step either side of now), or null when it matches none. */
export function matchTotp(secret: string, typed: string, atMs: number = Date.now()): number | null {
  const token = normaliseTotpCode(typed);
  if (!new RegExp(`^\\d{${SECOND_FACTOR.digits}}$`).test(token)) return null;
  const r = verifySync({
    secret,
    token,
    digits: SECOND_FACTOR.digits,
    period: SECOND_FACTOR.periodSeconds,
    epoch: Math.floor(atMs / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  // A TOTP result carries the matched time step (the union type also covers HOTP's).
  return r.valid && 'timeStep' in r ? r.timeStep : null;
}

/** AES-256-GCM: iv.tag.ciphertext, base64url each, so a changed byte is refused, never misread. */
export function encryptSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown second-factor secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Letters and digits that cannot be mistaken for each other (no 0/o, 1/l/i). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of ten characters (about 49 bits each), shown as xxxxx-xxxxx. */
export function newRecoveryCodes(count: number = SECOND_FACTOR.recoveryCodeCount): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** What is stored of a recovery code: an HMAC under the server's key, bound to its owner. */
export function recoveryCodeHash(key: Buffer, userId: string, code: string): string {
  return createHmac('sha256', key)
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}
