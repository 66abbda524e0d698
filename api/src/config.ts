import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** An http(s) URL whose host is this machine: 127.0.0.0/8, ::1 or localhost. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
    // Connections the API keeps to PostgreSQL (DATABASE_URL); the embedded engine has one session.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().default(path.join(projectRoot, 'data')),
    JWT_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional()),
    // Checked like a login e-mail: an admin created with an address login refuses could never log in.
    ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email('ADMIN_EMAIL must be an e-mail address').optional()),
    ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').optional()),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    INVALID_TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    VEILEDER_DEFAULT_CAPACITY: z.coerce.number().int().min(1).max(50).default(4),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    // On SIGTERM: answer (not ready, connection: close) this long before no longer listening.
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(2_000),
    // An in-flight Idempotency-Key whose request holds no lock is taken over once it is this old:
    // younger, it may belong to a request that has not yet begun its transaction.
    IDEMPOTENCY_CLAIM_GRACE_SECONDS: z.coerce.number().int().min(0).default(10),
    // The job queue (pg-boss, in PostgreSQL or the embedded engine): webhook deliveries. Off, no
    // instance delivers (tests that do not deliver turn it off).
    JOBS_ENABLED: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
    // Plain http to 127.0.0.1/::1/localhost for webhooks, for a receiver on a developer's machine.
    WEBHOOK_ALLOW_HTTP_LOOPBACK: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    // A subscription whose deliveries have failed this long is disabled.
    WEBHOOK_RETRY_HOURS: z.coerce.number().min(0.0001).max(24 * 7).default(24),
    // The first retry of a failed delivery waits this long; each next one twice as long, up to an hour.
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5_000),
    // How often each instance looks for subscriptions with events to deliver.
    WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
    // The weekly digest of the worklist, by e-mail to office users who ask for it: sent only when
    // SMTP_URL is set (smtp://user:pass@host:587, smtps://… for TLS from the start).
    SMTP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
    MAIL_FROM: z.string().min(3).default('ALIS-registeret <ikke-svar@alis-registeret.no>'),
    // The admin app's address, for the links in e-mails.
    APP_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    // The hour (Norwegian time) on Monday from which the week's digest goes out.
    DIGEST_DUE_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    // How often each instance looks for digests to make and send.
    DIGEST_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50).default(60_000),
    // A failed send is retried after this long, then twice as long each time, up to an hour ...
    DIGEST_RETRY_BASE_MS: z.coerce.number().int().min(10).default(60_000),
    // ... this many attempts in all, then the digest is marked failed.
    DIGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    ADMIN_UI_DIR: z.string().default(path.join(projectRoot, 'admin-ui', 'dist')),
    MIGRATIONS_DIR: z.string().default(path.join(projectRoot, 'migrations')),
    SEED_DIR: z.string().default(path.join(projectRoot, 'seed')),
    // An active agreement's individual education plan should be approved this many months after its
    // start (warning `no_education_plan`), and reviewed at least this often (`education_plan_review_due`).
    EDUCATION_PLAN_DUE_MONTHS: z.coerce.number().int().min(0).max(60).default(3),
    EDUCATION_PLAN_REVIEW_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
    // Access tokens from Maskinporten (or another issuer of the same shape): all four together, or none.
    MASKINPORTEN_ISSUER: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
    MASKINPORTEN_JWKS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    MASKINPORTEN_AUDIENCE: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
    MASKINPORTEN_SCOPE_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^\S{1,200}$/, 'MASKINPORTEN_SCOPE_PREFIX has no spaces').optional()),
    // Plain http to a loopback JWKS (127.0.0.1, ::1, localhost): a test or a developer's stand-in issuer.
    MASKINPORTEN_ALLOW_HTTP_LOOPBACK: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    // Leeway on exp and nbf for clocks that differ a little.
    MASKINPORTEN_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    // A token with a key id the cached key set lacks fetches the set again, at most this often.
    MASKINPORTEN_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    // Where clients reach the API (scheme, host, port, no path): the OpenAPI document's server.
    PUBLIC_BASE_URL: z
      .url({ protocol: /^https?$/, message: 'PUBLIC_BASE_URL must be an http(s) URL such as https://alis.example.no' })
      .default('http://localhost:3000')
      .transform((value) => value.replace(/\/+$/, '')),
    // Reports: counts about people from 1 to this − 1 are suppressed for the directorate (and on request).
    // At least 3: with 2, every suppressed count would be 1.
    DISCLOSURE_THRESHOLD: z.coerce.number().int().min(3).max(100).default(5),
    // Computed reports kept in each instance's memory (per report, parameters, scope and data version).
    REPORT_CACHE_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(500),
    // And the memory they may take, in MB (each of the two caches: reports, worklists).
    REPORT_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(16),
    // Pages of the agreements, doctors, supervisors, municipalities and grant applications lists kept in each
    // instance's memory while the data version holds (per caller's scope, query and day), in MB; 0 computes
    // every page.
    PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(16),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'JWT_SECRET is required when DATABASE_URL is set (at least 32 random characters)',
      });
    }
    const maskinporten = [env.MASKINPORTEN_ISSUER, env.MASKINPORTEN_JWKS_URL, env.MASKINPORTEN_AUDIENCE, env.MASKINPORTEN_SCOPE_PREFIX];
    if (maskinporten.some(Boolean) && !maskinporten.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MASKINPORTEN_ISSUER'],
        message: 'set MASKINPORTEN_ISSUER, MASKINPORTEN_JWKS_URL, MASKINPORTEN_AUDIENCE and MASKINPORTEN_SCOPE_PREFIX together',
      });
    }
    if (env.MASKINPORTEN_JWKS_URL?.startsWith('http:') && !(env.MASKINPORTEN_ALLOW_HTTP_LOOPBACK && isLoopbackUrl(env.MASKINPORTEN_JWKS_URL))) {
      ctx.addIssue({
        code: 'custom',
        path: ['MASKINPORTEN_JWKS_URL'],
        message: 'MASKINPORTEN_JWKS_URL must be https (plain http only to a loopback address with MASKINPORTEN_ALLOW_HTTP_LOOPBACK=true)',
      });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together' });
    }
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses an environment; the server calls it once with process.env, tests with their own values. */
export function parseConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // `pnpm start` runs in api/; a relative DATA_DIR means relative to where the user typed the command.
  const invokedFrom = env.INIT_CWD ?? process.cwd();
  return Object.freeze({ ...result.data, DATA_DIR: path.resolve(invokedFrom, result.data.DATA_DIR) });
}

let loaded: Readonly<Config> | undefined;
/** The process configuration, read from process.env exactly once. */
export function loadConfig(): Readonly<Config> {
  loaded ??= parseConfig(process.env);
  return loaded;
}
