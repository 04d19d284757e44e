import { z } from 'zod';
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const positiveInt = (fallback: number, max = 1_000_000) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from 1 to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const url = (protocols: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      try {
        const u = new URL(v);
        if (!protocols.includes(u.protocol)) throw new Error('protocol');
        return v;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be a URL starting with ${protocols.join(' or ')}//` });
        return z.NEVER;
      }
    });

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'must be development, test or production' })
    .default('development'),
  PORT: positiveInt(3000, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  LANTERN_DATA_DIR: z.string().min(1).default('.data'),
  PUBLIC_URL: url(['http:', 'https:']),
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().min(3).default('Lantern <no-reply@lantern.invalid>'),
  REDIS_URL: url(['redis:', 'rediss:']),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,40}$/, { message: 'must be 1 to 40 letters, digits, _ : or -' })
    .default('lantern'),
  TRUST_PROXY: bool(false),
  COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'], { message: 'must be true, false or auto' })
    .default('auto'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt(10),
  RATE_LIMIT_MUTATIONS_PER_MINUTE: positiveInt(120),
  DB_CONNECT_TIMEOUT_MS: positiveInt(30_000, 600_000),
  DB_POOL_MAX: positiveInt(10, 100),
  LANTERN_JOBS: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  UPLOAD_MAX_BYTES: positiveInt(20 * 1024 * 1024, 1024 * 1024 * 1024),
  LANTERN_DEMO_DATA: bool(true),
  WEB_DIST_DIR: z.string().optional(),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const list = (v ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const o of list) {
        try {
          if (new URL(o).origin !== o) throw new Error('not an origin');
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: `must be a comma-separated list of origins like https://lantern.example.org (got ${o})`,
          });
          return z.NEVER;
        }
      }
      return list;
    }),
  SECOND_FACTOR_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v.length >= 32, {
      message: 'must be at least 32 characters (e.g. openssl rand -base64 32)',
    }),
  DIGEST_HOUR_UTC: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 7;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 23) {
        ctx.addIssue({ code: 'custom', message: 'must be an hour from 0 to 23' });
        return z.NEVER;
      }
      return n;
    }),
});

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  redisUrl: string | undefined;
  /** Prefix of every Redis key (processes of one deployment share it). */
  redisKeyPrefix: string;
  trustProxy: boolean;
  cookieSecure: boolean;
  logLevel: string;
  rateLimit: { loginPerMinute: number; mutationsPerMinute: number };
  dbConnectTimeoutMs: number;
  /** Connections to a PostgreSQL server (the embedded database always has one). */
  dbPoolMax: number;
  /** Run the job runner (scheduled and delayed jobs); default on, off under NODE_ENV=test. */
  jobsEnabled: boolean;
  /** Largest file accepted by POST /files, in bytes (refused while streaming, nothing stored). */
  uploadMaxBytes: number;
  /** Seed demo data into an empty database (never in production). */
  seedDemoData: boolean;
  webDistDir: string | undefined;
  /** Origins allowed to open a socket (the public URL and localhost on the port are always allowed). */
  allowedOrigins: string[];
  /** Hour (UTC) at which the daily notification digest is sent. */
  digestHourUtc: number;
  /**
   * 32 bytes that encrypt second-factor secrets at rest (AES-256-GCM) and key the recovery codes'
   * HMAC: the SHA-256 of SECOND_FACTOR_KEY. Required in production; elsewhere a fixed development key.
   */
  secondFactorKey: Buffer;
}

/** The key outside production when SECOND_FACTOR_KEY is not set (the demo's seeded secrets use it). */
export const DEVELOPMENT_SECOND_FACTOR_KEY = 'lantern-development-only-second-factor-key';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lantern cannot start: configuration is invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Read and validate configuration once. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${String(i.path[0])} ${i.message} (got ${JSON.stringify(env[String(i.path[0])] ?? '')})`,
      ),
    );
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.SECOND_FACTOR_KEY) {
    throw new ConfigError([
      'SECOND_FACTOR_KEY must be set in production: at least 32 random characters that encrypt second-factor secrets (e.g. openssl rand -base64 32). Keep it: changing it makes every enrolled authenticator unusable.',
    ]);
  }
  const dataDir = isAbsolute(e.LANTERN_DATA_DIR)
    ? e.LANTERN_DATA_DIR
    : resolve(process.cwd(), e.LANTERN_DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? isProduction : e.COOKIE_SECURE === 'true',
    logLevel: e.LOG_LEVEL,
    rateLimit: {
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      mutationsPerMinute: e.RATE_LIMIT_MUTATIONS_PER_MINUTE,
    },
    dbConnectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
    dbPoolMax: e.DB_POOL_MAX,
    jobsEnabled: e.LANTERN_JOBS === undefined ? e.NODE_ENV !== 'test' : e.LANTERN_JOBS === 'true',
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    seedDemoData: !isProduction && e.LANTERN_DEMO_DATA,
    webDistDir: e.WEB_DIST_DIR,
    allowedOrigins: [
      ...new Set([
        new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin,
        `http://localhost:${e.PORT}`,
        `http://127.0.0.1:${e.PORT}`,
        ...e.ALLOWED_ORIGINS,
      ]),
    ],
    digestHourUtc: e.DIGEST_HOUR_UTC,
    secondFactorKey: createHash('sha256')
      .update(e.SECOND_FACTOR_KEY || DEVELOPMENT_SECOND_FACTOR_KEY)
      .digest(),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
