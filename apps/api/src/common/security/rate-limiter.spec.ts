import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit per window, then says how long to wait, then allows again', () => {
    let now = 0;
    const r = new RateLimiter(2, 60_000, () => now);
    expect(r.hit('a')).toBe(0);
    expect(r.hit('a')).toBe(0);
    expect(r.hit('a')).toBe(60);
    expect(r.hit('b')).toBe(0);
    now = 30_000;
    expect(r.hit('a')).toBe(30);
    now = 60_000;
    expect(r.hit('a')).toBe(0);
  });
});
