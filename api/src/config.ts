import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
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
    ADMIN_UI_DIR: z.string().default(path.join(projectRoot, 'admin-ui', 'dist')),
    MIGRATIONS_DIR: z.string().default(path.join(projectRoot, 'migrations')),
    SEED_DIR: z.string().default(path.join(projectRoot, 'seed')),
    // Reports: counts about people from 1 to this − 1 are suppressed for the directorate (and on request).
    // At least 3: with 2, every suppressed count would be 1.
    DISCLOSURE_THRESHOLD: z.coerce.number().int().min(3).max(100).default(5),
    // Computed reports kept in each instance's memory (per report, parameters, scope and data version).
    REPORT_CACHE_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(500),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'JWT_SECRET is required when DATABASE_URL is set (at least 32 random characters)',
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
