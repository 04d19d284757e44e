import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      databaseUrl: undefined,
      seedDemoData: true,
      cookieSecure: false,
    });
    expect(c.dataDir).toMatch(/\.data$/);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('never seeds demo data in production and uses secure cookies there', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      LANTERN_DEMO_DATA: 'true',
      SECOND_FACTOR_KEY: 'k'.repeat(32),
    });
    expect(c.seedDemoData).toBe(false);
    expect(c.cookieSecure).toBe(true);
  });

  it('needs SECOND_FACTOR_KEY in production, of at least 32 characters; elsewhere a development key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SECOND_FACTOR_KEY must be set in production/,
    );
    expect(() => loadConfig({ SECOND_FACTOR_KEY: 'short' })).toThrow(/SECOND_FACTOR_KEY must be at least 32/);
    const dev = loadConfig({});
    expect(dev.secondFactorKey).toHaveLength(32);
    const prod = loadConfig({ NODE_ENV: 'production', SECOND_FACTOR_KEY: 'x'.repeat(40) });
    expect(prod.secondFactorKey.equals(dev.secondFactorKey)).toBe(false);
  });

  it('names every invalid variable', () => {
    try {
      loadConfig({
        PORT: '70000',
        SMTP_URL: 'http://mail',
        RATE_LIMIT_LOGIN_PER_MINUTE: '-1',
        TRUST_PROXY: 'maybe',
      });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT must be a whole number from 1 to 65535/m);
      expect(problems).toMatch(/^SMTP_URL must be a URL starting with smtp: or smtps:/m);
      expect(problems).toMatch(/^RATE_LIMIT_LOGIN_PER_MINUTE/m);
      expect(problems).toMatch(/^TRUST_PROXY must be true or false/m);
    }
  });

  it('honours LANTERN_DATA_DIR and PUBLIC_URL', () => {
    const c = loadConfig({
      LANTERN_DATA_DIR: '/var/lib/lantern',
      PUBLIC_URL: 'https://lantern.example.org/',
    });
    expect(c.dataDir).toBe('/var/lib/lantern');
    expect(c.publicUrl).toBe('https://lantern.example.org');
  });
});
