import { randomBytes } from 'node:crypto';
import {
  decryptSecret,
  encryptSecret,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  qrSvg,
  recoveryCodeHash,
  totpCode,
} from './totp';

describe('TOTP helpers', () => {
  const secret = newTotpSecret();

  it('accepts the code of now and one step either side, and tells which step matched', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 10);
    const step = Math.floor(now / 30_000);
    expect(matchTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    const spaced = totpCode(secret, now).replace(/^(\d{3})/, '$1 ');
    expect(matchTotp(secret, spaced, now)).toBe(step);
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('encrypts secrets with AES-256-GCM and refuses a changed byte or another key', () => {
    const key = randomBytes(32);
    const stored = encryptSecret(key, secret);
    expect(stored).not.toContain(secret);
    expect(decryptSecret(key, stored)).toBe(secret);
    expect(() => decryptSecret(randomBytes(32), stored)).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('x'.repeat(20)).toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'))).toThrow();
  });

  it('makes ten distinct recovery codes shown as xxxxx-xxxxx, hashed per person', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const key = randomBytes(32);
    const a = recoveryCodeHash(key, 'user-a', codes[0]!);
    expect(recoveryCodeHash(key, 'user-a', codes[0]!.toUpperCase().replace('-', ' '))).toBe(a);
    expect(recoveryCodeHash(key, 'user-b', codes[0]!)).not.toBe(a);
  });

  it('renders the otpauth URL as an SVG QR code', async () => {
    const url = otpauthUrl(secret, 'senco@example.org');
    expect(url).toMatch(/^otpauth:\/\/totp\/Lantern:senco%40example\.org\?/);
    expect(url).toContain(`secret=${secret}`);
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg[^>]+viewBox/);
  });
});
