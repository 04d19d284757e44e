import { SESSION_COOKIE } from '@lantern/shared-domain';
import { sessionTokenFromCookie } from './handshake';

describe('sessionTokenFromCookie (socket handshake)', () => {
  it('finds the session cookie among others, whatever the order and spacing', () => {
    expect(sessionTokenFromCookie(`theme=dark; ${SESSION_COOKIE}=abc123;other=1`)).toBe('abc123');
    expect(sessionTokenFromCookie(`${SESSION_COOKIE}=tok%2Fen`)).toBe('tok/en');
  });

  it('gives no token without the cookie, with an empty one or a look-alike name', () => {
    expect(sessionTokenFromCookie(undefined)).toBeNull();
    expect(sessionTokenFromCookie('')).toBeNull();
    expect(sessionTokenFromCookie('theme=dark')).toBeNull();
    expect(sessionTokenFromCookie(`${SESSION_COOKIE}=`)).toBeNull();
    expect(sessionTokenFromCookie(`x${SESSION_COOKIE}=abc; ${SESSION_COOKIE}x=def`)).toBeNull();
  });

  it('uses the first of two session cookies (the most specific path, as browsers send it)', () => {
    expect(sessionTokenFromCookie(`${SESSION_COOKIE}=first; ${SESSION_COOKIE}=second`)).toBe('first');
  });
});
